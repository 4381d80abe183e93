"""Help ▸ About: the version, and the licences of the fonts, icons and Qt shipped with it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.licences import Licence
from ui.app_icon import application_icon

_ICON_PX = 48


class AboutDialog(QDialog):
    def __init__(
        self, version: str, licences: list[Licence], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About LPSA Desk")
        self.resize(620, 520)
        icon = QLabel()
        icon.setPixmap(application_icon().pixmap(_ICON_PX, _ICON_PX))
        self.title = QLabel(
            f"<b>LPSA Desk {escape(version)}</b><br>"
            "Negotiate, price, print and sign Local Public Service Agreements."
        )
        self.title.setObjectName("aboutTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.title, 1)
        self.licences = QTextBrowser()
        self.licences.setObjectName("aboutLicences")
        self.licences.setHtml(licences_html(licences))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel("Shipped with LPSA Desk, and their licences:"))
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)


def licences_html(licences: list[Licence]) -> str:
    """One heading per component and its licence as it was written (line breaks kept)."""
    parts = [
        f"<h3>{escape(component)}</h3><pre style='white-space: pre-wrap'>{escape(text)}</pre>"
        for component, text in licences
    ]
    return "".join(parts)
