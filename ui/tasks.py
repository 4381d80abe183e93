"""Background work: one worker thread for all store work; results come back on the GUI thread.

One worker, not a pool, so that SQLite never sees two writers from this process and edits
reach the store in the order they were made (as Anki's task manager does). A task is a plain
function ``work(control) -> result``; it may call ``control.report(fraction, message)`` and
should look at ``control.cancelled`` in long loops. Callbacks run on the GUI thread, so they
may touch widgets; the work function never does.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)
T = TypeVar("T")
_PROGRESS_INTERVAL_S = 0.05  # at most ~20 progress updates a second reach the GUI


class TaskCancelledError(Exception):
    """Raised inside a task by ``control.check_cancelled()`` once Cancel was pressed."""


class TaskControl:
    """What a running task can see: whether it was cancelled, and a way to report progress."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()
        self._last_report = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelledError

    def report(self, fraction: float | None, message: str = "") -> None:
        """Progress from the worker; throttled so a 20,000-row loop cannot flood the GUI."""
        now = time.monotonic()
        final = fraction is not None and fraction >= 1
        if final or now - self._last_report >= _PROGRESS_INTERVAL_S:
            self._last_report = now
            self._relay.progressed.emit(fraction, message)


class TaskHandle(Generic[T]):
    """A submitted task: cancel it, or ask whether it is over."""

    def __init__(self, future: Future[T], control: TaskControl, relay: _Relay) -> None:
        self._future = future
        self._control = control
        self._relay = relay

    def cancel(self) -> None:
        self._control.cancel()
        if self._future.cancel():  # never started: nobody else will report its end
            self._relay.failed.emit(TaskCancelledError())

    @property
    def done(self) -> bool:
        return self._future.done()


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits its signals, Qt queues them over."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(object, str)

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None],
        on_progress: Callable[[float | None, str], None] | None,
        on_settled: Callable[[_Relay], None],
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_failure = on_failure
        self._on_progress = on_progress
        self._on_settled = on_settled
        queued = Qt.ConnectionType.QueuedConnection
        self.finished.connect(self._deliver_result, queued)
        self.failed.connect(self._deliver_failure, queued)
        self.progressed.connect(self._deliver_progress, queued)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        try:
            if self._on_done is not None:
                self._on_done(result)
        finally:
            self._on_settled(self)

    @Slot(object)
    def _deliver_failure(self, error: BaseException) -> None:
        try:
            self._on_failure(error)
        finally:
            self._on_settled(self)

    @Slot(object, str)
    def _deliver_progress(self, fraction: float | None, message: str) -> None:
        if self._on_progress is not None:
            self._on_progress(fraction, message)


class TaskRunner(QObject):
    """The single worker. ``failure_handler`` receives errors of tasks that bring none."""

    idle_changed = Signal(bool)

    def __init__(
        self,
        failure_handler: Callable[[BaseException], None],
        parent: QObject | None = None,
        *,
        name: str = "lpsa-store",
    ) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._failure_handler = failure_handler
        self._pending: set[_Relay] = set()
        self._closed = False

    @property
    def idle(self) -> bool:
        return not self._pending

    def submit(
        self,
        work: Callable[[TaskControl], T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[float | None, str], None] | None = None,
    ) -> TaskHandle[T]:
        """Queue ``work`` behind every task already submitted."""
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        relay = _Relay(on_done, on_failure or self._failure_handler, on_progress, self._settle)
        control = TaskControl(relay)
        was_idle = self.idle
        self._pending.add(relay)
        if was_idle:
            self.idle_changed.emit(False)

        def run() -> T:
            try:
                control.check_cancelled()
                result = work(control)
            except BaseException as error:
                relay.failed.emit(error)
                raise
            relay.finished.emit(result)
            return result

        return TaskHandle(self._executor.submit(run), control, relay)

    def shutdown(self) -> None:
        """Finish what was submitted (an edit on its way is written), then stop the worker."""
        self._closed = True
        self._executor.shutdown(wait=True)

    def _settle(self, relay: _Relay) -> None:
        self._pending.discard(relay)
        relay.deleteLater()
        if not self._pending:
            self.idle_changed.emit(True)
