"""A side-by-side splitter whose first pane keeps its width in characters.

Presentation mode makes every font half as large again; a pane sized in pixels would then
cut its columns (the list of meetings, the reward before and after). Here the first pane is
so many characters wide, whenever it is shown or its font changes, and the second takes what
is left. Dragging the handle sets a new width, kept in characters too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSplitter, QWidget


class FontScaledSplitter(QSplitter):
    def __init__(self, first_chars: float, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._first_chars = first_chars
        self._pending = True  # sized once it is laid out
        self.splitterMoved.connect(lambda _pos, _index: self._remember())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending:
            self._apply()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._pending:
            self._apply()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._pending = True
            if self.isVisible():
                self._apply()

    def _digit(self) -> int:
        return max(1, self.fontMetrics().horizontalAdvance("0"))

    def _apply(self) -> None:
        sizes, second = self.sizes(), self.widget(1)
        total = sum(sizes)
        if second is None or total <= 0 or not self.isVisible():
            return
        rest = second.minimumSizeHint().width()
        first = max(0, min(round(self._first_chars * self._digit()), total - rest))
        self.setSizes([first, total - first])
        self._pending = False

    def _remember(self) -> None:
        self._first_chars = self.sizes()[0] / self._digit()
