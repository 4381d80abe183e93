"""Who the officer is: asked on the first start with a store that names nobody, and from
Edit ▸ Officer… later. The name is kept in the store (as ``lpsa officer`` keeps it), so
that every change in its audit trail says who made it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class OfficerDialog(QDialog):
    def __init__(self, name: str, *, first_time: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officerDialog")
        self.setWindowTitle("Who is making the changes?" if first_time else "Officer")
        intro = QLabel(
            "Every change is recorded in the audit trail with the name of the officer who "
            "made it. Please give your name as colleagues should read it, e.g. "
            "“Sam Okafor (GOSW)”."
            if first_time
            else "The name recorded with every change you make in this store's audit trail."
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(name)
        self.name.setObjectName("officerName")
        self.name.selectAll()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._enable_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.name)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())
        self._enable_ok()

    def chosen(self) -> str:
        return self.name.text().strip()

    def _enable_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.chosen()))

    def _on_ok(self) -> None:
        if self.chosen():
            self.accept()
