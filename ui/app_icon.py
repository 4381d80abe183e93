"""The application's icon, read from the package's resources (never a source-tree path, so
that an installed wheel and a frozen bundle find it as a checkout does)."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon, QPixmap

_ICONS = ("lpsa-desk-48.png", "lpsa-desk.png")  # small first: Qt picks the nearest size


def application_icon() -> QIcon:
    """The LPSA Desk icon in every size shipped (an empty icon if none can be read)."""
    icon = QIcon()
    folder = resources.files("lpsa_desktop.resources").joinpath("icons")
    for name in _ICONS:
        pixmap = QPixmap()
        if pixmap.loadFromData(folder.joinpath(name).read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon
