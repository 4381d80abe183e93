"""Comparing two positions of an agreement (two rounds, or a round and the current state).

Field by field, as ``diff`` does, with three things a negotiation needs on top:
- a target that was *renumbered* (dropped as 3, back as 4 with the same title or the same
  indicators) reads as one renumbering plus its real changes, not a removal and an addition;
- every change names the party of the round that made it, walking the rounds in between;
- the reward pot and each target's potential on both sides.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from lpsa_desktop.domain.agreement import Agreement, Target
from lpsa_desktop.domain.diff import Change, diff_agreements
from lpsa_desktop.domain.reward import compute_reward
from lpsa_desktop.domain.rounds import Party


@dataclass(frozen=True)
class Position:
    """One side of a comparison: a round's snapshot or the current state (party None)."""

    label: str
    agreement: Agreement
    party: Party | None = None


@dataclass(frozen=True)
class ComparedChange:
    change: Change
    party: Party | None
    by: str
    """The label of the round (or 'current') that brought the field to its new value."""


@dataclass(frozen=True)
class PotentialRow:
    target: str
    before: Decimal | None
    after: Decimal | None


@dataclass(frozen=True)
class Comparison:
    before: str
    after: str
    changes: tuple[ComparedChange, ...]
    pot_before: Decimal
    pot_after: Decimal
    potentials: tuple[PotentialRow, ...]

    @property
    def renumbered(self) -> tuple[tuple[str, str], ...]:
        return tuple(
            (c.change.old or "", c.change.new or "")
            for c in self.changes
            if c.change.kind == "renumbered"
        )


INTERNAL_FIELDS = frozenset({"internal_notes"})
"""Fields never shown outside: a shared comparison leaves their changes out."""


def without_internal_changes(comparison: Comparison) -> Comparison:
    """``comparison`` without changes to internal fields (for presentation mode)."""
    changes = tuple(c for c in comparison.changes if c.change.field not in INTERNAL_FIELDS)
    return dataclasses.replace(comparison, changes=changes)


def compare_positions(
    before: Position, after: Position, between: Sequence[Position] = ()
) -> Comparison:
    """``between``: the positions taken after ``before`` and before ``after``, oldest first."""
    changes = align_and_diff(before.agreement, after.agreement)
    chain = [before, *between, after]
    authors = _last_changed_by(chain)
    compared = tuple(
        ComparedChange(c, *authors.get(_key(c), (after.party, after.label))) for c in changes
    )
    return Comparison(
        before=before.label,
        after=after.label,
        changes=compared,
        pot_before=compute_reward(before.agreement).pot,
        pot_after=compute_reward(after.agreement).pot,
        potentials=_potentials(before.agreement, after.agreement),
    )


def align_and_diff(before: Agreement, after: Agreement) -> list[Change]:
    """diff_agreements, with renumbered targets matched to their old selves first."""
    renumbering = match_renumbered_targets(before, after)
    if not renumbering:
        return diff_agreements(before, after)
    aligned = renumber(before, renumbering, after)
    moves = [
        Change("renumbered", f"target {new}", "ref", old, new) for old, new in renumbering.items()
    ]
    return moves + diff_agreements(aligned, after)


def match_renumbered_targets(before: Agreement, after: Agreement) -> dict[str, str]:
    """old ref → new ref for targets that left one ref and reappear under another."""
    old_refs = {t.ref for t in before.targets}
    new_refs = {t.ref for t in after.targets}
    gone = [t for t in before.targets if t.ref not in new_refs]
    arrived = [t for t in after.targets if t.ref not in old_refs]
    matches: dict[str, str] = {}
    for old in gone:
        for new in arrived:
            if new.ref not in matches.values() and _same_target(old, new):
                matches[old.ref] = new.ref
                break
    return matches


def renumber(agreement: Agreement, renumbering: dict[str, str], after: Agreement) -> Agreement:
    """``agreement`` with targets renamed as in ``renumbering``; their indicators follow
    ('3a' → '4a') where ``after`` uses the new names, and freedoms' links follow too."""
    targets = []
    for target in agreement.targets:
        new_ref = renumbering.get(target.ref)
        new_target = after.target(new_ref) if new_ref else None
        if new_ref is None or new_target is None:
            targets.append(target)
            continue
        kept = {i.ref for i in new_target.indicators}
        indicators = tuple(
            dataclasses.replace(i, ref=_follow(i.ref, target.ref, new_ref, kept))
            for i in target.indicators
        )
        targets.append(dataclasses.replace(target, ref=new_ref, indicators=indicators))
    freedoms = tuple(
        dataclasses.replace(f, targets=tuple(renumbering.get(r, r) for r in f.targets))
        for f in agreement.freedoms
    )
    return dataclasses.replace(agreement, targets=tuple(targets), freedoms=freedoms)


def _follow(ref: str, old_target: str, new_target: str, refs_after: set[str]) -> str:
    if ref in refs_after or not ref.startswith(old_target):
        return ref
    candidate = new_target + ref[len(old_target) :]
    return candidate if candidate in refs_after else ref


def _same_target(old: Target, new: Target) -> bool:
    if _words(old.title) == _words(new.title):
        return True
    old_descriptions = {_words(i.description) for i in old.indicators}
    return bool(old_descriptions) and old_descriptions == {
        _words(i.description) for i in new.indicators
    }


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def _key(change: Change) -> tuple[str, str | None]:
    return (change.entity, change.field)


def _last_changed_by(
    chain: Sequence[Position],
) -> dict[tuple[str, str | None], tuple[Party | None, str]]:
    """For each (entity, field), the party and label of the last step in ``chain`` that changed it."""
    authors: dict[tuple[str, str | None], tuple[Party | None, str]] = {}
    for previous, current in pairwise(chain):
        for change in align_and_diff(previous.agreement, current.agreement):
            authors[_key(change)] = (current.party, current.label)
    return authors


def _potentials(before: Agreement, after: Agreement) -> tuple[PotentialRow, ...]:
    old = {t.ref: t.potential for t in compute_reward(before).targets}
    new = {t.ref: t.potential for t in compute_reward(after).targets}
    order = list(new) + [ref for ref in old if ref not in new]
    return tuple(PotentialRow(ref, old.get(ref), new.get(ref)) for ref in order)
