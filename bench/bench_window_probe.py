"""Child process for bench_window's start-up figure: shows a window and reports, on standard
output, the moments it was first painted and (for LPSA Desk) painted with the agreement.

    python -m bench.bench_window_probe bare
    python -m bench.bench_window_probe desk STORE

The parent measures from before it starts this process, so Python's own start-up counts.
An application-wide event filter watches for the first Paint event of the main window; the
same filter runs in both programs, so it costs them alike.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget


class PaintWatcher(QObject):
    def __init__(self, wait_for_content: bool) -> None:
        super().__init__()
        self._wait_for_content = wait_for_content
        self._painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
            return False
        window = watched.window()
        if not isinstance(window, QMainWindow):
            return False
        if not self._painted:
            self._painted = True
            print(f"painted {time.monotonic()}", flush=True)
            if not self._wait_for_content:
                os._exit(0)
        heading = window.findChild(QLabel, "agreementHeading")
        if heading is not None and "Bath" in heading.text() and watched is heading:
            print(f"content {time.monotonic()}", flush=True)
            os._exit(0)  # skip teardown: only the start is measured
        return False


def main() -> None:
    kind = sys.argv[1]
    app = QApplication(sys.argv[:1])
    watcher = PaintWatcher(wait_for_content=kind == "desk")
    app.installEventFilter(watcher)
    if kind == "bare":
        window = QMainWindow()
        window.resize(1366, 768)
        window.show()
        app.exec()
        return
    from ui.app import main as desk_main  # noqa: PLC0415 (its import time is part of the figure)

    desk_main(["--db", sys.argv[2], "--demo"])


if __name__ == "__main__":
    main()
