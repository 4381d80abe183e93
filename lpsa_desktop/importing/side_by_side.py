"""Two pieces of work at once: one on a helper thread, one on the calling thread.

python-calamine releases the GIL while it parses a sheet (measured: the calling thread
keeps running Python at full speed meanwhile), so the importer's own pass over the same
sheet's XML (formats, error values, hidden rows) costs no wall time on a machine with two
cores. Both always finish before this returns, whatever fails.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")


def side_by_side(helper: Callable[[], T], here: Callable[[], U]) -> tuple[T, U]:
    """``(helper(), here())``, ``helper`` run on another thread. An error of ``here`` wins
    over one of ``helper``; either is raised only once both have stopped."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(helper())
        except BaseException as exc:  # handed to the caller below
            failure.append(exc)

    thread = threading.Thread(target=run, name="lpsa-sheet-loader", daemon=True)
    thread.start()
    try:
        mine = here()
    finally:
        thread.join()
    if failure:
        raise failure[0]
    return outcome[0], mine
