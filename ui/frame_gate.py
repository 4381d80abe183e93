"""Let the window paint an edit before the worker starts writing it.

An edit is shown at once and written on the worker straight after. Writing an agreement is
mostly Python (read, diff, audit rows), and a thread running Python takes the interpreter
lock from the GUI thread, whose painting calls into Python for every cell (the models'
``data``): with the write running, the frame that shows a paste of 1,000 outturns took two
to four times as long to paint. So a write waits, on the worker and without the lock, until
the GUI thread has had its next turn of the event loop (the repaint, validation's marks),
at most ``WAIT_AT_MOST_S``. It keeps its place in the worker's queue, so edits still reach
the store in the order they were made; nothing else changes about a write.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer

WAIT_AT_MOST_S = 0.5  # a GUI thread that never returns to its loop cannot hold a write back


class FrameGate(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: list[threading.Event] = []
        # A zero-interval timer started after the edit's own (validation's) fires after it,
        # and after the repaint the edit asked for.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.open)

    def ticket(self) -> threading.Event:
        """An event the worker waits on before writing; set after the next turn of the loop."""
        ticket = threading.Event()
        self._waiting.append(ticket)
        self._timer.start()
        return ticket

    def open(self) -> None:
        """Let every waiting write go (also called before the worker is shut down)."""
        waiting, self._waiting = self._waiting, []
        for ticket in waiting:
            ticket.set()


def wait_for(ticket: threading.Event) -> None:
    """On the worker: wait (without the interpreter lock) until the frame has been painted."""
    ticket.wait(WAIT_AT_MOST_S)
