"""In-process window measurements for bench_window: GUI-thread stalls during an import, and
the time from an edit to the reward panel repainted. Drives the real main window."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from bench.return_generator import write_big_return
from ui.app import create_window, tune_garbage_collection
from ui.app_settings import AppSettings
from ui.controller import WindowController
from ui.dialogs.import_dialog import ImportDialog
from ui.item_models.target_columns import COLUMN_INDEX
from ui.main_window import MainWindow

TICK_MS = 2


class StallMeter:
    """A timer that should fire every 2 ms on the GUI thread; how late it is, is a stall."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self._last = time.perf_counter()
        self.longest = 0.0

    def start(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last - TICK_MS / 1000)
        self._last = now


def _app() -> QApplication:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    return app


def _window(folder: Path, store: Path) -> tuple[MainWindow, WindowController]:
    settings = AppSettings(QSettings(str(folder / f"{store.stem}.ini"), QSettings.Format.IniFormat))
    window, controller = create_window(_app(), settings, _raise)
    tune_garbage_collection(window, controller.session)  # as lpsa-desktop's main() does
    window.resize(1366, 768)
    window.show()
    controller.start(str(store), add_demo=False)
    return window, controller


def _raise(error: BaseException) -> None:
    raise error


def _wait(condition: Callable[[], bool], timeout: float = 120) -> None:
    app, deadline = _app(), time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.0005)


def measure_import_stalls(folder: Path, rows: int) -> dict[str, float]:
    path = folder / "big-return.xlsx"
    write_big_return(path, rows)
    window, controller = _window(folder, folder / "import.sqlite")
    session, meter = controller.session, StallMeter()
    _wait(lambda: session.store is not None and session.runner.idle)
    figures: dict[str, float] = {}
    meter.start()
    started = time.perf_counter()
    controller.files.import_return(path)
    dialog = controller.files.dialog
    assert isinstance(dialog, ImportDialog)
    _wait(lambda: dialog.plan is not None)
    figures[f"read and plan {rows:,} rows: wall time"] = time.perf_counter() - started
    figures["  longest GUI stall while reading, planning, showing the plan"] = meter.stop()
    meter.start()
    started = time.perf_counter()
    dialog.apply_button.click()
    _wait(lambda: not dialog.isVisible())
    figures["apply: wall time"] = time.perf_counter() - started
    figures["  longest GUI stall while applying"] = meter.stop()
    meter.start()
    started = time.perf_counter()
    _wait(lambda: session.runner.idle and session.agreement is not None)
    _app().processEvents()
    window.repaint()
    figures[f"show the new {rows:,}-indicator agreement: wall time"] = time.perf_counter() - started
    figures["  longest GUI stall while showing it"] = meter.stop()
    window.close()
    return figures


def measure_edit_latency(store: Path, edits: int = 30) -> tuple[float, float]:
    window, controller = _window(store.parent, store)
    session = controller.session
    _wait(lambda: session.agreement is not None and session.runner.idle)
    agreement = session.agreement
    assert agreement is not None
    model, tree = window.target_model, window.reward.tree
    column = COLUMN_INDEX["actual"]
    indicators = [(t.ref, i.ref) for t in agreement.targets for i in t.indicators]
    times = []
    for n in range(edits):
        target_ref, indicator_ref = indicators[(n * 37) % len(indicators)]
        index = model.index_of(target_ref, indicator_ref, column)
        started = time.perf_counter()
        model.setData(index, f"{8 + n / 100:.2f}")  # the whole edit path, as a delegate commits
        # Paint what the edit made dirty (the changed rows, the totals), as the event loop
        # would next; timers (the deferred validation) are not run by this.
        QCoreApplication.sendPostedEvents(window, QEvent.Type.UpdateRequest)
        times.append(time.perf_counter() - started)
        assert tree.isVisible()
        _wait(lambda: session.runner.idle)  # the write, off the GUI thread, before the next edit
    window.close()
    return min(times), statistics.median(times)
