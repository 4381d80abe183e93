"""Small edits of a stored agreement, each one transaction that also writes the audit trail.

The window's undo commands call these with old and new values. Each edit is applied to the
agreement as it is in the store at that moment (``update_agreement`` holds the write lock
from the read), so two windows editing different values of one agreement both keep their
work. Partners and signatories have no refs; an edit of one by position first checks that
the position still holds the value the officer saw.
"""

from __future__ import annotations

from typing import Any

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.diff import Change, value_text
from lpsa_desktop.services.agreement_editing import update_agreement
from lpsa_desktop.services.agreement_edits import (
    EditConflictError,
    FieldAddress,
    Part,
    inserted,
    item_at,
    read_field,
    removed,
    with_field,
)
from lpsa_desktop.storage.store import Store

_POSITIONAL = (Part.PARTNER, Part.SIGNATORY)


def set_field(
    store: Store,
    agreement_ref: str,
    address: FieldAddress,
    value: Any,
    *,
    officer: str,
    expected: Any = None,
    check_expected: bool = False,
    action: str | None = None,
) -> list[Change]:
    """Store ``value`` in one field. With ``check_expected`` (always, for partners and
    signatories) the field must still hold ``expected``, else EditConflictError."""

    def change(agreement: Agreement) -> Agreement:
        if check_expected or address.part in _POSITIONAL:
            current = read_field(agreement, address)
            if current != expected:
                raise EditConflictError(
                    f"{address.label()} is now {value_text(current) or '(empty)'} in the store "
                    f"(changed elsewhere); it was {value_text(expected) or '(empty)'}"
                )
        return with_field(agreement, address, value)

    return update_agreement(
        store, agreement_ref, change, officer=officer, action=action or f"edit {address.label()}"
    )


def insert_item(
    store: Store,
    agreement_ref: str,
    part: Part,
    item: Any,
    index: int,
    *,
    parent: str = "",
    officer: str,
    action: str | None = None,
) -> list[Change]:
    """Add a target, indicator (to target ``parent``), freedom, partner or signatory."""
    return update_agreement(
        store,
        agreement_ref,
        lambda agreement: inserted(agreement, part, item, index, parent=parent),
        officer=officer,
        action=action or f"add {part.value}",
    )


def remove_item(
    store: Store,
    agreement_ref: str,
    part: Part,
    key: str | int,
    *,
    parent: str = "",
    expected: Any = None,
    officer: str,
    action: str | None = None,
) -> list[Change]:
    """Remove an item; a partner or signatory (by position) only if it is still ``expected``."""

    def change(agreement: Agreement) -> Agreement:
        if part in _POSITIONAL and item_at(agreement, part, key, parent=parent) != expected:
            shown = key + 1 if isinstance(key, int) else key
            raise EditConflictError(f"{part.value} {shown} changed elsewhere; not removed")
        return removed(agreement, part, key, parent=parent)

    return update_agreement(
        store, agreement_ref, change, officer=officer, action=action or f"remove {part.value}"
    )
