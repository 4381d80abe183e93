"""Progress of long work in plain Python: the work calls a callback with what it has done
of how much; each face turns that into what it shows (the window a progress bar, through
its child process's pipe; the command line a line on a terminal). The core knows no Qt.

A callback may raise to stop the work (the window instead stops the child process that
runs it); reading and planning write nothing, so stopping loses nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    """``done`` of ``total`` (None: not known yet) in ``stage``, with a line to show."""

    stage: str
    done: int
    total: int | None
    text: str

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(self.done / self.total, 1.0)


ProgressCallback = Callable[[Progress], None]


def ignore_progress(_progress: Progress) -> None:
    """The callback of work nobody watches."""
