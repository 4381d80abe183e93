"""Negotiation rounds: take one from the current state, list them, compare any two."""

from __future__ import annotations

from datetime import date, datetime

from lpsa_desktop.domain.comparison import (
    Comparison,
    Position,
    compare_positions,
    without_internal_changes,
)
from lpsa_desktop.domain.diff import Change
from lpsa_desktop.domain.rounds import Party, Round
from lpsa_desktop.errors import NotFoundError
from lpsa_desktop.storage.store import Store
from lpsa_desktop.storage.unit_of_work import UnitOfWork

CURRENT = "current"


def take_round(
    store: Store,
    agreement_ref: str,
    *,
    name: str,
    party: Party,
    officer: str,
    held_on: date | None = None,
    internal: bool = False,
    source: str = "",
) -> Round:
    """Snapshot the agreement as it stands now, as the next round (one transaction)."""
    with store.unit_of_work(write=True) as uow:
        return take_round_in(uow, agreement_ref, name=name, party=party, officer=officer,
                             held_on=held_on, internal=internal, source=source)  # fmt: skip


def take_round_in(
    uow: UnitOfWork,
    agreement_ref: str,
    *,
    name: str,
    party: Party,
    officer: str,
    held_on: date | None = None,
    internal: bool = False,
    source: str = "",
) -> Round:
    """The same inside a caller's transaction (an import or a meeting that records a round)."""
    taken = Round(
        agreement_ref=agreement_ref,
        number=uow.rounds.next_number(agreement_ref),
        name=name.strip() or "Round",
        party=party,
        held_on=held_on or date.today(),
        snapshot=uow.agreements.get(agreement_ref),
        internal=internal,
        taken_at=datetime.now(),
        officer=officer,
        source=source,
    )
    uow.rounds.add(taken)
    note = f"{taken.number}: {taken.name} ({party.value}{', internal' if internal else ''})"
    uow.audit.record(
        agreement_ref, officer, "take round", [Change("added", "round", None, None, note)]
    )
    return taken


def list_rounds(store: Store, agreement_ref: str, *, shared_only: bool = False) -> list[Round]:
    with store.unit_of_work() as uow:
        rounds = uow.rounds.list(agreement_ref)
    return [r for r in rounds if not (shared_only and r.internal)]


def compare_rounds(
    store: Store,
    agreement_ref: str,
    before: int | str,
    after: int | str,
    *,
    shared_only: bool = False,
) -> Comparison:
    """Compare round numbers (or ``'current'``) of one agreement; the rounds between them
    tell which party made each change. ``shared_only`` (presentation mode) refuses an
    internal round, leaves internal ones out of that attribution (no change is said to
    come from a position the other side has never seen) and leaves out changes to
    internal notes."""
    with store.unit_of_work() as uow:
        rounds = {
            r.number: r for r in uow.rounds.list(agreement_ref) if not (shared_only and r.internal)
        }
        for side in (before, after):
            if shared_only and side != CURRENT and int(side) not in rounds:
                raise NotFoundError(f"{agreement_ref} has no shared round {side}")
        current = (
            Position(CURRENT, uow.agreements.get(agreement_ref))
            if CURRENT in (before, after)
            else None
        )
        first = current if before == CURRENT else _position(uow, agreement_ref, before, rounds)
        second = current if after == CURRENT else _position(uow, agreement_ref, after, rounds)
    assert first is not None and second is not None
    low, high = _numbers(before, rounds), _numbers(after, rounds)
    between = [
        _as_position(rounds[n]) for n in sorted(rounds) if min(low, high) < n < max(low, high)
    ]
    if low > high:
        between.reverse()
    comparison = compare_positions(first, second, between)
    return without_internal_changes(comparison) if shared_only else comparison


def _position(uow: UnitOfWork, ref: str, number: int | str, rounds: dict[int, Round]) -> Position:
    return _as_position(rounds.get(int(number)) or uow.rounds.get(ref, int(number)))


def _as_position(taken: Round) -> Position:
    return Position(f"round {taken.number}: {taken.name}", taken.snapshot, taken.party)


def _numbers(which: int | str, rounds: dict[int, Round]) -> float:
    return float("inf") if which == CURRENT else int(which)
