"""Where LPSA Desk writes its log: one file for the window and the `lpsa` command line.

An unexpected fault is written here with its traceback, and the user is told the path.
"""

from __future__ import annotations

import logging
from pathlib import Path

from platformdirs import user_log_dir

LOG_FORMAT = "%(asctime)s %(name)s %(levelname)s %(message)s"


def log_file() -> Path:
    return Path(user_log_dir("lpsa-desk", appauthor=False)) / "lpsa.log"


def configure_logging(level: int = logging.INFO) -> Path | None:
    """Send the root logger to the log file; None when the file cannot be written."""
    path = log_file()
    root = logging.getLogger()
    # Once per process and file: `lpsa`'s main() may run many times in one process (tests,
    # the window's own calls), and each extra handler would write every line again.
    for existing in root.handlers:
        if isinstance(existing, logging.FileHandler) and Path(existing.baseFilename) == path:
            return path
    try:
        # The log names files and agreements: the owner's eyes only (folder 0700, file 0600).
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.parent.chmod(0o700)
        path.touch(mode=0o600, exist_ok=True)
        path.chmod(0o600)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return path
