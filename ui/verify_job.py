"""A signature check waited for on a thread of its own, never on the store worker.

The check itself runs in a child process with a memory cap and a time limit
(``lpsa_desktop.exporting.verdict.bounded``); this thread only waits for its answer, so a
hostile PDF that keeps the child busy for 20 s never delays an edit on its way to the
store. The answer comes back to the GUI thread as a queued signal.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal


class VerifyJob(QObject):
    """Start with ``start``; ``finished(verdict)`` or ``failed(error)`` arrive on the GUI
    thread. ``stop`` ends the child (the dialog was closed)."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, path: Path, trusted: tuple[bytes, ...]) -> None:
        self._thread = threading.Thread(
            target=self._wait, args=(path, trusted), name="lpsa-verify", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _wait(self, path: Path, trusted: tuple[bytes, ...]) -> None:
        # No pyHanko here: it loads in the child, so this thread never holds the GIL for it.
        from lpsa_desktop.exporting.verification import verify_pdf  # noqa: PLC0415

        try:
            verdict = verify_pdf(path, trusted=trusted, should_stop=self._stop.is_set)
        except Exception as exc:  # a refused input (LpsaError) or a fault: the dialog words it
            self.failed.emit(exc)
            return
        self.finished.emit(verdict)
