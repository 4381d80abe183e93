"""The single background worker: order, results on the GUI thread, failures, progress, cancel."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ui.tasks import TaskCancelledError, TaskControl, TaskRunner


@pytest.fixture
def failures() -> list[BaseException]:
    return []


@pytest.fixture
def runner(qtbot: QtBot, failures: list[BaseException]) -> Iterator[TaskRunner]:
    made = TaskRunner(failures.append)
    yield made
    made.shutdown()


def test_results_arrive_on_the_gui_thread_in_submission_order(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    seen: list[tuple[int, bool]] = []
    workers: set[str] = set()

    def work(n: int) -> int:
        workers.add(threading.current_thread().name)
        time.sleep(0.01 * (3 - n))  # the first task is the slowest: order must still hold
        return n

    for n in range(3):
        runner.submit(
            lambda _c, n=n: work(n),
            on_done=lambda r: seen.append(
                (r, threading.current_thread() is threading.main_thread())
            ),
        )
    qtbot.waitUntil(lambda: runner.idle)
    assert seen == [(0, True), (1, True), (2, True)]
    assert len(workers) == 1 and threading.main_thread().name not in workers


def test_a_failure_goes_to_the_task_handler_or_else_the_default_one(
    qtbot: QtBot, runner: TaskRunner, failures: list[BaseException]
) -> None:
    own: list[BaseException] = []

    def boom(_control: TaskControl) -> None:
        raise ValueError("boom")

    runner.submit(boom, on_failure=own.append)
    runner.submit(boom)
    qtbot.waitUntil(lambda: runner.idle)
    assert [str(e) for e in own] == ["boom"]
    assert [str(e) for e in failures] == ["boom"]


def test_progress_is_delivered_and_the_last_report_always_arrives(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    reports: list[tuple[float | None, str]] = []

    def work(control: TaskControl) -> str:
        for i in range(1, 1001):
            control.report(i / 1000, f"row {i}")
        return "done"

    runner.submit(work, on_progress=lambda f, m: reports.append((f, m)))
    qtbot.waitUntil(lambda: runner.idle)
    assert reports[-1] == (1.0, "row 1000")
    assert len(reports) < 100  # throttled, not one signal per row


def test_cancel_stops_a_running_task_that_checks(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()
    outcome: list[object] = []

    def long(control: TaskControl) -> None:
        started.set()
        while True:
            control.check_cancelled()
            time.sleep(0.001)

    handle = runner.submit(long, on_done=outcome.append, on_failure=outcome.append)
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: runner.idle)
    assert len(outcome) == 1 and isinstance(outcome[0], TaskCancelledError)


def test_a_task_cancelled_before_it_starts_never_runs(qtbot: QtBot, runner: TaskRunner) -> None:
    gate = threading.Event()
    ran: list[str] = []
    outcome: list[object] = []
    runner.submit(lambda _c: gate.wait(5))
    handle = runner.submit(lambda _c: ran.append("ran"), on_failure=outcome.append)
    handle.cancel()
    gate.set()
    qtbot.waitUntil(lambda: runner.idle)
    assert ran == []
    assert len(outcome) == 1 and isinstance(outcome[0], TaskCancelledError)


def test_idle_changes_are_announced(qtbot: QtBot, runner: TaskRunner) -> None:
    states: list[bool] = []
    runner.idle_changed.connect(states.append)
    runner.submit(lambda _c: None)
    qtbot.waitUntil(lambda: runner.idle)
    assert states == [False, True]


def test_shutdown_finishes_submitted_work_first(runner: TaskRunner) -> None:
    written: list[int] = []
    runner.submit(lambda _c: (time.sleep(0.05), written.append(1)))
    runner.shutdown()
    assert written == [1]
    with pytest.raises(RuntimeError):
        runner.submit(lambda _c: None)
