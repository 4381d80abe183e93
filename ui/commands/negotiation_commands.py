"""Undo for the negotiation: an item's status, and a meeting's decisions and actions.

As for every edit, redo and undo each call one service with the values, and both are in the
audit trail. Taking a round and closing a meeting are not here: rounds are read-only by
design, so those ask for confirmation instead.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QUndoCommand

from lpsa_desktop.domain.enums import NegotiationStatus
from lpsa_desktop.domain.meetings import ItemKind, ItemRef
from lpsa_desktop.services.agreement_edits import FieldAddress
from ui.negotiation_session import NegotiationSession
from ui.session import AgreementSession

_SHORT = 32


def item_of(address: FieldAddress) -> ItemRef:
    """The item whose status ``address`` (a target, indicator or freedom's 'negotiation') is."""
    return ItemRef(ItemKind(address.part.value), str(address.key))


class SetItemStatusCommand(QUndoCommand):
    """Mark a target, indicator or freedom open, agreed, parked or dropped.

    Applied on screen at once and written as ``set_item_status`` writes it (the same field,
    the same 'mark target 3 agreed' in the audit trail), so who set it and when is read back
    from the audit trail like a status set with ``lpsa status``."""

    def __init__(
        self,
        session: AgreementSession,
        agreement_ref: str,
        address: FieldAddress,
        old: NegotiationStatus,
        new: NegotiationStatus,
    ) -> None:
        super().__init__(f"mark {item_of(address)} {new.value}")
        self._session = session
        self.agreement_ref = agreement_ref
        self.address = address
        self.old, self.new = old, new

    def redo(self) -> None:
        self._session.set_field(
            self.agreement_ref, self.address, self.new, expected=self.old, action=self.text()
        )

    def undo(self) -> None:
        self._session.set_field(
            self.agreement_ref,
            self.address,
            self.old,
            expected=self.new,
            action=f"undo {self.text()}",
            undoing=True,
        )

    @property
    def store_address(self) -> FieldAddress:
        return self.address


class RecordDecisionCommand(QUndoCommand):
    """A decision recorded at an open meeting; undo takes it back while the meeting is open."""

    def __init__(
        self,
        negotiation: NegotiationSession,
        meeting_id: int,
        item: ItemRef | None,
        text: str,
        *,
        internal: bool,
    ) -> None:
        super().__init__(f"record decision “{_short(text)}”")
        self._negotiation = negotiation
        self.meeting_id, self.item, self.decision, self.internal = meeting_id, item, text, internal

    def redo(self) -> None:
        self._negotiation.meeting_step(
            "record_decision",
            self.meeting_id,
            item=self.item,
            text=self.decision,
            internal=self.internal,
        )

    def undo(self) -> None:
        self._negotiation.meeting_step(
            "remove_last_decision", self.meeting_id, text=self.decision, item=self.item
        )


class AddActionCommand(QUndoCommand):
    """An action item added at an open meeting; undo takes it back while it is open."""

    def __init__(
        self,
        negotiation: NegotiationSession,
        meeting_id: int,
        item: ItemRef | None,
        text: str,
        *,
        owner: str,
        due: date | None,
        internal: bool,
    ) -> None:
        super().__init__(f"add action “{_short(text)}” ({owner})")
        self._negotiation = negotiation
        self.meeting_id, self.item, self.action, self.internal = meeting_id, item, text, internal
        self.owner, self.due = owner, due

    def redo(self) -> None:
        self._negotiation.meeting_step(
            "add_action",
            self.meeting_id,
            item=self.item,
            text=self.action,
            owner=self.owner,
            due=self.due,
            internal=self.internal,
        )

    def undo(self) -> None:
        self._negotiation.meeting_step(
            "remove_last_action",
            self.meeting_id,
            text=self.action,
            owner=self.owner,
            item=self.item,
        )


class MarkActionDoneCommand(QUndoCommand):
    """An action ticked off (or reopened); allowed after the meeting too: that is follow-up."""

    def __init__(
        self, negotiation: NegotiationSession, meeting_id: int, index: int, *, done: bool
    ) -> None:
        verb = "tick off" if done else "reopen"
        super().__init__(f"{verb} action {index + 1} of meeting {meeting_id}")
        self._negotiation = negotiation
        self.meeting_id, self.index, self.done = meeting_id, index, done

    def redo(self) -> None:
        self._set(self.done)

    def undo(self) -> None:
        self._set(not self.done)

    def _set(self, done: bool) -> None:
        self._negotiation.meeting_step(
            "mark_action_done", self.meeting_id, index=self.index, done=done
        )


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"
