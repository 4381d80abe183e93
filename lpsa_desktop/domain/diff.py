"""Field-by-field differences between two versions of an agreement.

One mechanism serves the audit trail (what an edit changed), the import plan (what a return
would change) and later the comparison of negotiation rounds. Children are matched by
their refs (targets, indicators, freedoms) or, for lists without refs (councils, partners,
signatories), by their text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from lpsa_desktop.domain.agreement import Agreement, FreedomRequest, Indicator, Target
from lpsa_desktop.domain.vocabulary import field_name, part_of_entity

_SCALARS_SKIPPED = {"councils", "partners", "signatories", "targets", "freedoms", "indicators"}


@dataclass(frozen=True)
class Change:
    """One difference. ``entity`` reads like 'target 3 / indicator 3b'; '' is the agreement."""

    kind: str  # 'added', 'removed', 'changed' (or, from comparison, 'renumbered')
    entity: str
    field: str | None
    old: str | None
    new: str | None

    @property
    def field_label(self) -> str:
        """The field by its name in the one vocabulary ('Outturn', not 'actual')."""
        if not self.field:
            return ""
        return field_name(part_of_entity(self.entity), self.field)

    def __str__(self) -> str:
        where = " / ".join(p for p in (self.entity, self.field_label) if p) or "agreement"
        if self.kind == "renumbered":
            return f"{self.entity}: renumbered from {self.old}"
        if self.kind == "changed":
            return f"{where}: {self.old or '(empty)'} → {self.new or '(empty)'}"
        return f"{where}: {self.kind}"


def value_text(value: Any) -> str | None:
    """A stable, readable text for a field value (None stays None)."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(value_text(v) or "" for v in value)
    return str(value)


def diff_agreements(old: Agreement | None, new: Agreement | None) -> list[Change]:
    """Every change from ``old`` to ``new``; either may be None (a whole add or removal)."""
    if old is None and new is None:
        return []
    if old is None or new is None:
        kind = "added" if old is None else "removed"
        return [Change(kind, "", None, None, None)]
    changes = list(_scalar_changes("", old, new))
    for name in ("councils", "partners", "signatories"):
        before = value_text(tuple(_row_text(x) for x in getattr(old, name)))
        after = value_text(tuple(_row_text(x) for x in getattr(new, name)))
        if before != after:
            changes.append(Change("changed", "", name, before, after))
    changes.extend(_keyed(old.targets, new.targets, "target", _target_changes))
    changes.extend(_keyed(old.freedoms, new.freedoms, "freedom", _freedom_changes))
    return changes


def _target_changes(entity: str, old: Target, new: Target) -> Iterator[Change]:
    yield from _scalar_changes(entity, old, new)
    yield from _keyed(old.indicators, new.indicators, f"{entity} / indicator", _indicator_changes)


def _indicator_changes(entity: str, old: Indicator, new: Indicator) -> Iterator[Change]:
    yield from _scalar_changes(entity, old, new)


def _freedom_changes(entity: str, old: FreedomRequest, new: FreedomRequest) -> Iterator[Change]:
    yield from _scalar_changes(entity, old, new)


def _keyed(old: Sequence[Any], new: Sequence[Any], label: str, inner: Any) -> Iterator[Change]:
    before = {x.ref: x for x in old}
    after = {x.ref: x for x in new}
    for ref, item in after.items():
        entity = f"{label} {ref}"
        if ref not in before:
            yield Change("added", entity, None, None, _row_text(item))
        elif before[ref] != item:  # an equal child has no changes (a whole target at once)
            yield from inner(entity, before[ref], item)
    for ref, item in before.items():
        if ref not in after:
            yield Change("removed", f"{label} {ref}", None, _row_text(item), None)


def _scalar_changes(entity: str, old: Any, new: Any) -> Iterator[Change]:
    for f in fields(old):
        if f.name in _SCALARS_SKIPPED:
            continue
        before, after = getattr(old, f.name), getattr(new, f.name)
        if before != after:
            yield Change(
                "changed", entity, f.name.rstrip("_"), value_text(before), value_text(after)
            )


def _row_text(item: Any) -> str:
    """A child as one line: its title or description, or all its fields for small records."""
    for name in ("title", "description"):
        if hasattr(item, name):
            return str(getattr(item, name))
    values = (value_text(getattr(item, f.name)) for f in fields(item))
    return " · ".join(v for v in values if v)
