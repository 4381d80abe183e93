"""A note at the cell that refused a value: where the officer is looking, not only in the
status bar at the foot of the window (which an officer typing into a cell does not read).

A child of the main window laid over its panels, not a tooltip window of its own: it shows
the same under every platform plugin, it is never taken for a separate window, and it
stays until the officer has read it (a click on it, the next refusal, or some seconds).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

SHOWN_MS = 8000
_STYLE = (
    "QLabel#refusalBalloon { background: #fdecea; color: #5c1a12; border: 1px solid #c0392b;"
    " border-radius: 4px; padding: 4px 8px; }"
)


class RefusalBalloon(QLabel):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.setObjectName("refusalBalloon")
        self.setAccessibleName("Why the value was not taken")
        self.setStyleSheet(_STYLE)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOWN_MS)
        self._timer.timeout.connect(self.hide)

    def show_for(self, message: str, anchor: QWidget | None = None) -> None:
        """Show ``message`` under the cell (or box) the officer was typing in."""
        self.setText(message)
        self.setMaximumWidth(max(240, self._window.width() // 3))
        self.adjustSize()
        # The window's own focus widget: the cell's view even while another window is active.
        self.move(self._position(self._anchor_rect(anchor or self._window.focusWidget())))
        self.raise_()
        self.show()
        self._timer.start()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hide()
        event.accept()

    def _anchor_rect(self, anchor: QWidget | None) -> QRect:
        """Where the value was typed, in the window's coordinates."""
        if anchor is None or not self._window.isAncestorOf(anchor):
            status = self._window.rect()
            return QRect(status.left() + 8, status.bottom() - 40, 0, 0)
        if isinstance(anchor, QAbstractItemView) and anchor.currentIndex().isValid():
            cell = anchor.visualRect(anchor.currentIndex())
            viewport = anchor.viewport()
            return QRect(viewport.mapTo(self._window, cell.topLeft()), cell.size())
        return QRect(anchor.mapTo(self._window, QPoint(0, 0)), anchor.size())

    def _position(self, rect: QRect) -> QPoint:
        """Just below ``rect`` (above it near the bottom), kept inside the window."""
        window = self._window.rect()
        x = min(max(rect.left(), 4), window.right() - self.width() - 4)
        y = rect.bottom() + 4
        if y + self.height() > window.bottom() - 4:
            y = rect.top() - self.height() - 4
        return QPoint(x, max(y, 4))
