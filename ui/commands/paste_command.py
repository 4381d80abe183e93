"""Undo for a paste: many cells changed as one step, stored in one transaction.

The cells' edits are the same FieldEdits a typed value makes, each with the value the cell
showed as its old (expected) value; redo stores the new values and undo the old ones, each
time all or nothing (``session.set_fields``).
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from lpsa_desktop.services.field_changes import FieldChange
from ui.item_models.cells import FieldEdit
from ui.session import AgreementSession


class PasteCommand(QUndoCommand):
    def __init__(self, session: AgreementSession, edits: list[FieldEdit], label: str) -> None:
        super().__init__(label)
        self._session = session
        self.agreement_ref = edits[0].agreement_ref
        self.edits = list(edits)

    def redo(self) -> None:
        changes = [FieldChange(e.address, e.new, expected=e.old) for e in self.edits]
        self._session.set_fields(self.agreement_ref, changes, action=self.text())

    def undo(self) -> None:
        changes = [FieldChange(e.address, e.old, expected=e.new) for e in reversed(self.edits)]
        self._session.set_fields(self.agreement_ref, changes, action=f"undo {self.text()}")
