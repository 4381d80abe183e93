"""A progress line on a terminal: rewritten in place on standard error, and only when it is a
terminal (a pipe, a log file or ``--json`` gets none: no carriage returns in them)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from lpsa_desktop.progress import Progress, ProgressCallback, ignore_progress

_INTERVAL_S = 0.1


class ProgressLine:
    """Call it with each Progress; ``clear()`` removes the line before the plan prints."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._last = 0.0
        self._shown = False

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        final = progress.total is not None and progress.done >= progress.total
        if now - self._last < _INTERVAL_S and not final:
            return
        self._last = now
        percent = f"  {progress.fraction:.0%}" if progress.fraction is not None else ""
        self._stream.write(f"\r\033[K{progress.text}{percent}")
        self._stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            self._stream.write("\r\033[K")
            self._stream.flush()
            self._shown = False


def progress_line(*, json_output: bool, stream: TextIO | None = None) -> ProgressLine | None:
    """A ProgressLine on ``stream`` (standard error) when it is a terminal and the output is
    not JSON; None otherwise."""
    stream = sys.stderr if stream is None else stream
    if json_output or not stream.isatty():
        return None
    return ProgressLine(stream)


def callback_of(line: ProgressLine | None) -> ProgressCallback:
    return ignore_progress if line is None else line
