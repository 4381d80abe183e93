"""Asking before a step that cannot be undone (closing a meeting: rounds are read-only)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class ConfirmDialog(QMessageBox):
    """A question whose confirming button says what it does; ``confirmed`` on that button."""

    def __init__(
        self, title: str, question: str, details: str, confirm: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(QMessageBox.Icon.Question, title, question, parent=parent)
        self.setObjectName("confirmDialog")
        self.setInformativeText(details)
        self.confirm_button = self.addButton(confirm, QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)  # Enter alone never does what cannot be undone
