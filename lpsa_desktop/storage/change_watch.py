"""Noticing that another writer has committed: the one small interface live refresh needs.

A window asks ``changed()`` about once a second, off the GUI thread; when it says yes, the
window reads the agreement and the audit trail again. For SQLite the answer is ``PRAGMA
data_version`` on a connection of the watcher's own: its value moves whenever any *other*
connection commits (this process's own writes included, which the window tells apart by
the audit trail), and asking costs microseconds and takes no lock. A PostgreSQL store
implements the same two methods with LISTEN/NOTIFY (``engines/postgresql.py``); which
watcher a store gets is ``Store.watcher()``'s choice, so nothing above storage changes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Protocol


class ChangeWatcher(Protocol):
    def changed(self) -> bool:
        """Whether anything was committed since the last call (the first call: since
        the watcher was made)."""
        ...

    def close(self) -> None: ...


class DataVersionWatcher:
    """SQLite: ``PRAGMA data_version`` on a dedicated connection."""

    def __init__(self, file: Path) -> None:
        # Used from one worker thread at a time, but made on one and closed on another.
        self._connection = sqlite3.connect(file, check_same_thread=False, isolation_level=None)
        self._version = self._read()

    def changed(self) -> bool:
        version = self._read()
        moved = version != self._version
        self._version = version
        return moved

    def close(self) -> None:
        self._connection.close()

    def _read(self) -> int:
        row = self._connection.execute("PRAGMA data_version").fetchone()
        return int(row[0])
