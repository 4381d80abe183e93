"""`lpsa-desktop [--db PATH_OR_URL] [--demo]`: the LPSA Desk window.

Start-up is staged so that a window is on screen almost as soon as an empty Qt window would
be: first the frame with its menus (few imports); after its first paint, the panels and
the controller; the store is opened (SQLAlchemy imported) on the background worker and
fills the window when it is ready. Unexpected errors, on any thread, are logged with their
traceback and shown in a dialog that gives the log file's path (``ui.faults``).
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QApplication

from lpsa_desktop.logs import configure_logging
from ui.app_icon import application_icon
from ui.app_settings import APPLICATION, ORGANISATION, AppSettings
from ui.crash_log import enable_crash_log
from ui.faults import FaultReporter
from ui.main_window import MainWindow
from ui.qt_workarounds import protect_bool_singletons, protect_none_singleton

if TYPE_CHECKING:
    from ui.controller import WindowController
    from ui.session import AgreementSession

log = logging.getLogger("lpsa.desktop")
_SIGNAL_POLL_MS = 250
_FIRST_PAINT_WAIT_MS = 500
QUIT_AFTER_SHOW = "LPSA_DESKTOP_QUIT_AFTER_SHOW"


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


def create_frame(app: QApplication) -> tuple[MainWindow, QUndoGroup]:
    """The window's frame with its menus: quick to import and to show."""
    protect_bool_singletons()  # before the window emits its first signal
    protect_none_singleton()  # before a view first asks its model for an empty role
    app.setWindowIcon(application_icon())  # every window and dialog, and the task bar
    undo_group = QUndoGroup(app)
    window = MainWindow(undo_group)
    window.setWindowIcon(app.windowIcon())
    return window, undo_group


def complete_window(
    window: MainWindow,
    undo_group: QUndoGroup,
    settings: AppSettings,
    reporter: Callable[[BaseException], None],
) -> WindowController:
    """The panels, the store's session and the controller, wired; the store is not open yet."""
    # Imported here, after the frame is on screen: together they take longer to import than
    # Qt itself, and nothing in them is needed to show the frame.
    from ui.controller import WindowController  # noqa: PLC0415
    from ui.session import AgreementSession  # noqa: PLC0415
    from ui.tasks import TaskRunner  # noqa: PLC0415

    window.install_panels()
    runner = TaskRunner(reporter, window)
    session = AgreementSession(runner, reporter, window)
    compute = TaskRunner(reporter, window, name="lpsa-compute")
    return WindowController(window, session, undo_group, settings, compute)


def create_window(
    app: QApplication, settings: AppSettings, reporter: Callable[[BaseException], None]
) -> tuple[MainWindow, WindowController]:
    """The whole window and its controller at once (tests and benchmarks)."""
    window, undo_group = create_frame(app)
    return window, complete_window(window, undo_group, settings, reporter)


def collect_less_often() -> None:
    """Young garbage collections every 50,000 allocations rather than 700. Called first
    thing: a start creates a great many objects (modules, Qt wrappers, the store code the
    worker imports), nearly all of them kept for good, and collecting them every 700
    allocations cost about a fourteenth of the CPU time to the agreement on screen
    (measured 1.87 s → 1.75 s, medians of 9)."""
    gc.set_threshold(50_000, 20, 20)


def tune_garbage_collection(window: MainWindow, session: AgreementSession) -> None:
    """Keep Python's full garbage collections short, for they stop every thread.

    A full collection scans every object the program holds; with SQLAlchemy, Qt and a large
    agreement loaded that is some 100,000 objects and 60-90 ms during which the window cannot
    repaint (measured while a 20,000-row return was imported). Objects alive once the store is
    open (modules, the window) live as long as the program, so they are frozen out of the
    scans; and young collections run less often (``collect_less_often``, from the start), so
    fewer objects are promoted to the old generation that full collections scan.
    """
    from PySide6.QtCore import Qt  # noqa: PLC0415 (its ~14 ms of enums, after the first paint)

    collect_less_often()
    once = Qt.ConnectionType.SingleShotConnection
    session.store_opened.connect(lambda _where: QTimer.singleShot(0, window, gc.freeze), once)


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # a frozen bundle's import child starts here
        import multiprocessing  # noqa: PLC0415

        multiprocessing.freeze_support()
    collect_less_often()
    args = build_parser().parse_args(argv)
    log_path = enable_crash_log(configure_logging())
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
    window, undo_group = create_frame(app)
    reporter.window = window
    window.show()

    def complete() -> None:
        controller = complete_window(window, undo_group, AppSettings.for_user(), reporter)
        tune_garbage_collection(window, controller.session)
        if os.environ.get(QUIT_AFTER_SHOW):
            quit_once_shown(window, controller.session)
        controller.start(args.db, add_demo=args.demo)

    after_first_paint(window, complete)
    _close_on_signals(window)
    return app.exec()


class _FirstPaint(QObject):
    def __init__(self, window: MainWindow, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(_FIRST_PAINT_WAIT_MS, self._go)  # never painted (minimised)? go on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._go)  # after this paint has reached the screen
        return False

    def _go(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._window.removeEventFilter(self)
            then()


def after_first_paint(window: MainWindow, then: Callable[[], None]) -> None:
    """Run ``then`` once the window has been painted for the first time."""
    _FirstPaint(window, then)


def quit_once_shown(window: MainWindow, session: AgreementSession) -> None:
    """For smoke tests of a build (``LPSA_DESKTOP_QUIT_AFTER_SHOW=1``): once the store is
    open and the window shows what it holds, say so and close the normal way."""
    from PySide6.QtCore import Qt  # noqa: PLC0415

    def shown(_history: object) -> None:
        print("window shown", flush=True)  # noqa: T201 (read by the packaging test)
        QTimer.singleShot(0, window.close)

    session.history_loaded.connect(shown, Qt.ConnectionType.SingleShotConnection)


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
