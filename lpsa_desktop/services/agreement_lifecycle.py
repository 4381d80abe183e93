"""Starting, copying, deleting and restoring agreements: each one transaction with its audit.

A new agreement gets its generation's reward terms (``domain.lifecycle.new_agreement``) and,
unless one is given, a readable ref made from its lead council and generation. A ref that
an agreement has, or that a deleted agreement's history (audit trail, rounds) is kept
under, is taken: a new agreement never inherits another's history.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement, Council, FreedomRequest, Indicator, Target
from lpsa_desktop.domain.diff import Change, diff_agreements
from lpsa_desktop.domain.enums import AgreementStatus, DeliveryStatus, Generation, NegotiationStatus
from lpsa_desktop.domain.lifecycle import new_agreement
from lpsa_desktop.domain.refs import make_agreement_ref
from lpsa_desktop.errors import FieldProblem, InvalidValueError
from lpsa_desktop.services.agreement_editing import RefTakenError
from lpsa_desktop.services.agreement_edits import EditConflictError
from lpsa_desktop.storage.agreement_removal import PartCounts, RemovedRows
from lpsa_desktop.storage.store import Store
from lpsa_desktop.storage.unit_of_work import UnitOfWork

COPIED_FROM = "copied_from"
COPIED_TO = "copied_to"
_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
# The reward terms a generation fixes (what a copy into another generation takes anew).
_TERMS = ("reward_rate", "threshold", "cap", "interim_fraction", "capital_share")


def start_agreement(
    store: Store,
    *,
    councils: Sequence[str],
    generation: Generation,
    period_start: date,
    period_end: date,
    title: str | None = None,
    ref: str | None = None,
    net_budget_requirement: Decimal | None = None,
    officer: str,
) -> str:
    """A new draft agreement of ``councils`` (the first leads; a council the store holds
    already is linked, with its details, a new name becomes a new council); returns its ref."""
    names = _council_names(councils)
    _check_period(period_start, period_end)
    _check_money(net_budget_requirement)
    with store.unit_of_work(write=True) as uow:
        parties = tuple(uow.councils.find(name) or Council(name=name) for name in names)
        taken = _taken_refs(uow)
        made = new_agreement(
            parties[0],
            generation,
            period_start,
            period_end,
            taken_refs=taken,
            title=(title or "").strip() or None,
        )
        agreement = dataclasses.replace(
            made,
            ref=_chosen_ref(uow, ref) if ref else made.ref,
            councils=parties,
            net_budget_requirement=net_budget_requirement,
        )
        uow.agreements.save(agreement)
        uow.audit.record(agreement.ref, officer, "create", diff_agreements(None, agreement))
        return agreement.ref


def copy_agreement(
    store: Store,
    source: str,
    *,
    generation: Generation | None = None,
    period_start: date | None = None,
    period_end: date | None = None,
    ref: str | None = None,
    officer: str,
) -> str:
    """A new draft made from agreement ``source`` (a ref or unique council name): its
    councils, terms, targets, indicators, freedoms, partners and signatories. Not copied:
    rounds, meetings, import batches, the audit trail, nor what belongs to the old
    negotiation's progress (each item's agreed/open status, outturns, freedom delivery).
    A copy into another generation takes that generation's reward terms. Returns its ref."""
    if (period_start is None) != (period_end is None):
        raise InvalidValueError(
            FieldProblem("period", "", "both a start and an end date, or neither")
        )
    with store.unit_of_work(write=True) as uow:
        original = uow.agreements.get(uow.agreements.resolve(source))
        wanted = generation or original.generation
        start = period_start or original.period_start
        end = period_end or original.period_end
        _check_period(start, end)
        taken = _taken_refs(uow)
        copy = dataclasses.replace(
            _fresh_copy(original),
            ref=_chosen_ref(uow, ref)
            if ref
            else make_agreement_ref(original.lead_council.name, wanted.value, taken),
            generation=wanted,
            period_start=start,
            period_end=end,
        )
        if wanted is not original.generation:
            defaults = new_agreement(original.lead_council, wanted, start, end)
            copy = dataclasses.replace(copy, **{n: getattr(defaults, n) for n in _TERMS})
        uow.agreements.save(copy)
        uow.audit.record(
            copy.ref,
            officer,
            "copy",
            [*diff_agreements(None, copy), Change("changed", "", COPIED_FROM, None, original.ref)],
        )
        uow.audit.record(
            original.ref, officer, "copy", [Change("changed", "", COPIED_TO, None, copy.ref)]
        )
        return copy.ref


