"""A Details button that opens and folds away the details pane under a table.

The pane sits in a splitter, so the officer can also drag its handle (down to nothing);
the button follows the handle and the splitter's sizes are kept in the settings. On a
short screen (a 1366 x 768 laptop) the pane starts folded: the table then keeps most of
the screen, and its rows wrap so nothing in them is cut off.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QToolButton, QWidget

SHORT_SCREEN = 900  # available height in pixels below which the pane starts folded
DETAIL_LINES = 7  # the open pane's height, in lines of its font


def open_height(pane: QWidget) -> int:
    return pane.fontMetrics().lineSpacing() * DETAIL_LINES + 24


def starts_folded() -> bool:
    screen = QGuiApplication.primaryScreen()
    return screen is not None and screen.availableGeometry().height() < SHORT_SCREEN


class DetailsToggle(QToolButton):
    def __init__(self, splitter: QSplitter, pane: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._splitter, self._pane = splitter, pane
        self.setObjectName("detailsToggle")
        self.setText("&Details")
        self.setToolTip("Show or fold away the details of the chosen item (or drag the handle)")
        self.setCheckable(True)
        self.setChecked(not starts_folded())
        self._apply(self.isChecked())
        self.toggled.connect(self._apply)
        splitter.splitterMoved.connect(lambda *_: self.follow_splitter())

    def follow_splitter(self) -> None:
        """The button says what the splitter shows (after a drag or a restored layout)."""
        shown = self._splitter.sizes()[self._pane] > 0
        if shown != self.isChecked():
            self.blockSignals(True)
            self.setChecked(shown)
            self.blockSignals(False)

    def _apply(self, shown: bool) -> None:
        sizes = self._splitter.sizes()
        total = max(sum(sizes), 10_000)  # before the first layout the sizes are all 0
        pane = self._splitter.widget(self._pane)
        height = min(open_height(pane), total // 2) if shown and pane is not None else 0
        self._splitter.setSizes(
            [height if i == self._pane else total - height for i in range(len(sizes))]
        )
