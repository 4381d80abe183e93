"""Marking items open, agreed, parked or dropped; who did it and when comes from the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lpsa_desktop.domain.diff import Change
from lpsa_desktop.domain.enums import NegotiationStatus
from lpsa_desktop.domain.meetings import ItemKind, ItemRef
from lpsa_desktop.domain.negotiation import with_item_status
from lpsa_desktop.services.agreement_editing import update_agreement
from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from lpsa_desktop.services.edit_conflicts import Expectation
from lpsa_desktop.storage.store import Store


@dataclass(frozen=True)
class StatusMark:
    status: NegotiationStatus
    officer: str | None
    at: datetime | None


def set_item_status(
    store: Store,
    agreement_ref: str,
    item: ItemRef,
    status: NegotiationStatus,
    *,
    officer: str,
    expected: NegotiationStatus | None = None,
) -> list[Change]:
    """Mark ``item``; with ``expected`` (what the officer saw), a status changed elsewhere
    since is a conflict (ValueConflictError) and nothing is written."""
    expect = () if expected is None else (Expectation(status_address(item), expected),)
    return update_agreement(
        store,
        agreement_ref,
        lambda agreement: with_item_status(agreement, item, status),
        officer=officer,
        action=f"mark {item} {status.value}",
        expect=expect,
    )


def status_address(item: ItemRef) -> FieldAddress:
    """Where an item's status is kept: its 'negotiation' field."""
    return FieldAddress(Part(item.kind.value), item.ref, "negotiation")


def status_marks(store: Store, agreement_ref: str) -> dict[ItemRef, StatusMark]:
    """The latest status change of every item that has one: what, who and when."""
    with store.unit_of_work() as uow:
        # Only status changes: this runs after every edit in the window.
        events = uow.audit.history(agreement_ref, field="negotiation")
    marks: dict[ItemRef, StatusMark] = {}
    for event in events:  # newest first: keep the first seen per item
        if event.field != "negotiation" or event.new is None:
            continue
        item = _item_of(event.entity)
        if item is not None and item not in marks:
            marks[item] = StatusMark(NegotiationStatus(event.new), event.officer, event.at)
    return marks


def _item_of(entity: str) -> ItemRef | None:
    """'target 3 / indicator 3a' → indicator:3a; 'target 3' → target:3; 'freedom F2' → freedom:F2."""
    last = entity.rsplit(" / ", maxsplit=1)[-1]
    kind, _, ref = last.partition(" ")
    try:
        return ItemRef(ItemKind(kind), ref)
    except ValueError:
        return None
