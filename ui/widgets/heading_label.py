"""The agreement's title above the tabs: larger than the text around it, in every mode."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget

SCALE = 1.35


class HeadingLabel(QLabel):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("agreementHeading")
        self.setWordWrap(True)
        self.setMargin(3)  # not a style sheet: one would override the font set below
        self.follow_application_font()

    def follow_application_font(self) -> None:
        """Take the application font, larger (called again when presentation mode changes it:
        a label whose font was set explicitly does not follow the application's)."""
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * SCALE)
        font.setBold(True)
        self.setFont(font)
