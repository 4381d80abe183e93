"""When validation and the reward are worked out off the GUI thread.

Both are pure functions of a frozen Agreement, so another thread may run them safely. For a
real agreement (a few dozen indicators, or a thousand in a test) they take milliseconds and
run on the GUI thread, so the reward moves in the same frame as the edit; for a very large
one (a 20,000-row return) they run on a compute thread, so the window never freezes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer

from lpsa_desktop.domain.agreement import Agreement
from ui.tasks import TaskRunner

T = TypeVar("T")

# 1,000 indicators: reward ~3 ms, validation ~5 ms; 20,000: ~70 ms and ~100 ms.
SYNC_INDICATOR_LIMIT = 5000
# Laying out thousands of new rows makes thousands of short calls into Python from the GUI
# thread, each of which waits for the interpreter lock while another thread computes: the
# window gets that long to lay out a very large agreement before the computing starts.
LAYOUT_GRACE_MS = 250


def indicator_count(agreement: Agreement) -> int:
    return sum(len(target.indicators) for target in agreement.targets)


def worth_a_thread(agreement: Agreement) -> bool:
    return indicator_count(agreement) > SYNC_INDICATOR_LIMIT


def compute_after_layout(
    runner: TaskRunner, work: Callable[[], T], on_done: Callable[[T], None]
) -> None:
    """Run ``work`` on the compute thread once the window has laid out what it shows."""

    def submit() -> None:
        runner.submit(lambda _control: work(), on_done=on_done)

    QTimer.singleShot(LAYOUT_GRACE_MS, submit)
