"""Preferences: the officer's name (kept in the store, for the audit trail) and how much
larger text is in presentation mode (kept in the user's settings)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class PreferencesDialog(QDialog):
    def __init__(
        self, officer: str, presentation_scale: float, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.officer = QLineEdit(officer)
        self.officer.setToolTip("Recorded with every change in the audit trail of this store")
        self.scale = QDoubleSpinBox()
        self.scale.setRange(1.2, 2.5)
        self.scale.setSingleStep(0.1)
        self.scale.setSuffix(" ×")
        self.scale.setValue(presentation_scale)
        form = QFormLayout()
        form.addRow("Your &name", self.officer)
        form.addRow("&Presentation text size", self.scale)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel("The name is kept in the store, so every window on it records the same officer.")
        )
        layout.addWidget(buttons)
