"""A return's Periods sheet against the store: its outturns checked against the agreement's
reporting periods when the plan is made, and recorded in the import's own transaction."""

from __future__ import annotations

from dataclasses import replace

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.delivery.outturns import OutturnEntry
from lpsa_desktop.domain.delivery.reporting_periods import find_period, reporting_periods
from lpsa_desktop.domain.enums import Severity
from lpsa_desktop.importing.import_plan import ImportPlan
from lpsa_desktop.importing.issues import ImportIssue
from lpsa_desktop.importing.periods_sheet import PeriodsRead
from lpsa_desktop.services.outturn_recording import record_outturns_in
from lpsa_desktop.storage.unit_of_work import UnitOfWork


def plan_periods(
    uow: UnitOfWork, file: str, read: PeriodsRead, agreements: list[tuple[str, Agreement]]
) -> tuple[tuple[OutturnEntry, ...], int, list[ImportIssue]]:
    """(entries to record, how many change the store, issues)."""
    if not read.rows:
        return (), 0, []
    if len(agreements) != 1:
        return (
            (),
            0,
            [
                ImportIssue(
                    Severity.ERROR,
                    file,
                    f"covers {len(agreements)} agreements: a Periods sheet can only go with a "
                    "return for one agreement",
                    sheet=read.sheet,
                    code="sheet",
                )
            ],
        )
    ref, agreement = agreements[0]
    periods = reporting_periods(
        agreement.period_start, agreement.period_end, uow.delivery.frequency(ref)
    )
    labels = ", ".join(p.label for p in periods)
    refs = {i.ref for t in agreement.targets for i in t.indicators}
    stored = {(o.indicator_ref, o.period): o for o in uow.delivery.outturns(ref)}
    issues: list[ImportIssue] = []
    entries: list[OutturnEntry] = []
    seen: dict[tuple[str, str], int] = {}
    changed = 0
    for row in read.rows:
        entry = row.entry
        period = find_period(periods, entry.period)
        where = {"sheet": read.sheet, "row": row.row, "code": "cell"}
        if entry.indicator_ref not in refs:
            issues.append(
                ImportIssue(
                    Severity.ERROR,
                    file,
                    f"{ref} has no indicator {entry.indicator_ref!r}",
                    value=entry.indicator_ref,
                    column=row.indicator_column,
                    **where,  # type: ignore[arg-type]
                )
            )
            continue
        if period is None:
            issues.append(
                ImportIssue(
                    Severity.ERROR,
                    file,
                    "is not one of the agreement's reporting periods",
                    value=entry.period,
                    expected=labels,
                    column=row.period_column,
                    **where,  # type: ignore[arg-type]
                )
            )
            continue
        key = (entry.indicator_ref, period.label)
        if key in seen:
            issues.append(
                ImportIssue(
                    Severity.ERROR,
                    file,
                    f"{entry.indicator_ref} {period.label} is already on row {seen[key] + 1}",
                    **where,  # type: ignore[arg-type]
                )
            )
            continue
        seen[key] = row.row
        entry = replace(entry, period=period.label)
        old = stored.get(key)
        if (
            old is None
            or (old.value, old.audited, old.note)
            != (
                entry.value,
                entry.audited,
                entry.note,
            )
            or (entry.recorded_on is not None and entry.recorded_on != old.recorded_on)
        ):
            changed += 1
        entries.append(entry)
    return tuple(entries), changed, issues


def apply_periods(uow: UnitOfWork, plan: ImportPlan, *, officer: str, action: str) -> None:
    if plan.outturns and plan.agreements:
        record_outturns_in(
            uow, plan.agreements[0].ref, plan.outturns, officer=officer, action=action
        )