def copied_from(store: Store, ref: str) -> str | None:
    """The ref of the agreement ``ref`` was copied from, if it was (kept in the audit trail,
    so it is still known when that agreement has been deleted)."""
    with store.unit_of_work() as uow:
        events = uow.audit.history(ref, field=COPIED_FROM, limit=1)
    return events[0].new if events else None


def deletion_counts(store: Store, ref: str) -> PartCounts:
    """What deleting agreement ``ref`` would remove (and the rounds it keeps)."""
    with store.unit_of_work() as uow:
        return uow.removals.counts(uow.agreements.resolve(ref))


def delete_agreement(
    store: Store, ref: str, *, officer: str, expected: PartCounts | None = None
) -> RemovedRows:
    """Delete agreement ``ref`` with its meetings and import batches; returns every row
    removed, which ``restore_agreement`` puts back. With ``expected`` (the counts the officer
    confirmed), refuses with EditConflictError if the agreement has changed since."""
    with store.unit_of_work(write=True) as uow:
        counts = uow.removals.counts(ref)
        if expected is not None and counts != expected:
            raise EditConflictError(
                f"{ref} changed since the deletion was confirmed "
                f"(it now has {describe_counts(counts)}); nothing was deleted"
            )
        removed = uow.removals.remove(ref)
        uow.audit.record(
            ref, officer, "delete", [Change("removed", "", None, describe_counts(counts), None)]
        )
        return removed


def restore_agreement(store: Store, removed: RemovedRows, *, officer: str) -> None:
    """Put back a deleted agreement whole, with the same ids and refs (undo of a delete)."""
    with store.unit_of_work(write=True) as uow:
        if uow.agreements.exists(removed.ref):
            raise RefTakenError(
                f"an agreement with ref {removed.ref!r} exists again; the deleted one was not put back"
            )
        uow.removals.restore(removed)
        uow.audit.record(
            removed.ref, officer, "undo delete", [Change("added", "", None, None, removed.ref)]
        )


def describe_counts(counts: PartCounts) -> str:
    """'12 targets (20 indicators), 7 freedoms, 2 meetings, 1 import batch'."""

    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    return (
        f"{n(counts.targets, 'target')} ({n(counts.indicators, 'indicator')}), "
        f"{n(counts.freedoms, 'freedom')}, {n(counts.meetings, 'meeting')}, "
        f"{n(counts.import_batches, 'import batch').replace('batchs', 'batches')}"
    )


def _fresh_copy(original: Agreement) -> Agreement:
    def indicator(i: Indicator) -> Indicator:
        return dataclasses.replace(
            i, actual=None, interim_actual=None, negotiation=NegotiationStatus.OPEN
        )

    def target(t: Target) -> Target:
        return dataclasses.replace(
            t,
            indicators=tuple(indicator(i) for i in t.indicators),
            negotiation=NegotiationStatus.OPEN,
        )

    def freedom(f: FreedomRequest) -> FreedomRequest:
        return dataclasses.replace(
            f, delivery=DeliveryStatus.NOT_STARTED, negotiation=NegotiationStatus.OPEN
        )

    return dataclasses.replace(
        original,
        status=AgreementStatus.DRAFT,
        targets=tuple(target(t) for t in original.targets),
        freedoms=tuple(freedom(f) for f in original.freedoms),
    )


def _taken_refs(uow: UnitOfWork) -> set[str]:
    return uow.agreements.refs() | uow.removals.refs_with_history()


def _chosen_ref(uow: UnitOfWork, ref: str) -> str:
    cleaned = ref.strip()
    if not _REF.fullmatch(cleaned):
        raise InvalidValueError(
            FieldProblem("ref", ref, "letters, digits, '.', '_' or '-', no spaces")
        )
    if uow.agreements.exists(cleaned):
        raise RefTakenError(f"an agreement with ref {cleaned!r} already exists")
    if cleaned in uow.removals.refs_with_history():
        raise RefTakenError(
            f"the ref {cleaned!r} was used by a deleted agreement whose history is kept; "
            "choose another"
        )
    return cleaned


def _council_names(councils: Sequence[str]) -> list[str]:
    names = [" ".join(c.split()) for c in councils]
    if not names or not all(names):
        raise InvalidValueError(FieldProblem("councils", ", ".join(councils), "at least one name"))
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise InvalidValueError(FieldProblem("councils", name, "each council once"))
        seen.add(name.casefold())
    return names


def _check_period(start: date, end: date) -> None:
    if end <= start:
        raise InvalidValueError(
            FieldProblem("period", f"{start:%d/%m/%Y} to {end:%d/%m/%Y}", "an end after the start")
        )


def _check_money(amount: Decimal | None) -> None:
    if amount is not None and (
        not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01"))
    ):
        raise InvalidValueError(
            FieldProblem("net budget requirement", str(amount), "pounds and pence, not negative")
        )
