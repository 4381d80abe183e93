"""Small edits of a stored agreement, each one transaction that also writes the audit trail.

The window's undo commands and ``lpsa set`` call these with old and new values. Each edit
is applied to the agreement as it is in the store at that moment (``update_agreement``
holds the write lock from the read), and each states what the officer saw there: a field's
value, the whole item being removed, or that no item has the ref being added. The store
must still hold exactly that, else ValueConflictError and nothing is written
(``edit_conflicts``), so two windows never overwrite each other unseen, and an undo of a
value changed elsewhere since is refused rather than undoing the other officer's work.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.diff import Change, value_text
from lpsa_desktop.services.agreement_editing import update_agreement
from lpsa_desktop.services.agreement_edits import (
    ITEM,
    FieldAddress,
    Part,
    inserted,
    read_field,
    removed,
    with_field,
)
from lpsa_desktop.services.edit_conflicts import ABSENT, Expectation
from lpsa_desktop.storage.store import Store


class Unchecked:
    """``expected=UNCHECKED``: the caller read the value in this same transaction (``lpsa
    set`` without ``--expect``), so there is nothing the officer saw that could be stale."""


UNCHECKED = Unchecked()


def set_field(
    store: Store,
    agreement_ref: str,
    address: FieldAddress,
    value: Any,
    *,
    officer: str,
    expected: Any,
    action: str | None = None,
) -> list[Change]:
    """Store ``value`` in one field, which must still hold ``expected``."""
    expect = () if expected is UNCHECKED else (Expectation(address, expected),)
    return update_agreement(
        store,
        agreement_ref,
        lambda agreement: with_field(agreement, address, value),
        officer=officer,
        action=action or f"edit {address.label()}",
        expect=expect,
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
    """Add a target, indicator (to target ``parent``), freedom, partner or signatory.

    An item with a ref expects that ref to be free: another window that added an item of
    that ref first is a conflict, not a duplicate."""
    ref = getattr(item, "ref", None)
    expect = () if ref is None else (Expectation(FieldAddress(part, ref, ITEM), ABSENT),)
    return update_agreement(
        store,
        agreement_ref,
        lambda agreement: inserted(agreement, part, item, index, parent=parent),
        officer=officer,
        action=action or f"add {part.value}",
        expect=expect,
    )


def remove_item(
    store: Store,
    agreement_ref: str,
    part: Part,
    key: str | int,
    *,
    parent: str = "",
    expected: Any,
    officer: str,
    action: str | None = None,
) -> list[Change]:
    """Remove an item, which must still be ``expected`` (as the officer saw it): removing
    an item changed elsewhere since would lose that change unseen."""
    return update_agreement(
        store,
        agreement_ref,
        lambda agreement: removed(agreement, part, key, parent=parent),
        officer=officer,
        action=action or f"remove {part.value}",
        expect=(Expectation(FieldAddress(part, key, ITEM), expected),),
    )


def set_fields(
    store: Store,
    agreement_ref: str,
    edits: Sequence[tuple[FieldAddress, Any, Any]],
    *,
    officer: str,
) -> list[tuple[FieldAddress, Any, Any]]:
    """Several ``(address, value, expected)`` edits in one transaction (``lpsa set``); each
    ``expected`` is checked as ``set_field`` checks it. Returns ``(address, old, new)`` as
    stored before and after, in the order given."""
    expect = [Expectation(a, e) for a, _v, e in edits if e is not UNCHECKED]
    seen: list[tuple[FieldAddress, Any, Any]] = []

    def change(agreement: Agreement) -> Agreement:
        seen.clear()
        for address, value, _expected in edits:
            old = read_field(agreement, address)
            agreement = with_field(agreement, address, value)
            seen.append((address, old, value))
        return agreement

    labels = ", ".join(dict.fromkeys(_action_of(a, v) for a, v, _e in edits))
    update_agreement(store, agreement_ref, change, officer=officer, action=labels, expect=expect)
    return list(seen)


def _action_of(address: FieldAddress, value: Any) -> str:
    """The window's wording: 'edit indicator 2 / with'; a status as `lpsa status` marks it."""
    if address.field == "negotiation" and address.part in (
        Part.TARGET,
        Part.INDICATOR,
        Part.FREEDOM,
    ):
        return f"mark {address.part.value} {address.key} {value_text(value)}"
    return f"edit {address.label()}"
