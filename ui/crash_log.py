"""A native crash (a segfault in Qt, an abort) leaves its Python stack in the log file.

Python's excepthook never sees such a crash: the process dies inside C++. ``faulthandler``
writes every thread's stack to the log file from the signal handler, and one line on
standard error says where that file is, since the shell itself only prints
"Segmentation fault".
"""

from __future__ import annotations

import faulthandler
import sys
from pathlib import Path
from typing import TextIO

_stream: TextIO | None = None  # kept open for the process: faulthandler writes to its fd


def enable_crash_log(log_path: Path | None) -> Path | None:
    """Send fatal-signal stacks to ``log_path`` (else to stderr); returns where they go."""
    global _stream  # noqa: PLW0603 (one handler per process)
    if _stream is not None:
        return log_path
    target: TextIO = sys.stderr
    if log_path is not None:
        try:
            target = _stream = log_path.open("a", encoding="utf-8")
        except OSError:
            log_path = None
    faulthandler.enable(file=target, all_threads=True)
    where = str(log_path) if log_path is not None else "standard error"
    print(f"LPSA Desk: the log (with the details of any crash) is {where}", file=sys.stderr)  # noqa: T201
    return log_path
