"""Undo for one changed value: redo writes the new value, undo writes the old one back."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from lpsa_desktop.domain.display import field_value_text
from lpsa_desktop.services.agreement_edits import FieldAddress
from ui.item_models.cells import FieldEdit
from ui.session import AgreementSession

EDIT_FIELD_COMMAND_ID = 1001
_SHORT = 24


class EditFieldCommand(QUndoCommand):
    """One value edited by the officer. Typing into the same cell again (with nothing in
    between) merges into this command, so one Ctrl+Z goes back to the value before."""

    def __init__(self, session: AgreementSession, edit: FieldEdit) -> None:
        super().__init__()
        self._session = session
        self.agreement_ref = edit.agreement_ref
        self.address: FieldAddress = edit.address
        self.old: Any = edit.old
        self.new: Any = edit.new
        self._describe()

    @property
    def store_address(self) -> FieldAddress:
        """Where it writes: how a held edit finds its step (``ui.edit_problems``)."""
        return self.address

    def id(self) -> int:
        return EDIT_FIELD_COMMAND_ID

    def redo(self) -> None:
        self._session.set_field(
            self.agreement_ref,
            self.address,
            self.new,
            expected=self.old,
            action=f"edit {self.address.label()}",
        )

    def undo(self) -> None:
        self._session.set_field(
            self.agreement_ref,
            self.address,
            self.old,
            expected=self.new,
            action=f"undo edit {self.address.label()}",
            undoing=True,
        )

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditFieldCommand):
            return False
        if (other.agreement_ref, other.address) != (self.agreement_ref, self.address):
            return False
        if other.old != self.new:
            return False
        self.new = other.new
        self._describe()
        # Typed back to where it started: the step undoes nothing, so drop it from the stack.
        self.setObsolete(self.new == self.old)
        return True

    def describe(self) -> None:
        """Name the step by its values (again, after they were rebased on a conflict)."""
        self._describe()

    def _describe(self) -> None:
        old, new = self._shown(self.old), self._shown(self.new)
        self.setText(f"edit {self.address.label()}: {_short(old)} → {_short(new)}")

    def _shown(self, value: Any) -> str | None:
        """With its unit ("7.6%"), as the column shows it (the one vocabulary)."""
        address = self.address
        return field_value_text(
            self._session.agreement, address.part.value, address.key, address.field, value
        )


def _short(text: str | None) -> str:
    text = text or "(empty)"
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"
