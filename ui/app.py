"""`lpsa-desktop [--db PATH_OR_URL] [--demo]`: the LPSA Desk window.

The window is shown before the store is opened: opening (and importing SQLAlchemy) happens
on the background worker and fills the window when it is done, so the first paint is about
as quick as an empty Qt window's. Unexpected errors, on any thread, are logged with their
traceback and shown in a dialog that gives the log file's path.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QApplication

from lpsa_desktop.errors import LpsaError
from lpsa_desktop.logs import configure_logging
from ui.app_settings import APPLICATION, ORGANISATION, AppSettings
from ui.controller import WindowController
from ui.dialogs.error_dialog import ErrorDialog
from ui.main_window import MainWindow
from ui.session import AgreementSession
from ui.tasks import TaskCancelledError, TaskRunner

log = logging.getLogger("lpsa.desktop")
_SIGNAL_POLL_MS = 250


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lpsa-desktop", description="The LPSA Desk window.")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="the store: a SQLite file or SQLAlchemy URL (default: $LPSA_DB, else "
        "lpsa.sqlite in your data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="add the demo agreement if the store has no agreements yet",
    )
    return parser


class FaultReporter:
    """Logs an unexpected error and shows it; refusals (LpsaError) are the caller's to word."""

    def __init__(self, log_path: Path | None) -> None:
        self.log_path = log_path
        self.window: MainWindow | None = None
        self.dialogs: list[ErrorDialog] = []

    def __call__(self, error: BaseException) -> None:
        if isinstance(error, TaskCancelledError):
            return
        if isinstance(error, LpsaError):
            log.warning("refused: %s", error)
        else:
            log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
        dialog = ErrorDialog(error, self.log_path, self.window)
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.open()

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        error.__traceback__ = tb
        self(error)


def create_window(
    app: QApplication, settings: AppSettings, reporter: Callable[[BaseException], None]
) -> tuple[MainWindow, WindowController]:
    """The window and its controller, wired; the store is not opened yet."""
    undo_group = QUndoGroup(app)
    window = MainWindow(undo_group)
    runner = TaskRunner(reporter, window)
    session = AgreementSession(runner, reporter, window)
    controller = WindowController(window, session, undo_group, settings)
    return window, controller


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    log_path = configure_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("LPSA Desk")
    reporter = FaultReporter(log_path)
    sys.excepthook = reporter.excepthook
    threading.excepthook = lambda hook: log.error(
        "error in thread %s",
        hook.thread,
        exc_info=(hook.exc_type, hook.exc_value, hook.exc_traceback),  # type: ignore[arg-type]
    )
    window, controller = create_window(app, AppSettings.for_user(), reporter)
    reporter.window = window
    window.show()
    controller.start(args.db, add_demo=args.demo)
    _close_on_signals(window)
    return app.exec()


def _close_on_signals(window: MainWindow) -> None:
    """Ctrl+C or SIGTERM closes the window the normal way (edits in flight are finished)."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: window.close())
    # Python runs signal handlers only when it gets control; Qt's loop must hand it over.
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(_SIGNAL_POLL_MS)


if __name__ == "__main__":
    sys.exit(main())
