"""The conflict rule: every edit states what the officer saw, and a mismatch is a conflict.

An edit carries ``Expectation``s: at this address (a field, or a whole item) the officer
saw this value (``ABSENT``: no such item). ``update_agreement`` checks them with
``check_expectations`` inside its write transaction, after taking the write lock and
before changing anything, against the agreement as stored at that moment. A mismatch
raises ``ValueConflictError`` carrying a ``Conflict``: where, what the officer saw, what
is stored, and who last changed it and when (from the audit trail). Nothing is written.

The window's edits, undo and redo, status changes (window and ``lpsa status``), structure
edits and ``lpsa set --expect`` all go through this one rule; an engine other than SQLite
needs only the same write transaction around it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.diff import value_text
from lpsa_desktop.errors import NotFoundError
from lpsa_desktop.services.agreement_edits import (
    ITEM,
    EditConflictError,
    FieldAddress,
    Part,
    item_at,
    parent_target,
    read_field,
)

if TYPE_CHECKING:  # the window imports this module before SQLAlchemy is loaded
    from lpsa_desktop.storage.unit_of_work import UnitOfWork


class Absent(Enum):
    """The value at an address where there is no item (not yet added, or removed since)."""

    ABSENT = "absent"

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT = Absent.ABSENT


@dataclass(frozen=True)
class Expectation:
    """At ``address`` the officer saw ``value`` (a field's value, a whole item, or ABSENT)."""

    address: FieldAddress
    value: Any


@dataclass(frozen=True)
class Conflict:
    """The facts of one conflict; the window and the CLI word them."""

    agreement_ref: str
    address: FieldAddress
    expected: Any  # what the officer saw (ABSENT: no such item)
    stored: Any  # what the store holds now (ABSENT: no such item)
    changed_by: str | None  # from the audit trail's newest event there; None if none
    changed_at: datetime | None
    change_action: str | None  # e.g. 'edit indicator 2 / with', 'mark target 3 dropped'

    @property
    def where(self) -> str:
        return self.address.label()


class ValueConflictError(EditConflictError):
    """An edit whose expectation the store no longer meets: nothing was written."""

    def __init__(self, conflict: Conflict) -> None:
        super().__init__(describe_conflict(conflict))
        self.conflict = conflict


def describe_conflict(conflict: Conflict) -> str:
    """One line: 'indicator 2 / with was changed elsewhere (7.6 → 7.5, by Raj, 03/12/2026 09:10)'."""
    who = ""
    if conflict.changed_by is not None and conflict.changed_at is not None:
        who = f", by {conflict.changed_by}, {conflict.changed_at:%d/%m/%Y %H:%M:%S}"
    item = FieldAddress(conflict.address.part, conflict.address.key, ITEM).label()
    if conflict.stored is ABSENT:
        return f"{item} was removed elsewhere{who}; nothing was changed"
    if conflict.expected is ABSENT:
        return f"{item} was added elsewhere{who}; nothing was changed"
    if conflict.address.field == ITEM:
        return f"{conflict.where} was changed elsewhere{who}; nothing was changed"
    return (
        f"{conflict.where} was changed elsewhere: you saw {shown(conflict.expected)}, "
        f"the store holds {shown(conflict.stored)}{who}; nothing was changed"
    )


def shown(value: Any) -> str:
    return value_text(value) or "(empty)"


def stored_value(agreement: Agreement, address: FieldAddress) -> Any:
    """What the agreement holds at ``address``: a field's value, the item, or ABSENT."""
    try:
        if address.part is Part.AGREEMENT:
            item: Any = agreement
        else:
            if address.key is None:
                return ABSENT
            parent = (
                parent_target(agreement, str(address.key)) if address.part is Part.INDICATOR else ""
            )
            item = item_at(agreement, address.part, address.key, parent=parent)
    except (NotFoundError, EditConflictError):
        return ABSENT
    if address.field == ITEM:
        return item
    return read_field(agreement, address)


def check_expectations(
    uow: UnitOfWork, agreement: Agreement, expectations: Sequence[Expectation]
) -> None:
    """ValueConflictError for the first expectation ``agreement`` (as stored) does not meet."""
    for expectation in expectations:
        stored = stored_value(agreement, expectation.address)
        if not same_value(stored, expectation.value):
            raise ValueConflictError(
                conflict_at(uow, agreement.ref, expectation.address, expectation.value, stored)
            )


def same_value(stored: Any, expected: Any) -> bool:
    if stored is ABSENT or expected is ABSENT:
        return stored is expected
    return bool(stored == expected)


def conflict_at(
    uow: UnitOfWork, agreement_ref: str, address: FieldAddress, expected: Any, stored: Any
) -> Conflict:
    """The conflict, with who last changed that place and when, read from the audit trail."""
    if stored is ABSENT and address.part not in _LIST_FIELDS:
        # Removed (perhaps with its target): the newest removal there, else any removal.
        patterns, _field = audit_place(FieldAddress(address.part, address.key, ITEM))
        event = uow.audit.latest_change(
            agreement_ref, entity_like=patterns, whole_items_only=True
        ) or uow.audit.latest_change(agreement_ref, entity_like=("%",), whole_items_only=True)
    else:
        patterns, field = audit_place(address)
        event = uow.audit.latest_change(agreement_ref, entity_like=patterns, field=field)
    return Conflict(
        agreement_ref,
        address,
        expected,
        stored,
        event.officer if event else None,
        event.at if event else None,
        event.action if event else None,
    )


def audit_place(address: FieldAddress) -> tuple[tuple[str, ...], str | None]:
    """The audit trail's entities (LIKE patterns) and field for ``address``.

    The trail names an indicator 'target 3 / indicator 3a' and keeps partners and
    signatories as one field of the agreement (see ``domain.diff``)."""
    field = address.field.rstrip("_") or None
    key = _escaped(str(address.key))
    match address.part:
        case Part.AGREEMENT:
            return ("agreement",) if field else ("%",), field
        case Part.PARTNER | Part.SIGNATORY | Part.COUNCIL:
            return ("agreement",), _LIST_FIELDS[address.part]
        case Part.INDICATOR:
            pattern = f"% / indicator {key}"
        case _:
            pattern = f"{address.part.value} {key}"
    # A whole item: its own events or those of anything inside it (a target's indicators).
    return ((pattern,) if field else (pattern, f"{pattern} / %")), field


_LIST_FIELDS = {Part.PARTNER: "partners", Part.SIGNATORY: "signatories", Part.COUNCIL: "councils"}


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
