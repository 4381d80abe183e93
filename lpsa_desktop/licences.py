"""The licences of what LPSA Desk ships with it: the DejaVu fonts, its icons, and Qt.

Read from the package's resources (``importlib.resources``), never from a source-tree path,
so that an installed wheel and a frozen bundle show the same texts as a checkout. The
window's Help ▸ About shows them; the command line could print them the same way.
"""

from __future__ import annotations

from importlib import resources
from typing import NamedTuple

_RESOURCES = "lpsa_desktop.resources"
_FILES = (
    ("DejaVu fonts (DejaVuSans, DejaVuSans-Bold)", ("fonts", "LICENSE-DejaVu.txt")),
    ("LPSA Desk icons", ("icons", "LICENSE.txt")),
)
QT_NOTICE = (
    "LPSA Desk's window is built with Qt (© The Qt Company Ltd and other contributors) "
    "through PySide6, Qt for Python. Both are used under the GNU Lesser General Public "
    "License version 3 (LGPLv3), unmodified and as separate shared libraries, which you "
    "may replace with your own build. The licence text is at "
    "https://www.gnu.org/licenses/lgpl-3.0.html and the source code at "
    "https://code.qt.io and https://code.qt.io/cgit/pyside/pyside-setup.git."
)


class Licence(NamedTuple):
    component: str
    text: str


def bundled_licences() -> list[Licence]:
    """Each bundled component with its licence text, Qt's notice last."""
    folder = resources.files(_RESOURCES)
    found = [
        Licence(component, folder.joinpath(*path).read_text(encoding="utf-8").strip())
        for component, path in _FILES
    ]
    return [*found, Licence("Qt and PySide6", QT_NOTICE)]
