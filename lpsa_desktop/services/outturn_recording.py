"""Recording outturns over time. Each call is one transaction with its audit rows.

The reward's actual follows the audited end-period value: recording an audited outturn for
the end period sets the indicator's actual (and an audited outturn for the interim period,
its interim outturn), in the same transaction. A provisional value changes neither, and an
officer can still type a what-if actual in the window or pass ``--actual`` to the reward.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement, indicator_replaced
from lpsa_desktop.domain.delivery.outturns import Outturn, OutturnEntry, remap_periods
from lpsa_desktop.domain.delivery.reporting_periods import (
    Frequency,
    ReportingPeriod,
    find_period,
    reporting_periods,
)
from lpsa_desktop.domain.diff import Change, diff_agreements
from lpsa_desktop.errors import FieldProblem, InvalidValueError, LpsaError, NotFoundError
from lpsa_desktop.storage.store import Store
from lpsa_desktop.storage.unit_of_work import UnitOfWork


class StrandedOutturnsError(LpsaError):
    """A change of reporting frequency that would leave outturns with no period."""


def schedule_of(uow: UnitOfWork, agreement: Agreement) -> tuple[ReportingPeriod, ...]:
    frequency = uow.delivery.frequency(agreement.ref)
    return reporting_periods(agreement.period_start, agreement.period_end, frequency)


def record_outturns(
    store: Store, ref_or_council: str, entries: Sequence[OutturnEntry], *, officer: str
) -> list[Outturn]:
    """Record several outturns at once (a pasted block, a Periods sheet): all or none."""
    with store.unit_of_work(write=True) as uow:
        return record_outturns_in(
            uow, uow.agreements.resolve(ref_or_council), entries, officer=officer
        )


def record_outturns_in(
    uow: UnitOfWork,
    ref: str,
    entries: Sequence[OutturnEntry],
    *,
    officer: str,
    action: str = "record outturn",
) -> list[Outturn]:
    agreement = uow.agreements.get(ref)
    periods = schedule_of(uow, agreement)
    stored = {(o.indicator_ref, o.period): o for o in uow.delivery.outturns(ref)}
    made: list[Outturn] = []
    changes: list[Change] = []
    after = agreement
    for entry in entries:
        found = agreement.find_indicator(entry.indicator_ref)
        if found is None:
            known = ", ".join(i.ref for t in agreement.targets for i in t.indicators)
            raise NotFoundError(f"{ref} has no indicator {entry.indicator_ref!r} (it has {known})")
        target, indicator = found
        period = find_period(periods, entry.period)
        if period is None:
            raise InvalidValueError(
                FieldProblem(
                    f"{ref} indicator {indicator.ref} period",
                    entry.period,
                    "one of " + ", ".join(p.label for p in periods) + " or 'end'",
                )
            )
        old = stored.get((indicator.ref, period.label))
        internal = entry.internal_note
        if internal is None:
            internal = old.internal_note if old else ""
        outturn = Outturn(
            indicator.ref,
            period.label,
            entry.value,
            entry.recorded_on or (old.recorded_on if old else date.today()),
            entry.audited,
            entry.note.strip(),
            internal.strip(),
        )
        if old == outturn:
            continue
        changes.append(
            Change(
                "changed" if old else "added",
                f"target {target.ref} / indicator {indicator.ref}",
                f"outturn {period.label}",
                _describe(old),
                _describe(outturn),
            )
        )
        stored[(indicator.ref, period.label)] = outturn
        made.append(outturn)
        if outturn.audited:
            after = _follow_audited(after, indicator.ref, period, periods, outturn.value)
    if made:
        uow.delivery.put_outturns(ref, made)
        actual_changes = diff_agreements(agreement, after)
        if actual_changes:
            uow.agreements.save(after)
        uow.audit.record(ref, officer, action, [*changes, *actual_changes])
    return made


def _follow_audited(
    agreement: Agreement,
    indicator_ref: str,
    period: ReportingPeriod,
    periods: tuple[ReportingPeriod, ...],
    value: Decimal,
) -> Agreement:
    field = None
    found = agreement.find_indicator(indicator_ref)
    assert found is not None  # checked by the caller
    indicator = found[1]
    if period.label == periods[-1].label:
        field = "actual"
    elif indicator.interim_period and indicator.interim_period.strip() == period.label:
        field = "interim_actual"
    if field is None:
        return agreement
    targets = tuple(
        replace(
            t,
            indicators=tuple(
                indicator_replaced(i, {field: value}) if i.ref == indicator_ref else i
                for i in t.indicators
            ),
        )
        for t in agreement.targets
    )
    return replace(agreement, targets=targets)


def _describe(outturn: Outturn | None) -> str | None:
    if outturn is None:
        return None
    state = "audited" if outturn.audited else "provisional"
    return f"{outturn.value} ({state})"


def set_outturns(
    store: Store,
    ref_or_council: str,
    states: Sequence[tuple[str, str, Outturn | None]],
    *,
    officer: str,
    action: str = "record outturns",
) -> None:
    """Make each (indicator, period label) hold the given outturn, or none, in one
    transaction: the window's paste of a block of cells, and its undo."""
    with store.unit_of_work(write=True) as uow:
        ref = uow.agreements.resolve(ref_or_council)
        entries = [
            OutturnEntry(
                o.indicator_ref,
                o.period,
                o.value,
                o.audited,
                o.note,
                o.internal_note,
                o.recorded_on,
            )
            for _indicator, _period, o in states
            if o is not None
        ]
        record_outturns_in(uow, ref, entries, officer=officer, action=action)
        removed = [
            Change("removed", f"indicator {indicator}", f"outturn {period}", None, None)
            for indicator, period, o in states
            if o is None and uow.delivery.remove_outturn(ref, indicator, period)
        ]
        if removed:
            uow.audit.record(ref, officer, action, removed)


def remove_outturn(
    store: Store, ref_or_council: str, indicator_ref: str, period_text: str, *, officer: str
) -> None:
    with store.unit_of_work(write=True) as uow:
        ref = uow.agreements.resolve(ref_or_council)
        agreement = uow.agreements.get(ref)
        period = find_period(schedule_of(uow, agreement), period_text)
        label = period.label if period else period_text
        if not uow.delivery.remove_outturn(ref, indicator_ref, label):
            raise NotFoundError(f"{ref} has no outturn for {indicator_ref} in {period_text}")
        uow.audit.record(
            ref,
            officer,
            "remove outturn",
            [Change("removed", f"indicator {indicator_ref}", f"outturn {label}", None, None)],
        )


def set_frequency(store: Store, ref_or_council: str, frequency: Frequency, *, officer: str) -> None:
    """Report by another frequency. Stored outturns move to the new period that ends on the
    same day (a year's value becomes its fourth quarter's); if any would have no period,
    nothing changes and StrandedOutturnsError names them."""
    with store.unit_of_work(write=True) as uow:
        ref = uow.agreements.resolve(ref_or_council)
        agreement = uow.agreements.get(ref)
        old_frequency = uow.delivery.frequency(ref)
        if old_frequency is frequency:
            return
        old = schedule_of(uow, agreement)
        new = reporting_periods(agreement.period_start, agreement.period_end, frequency)
        moved, stranded = remap_periods(uow.delivery.outturns(ref), old, new)
        if stranded:
            names = ", ".join(f"{o.indicator_ref} {o.period}" for o in stranded[:5])
            raise StrandedOutturnsError(
                f"{ref}: {len(stranded)} outturn(s) have no {frequency.value} period to go to "
                f"({names}); remove them first"
            )
        uow.delivery.set_frequency(ref, frequency)
        uow.delivery.replace_outturns(ref, moved)
        uow.audit.record(
            ref,
            officer,
            "set reporting frequency",
            [Change("changed", "", "reporting frequency", old_frequency.value, frequency.value)],
        )


@dataclass(frozen=True)
class DeliveryRecord:
    agreement: Agreement
    frequency: Frequency
    periods: tuple[ReportingPeriod, ...]
    outturns: tuple[Outturn, ...]


def delivery_record(store: Store, ref_or_council: str) -> DeliveryRecord:
    with store.unit_of_work() as uow:
        ref = uow.agreements.resolve(ref_or_council)
        agreement = uow.agreements.get(ref)
        frequency = uow.delivery.frequency(ref)
        periods = reporting_periods(agreement.period_start, agreement.period_end, frequency)
        return DeliveryRecord(agreement, frequency, periods, tuple(uow.delivery.outturns(ref)))
