"""The strip across the top of the window that says presentation mode is on, and how to leave."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

BANNER_STYLE = """
QFrame#presentationBanner { background: #0b5394; border-radius: 3px; }
QFrame#presentationBanner QLabel { color: white; font-weight: bold; }
"""


class PresentationBanner(QFrame):
    leave_requested = Signal()

    def __init__(self, shortcut_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presentationBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.label = QLabel(
            "Presentation mode: everything internal (notes, rounds, decisions, actions), reserve "
            "targets and the audit trail are hidden"
        )
        self.label.setWordWrap(True)
        self.leave_button = QPushButton(f"Leave ({shortcut_text})")
        self.leave_button.clicked.connect(self.leave_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.leave_button)
        self.hide()
