"""Column widths measured in characters, so that they grow with the text.

Presentation mode makes every font half as large again; widths given in pixels would then
cut figures to '£298,1…'. Widths here are in digits of the view's font and are applied
again whenever that font changes.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView

_PADDING_PX = 12


class ColumnWidths(QObject):
    """Keeps ``view``'s columns at their widths in characters (index → characters)."""

    def __init__(self, view: QTreeView | QTableView, widths: Mapping[int, float]) -> None:
        super().__init__(view)
        self._view = view
        self._widths = dict(widths)
        view.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        digit = self._view.fontMetrics().horizontalAdvance("0")
        header = _header(self._view)
        for column, chars in self._widths.items():
            if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive:
                header.resizeSection(column, round(chars * digit) + _PADDING_PX)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:
            self.apply()
        return False


def _header(view: QTreeView | QTableView) -> QHeaderView:
    return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
