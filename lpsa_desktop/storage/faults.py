"""SQLite's faults in plain words: one place turns a driver error, wherever the engine
raised it (connecting, BEGIN IMMEDIATE, a write, the commit), into a typed StoreError
whose one line names the store and what to do. Installed on every engine as a
``handle_error`` hook (``database.py``), so no caller has to remember it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from lpsa_desktop.errors import (
    NotAStoreError,
    StoreBusyError,
    StoreDamagedError,
    StoreError,
    StoreFullError,
    StoreIOError,
    StoreReadOnlyError,
)

BUSY_SECONDS = 5
"""Mirrors engines.sqlite.BUSY_TIMEOUT_MS, said in the busy message."""

# SQLite's primary result codes (https://sqlite.org/rescode.html).
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = (
    3,
    5,
    6,
    8,
    10,
    11,
    13,
    14,
    26,
)
NOTHING_CHANGED = "nothing was changed"


def store_fault(where: Path | str, error: BaseException) -> StoreError:
    """The StoreError for ``error`` (a DBAPIError or a sqlite3.Error) met on ``where``."""
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(original)
    if primary in (_BUSY, _LOCKED) or "locked" in text:
        return StoreBusyError(
            f"the store {where} is busy: another program kept it locked for more than "
            f"{BUSY_SECONDS} s; {NOTHING_CHANGED}, try again when it has finished"
        )
    if primary in (_READONLY, _PERM) or "readonly" in text or "read-only" in text:
        return StoreReadOnlyError(
            f"the store {where} is read-only (the file or its folder cannot be written); "
            f"{NOTHING_CHANGED}: make it writable, or open a copy of it"
        )
    if primary == _FULL or "disk is full" in text or "No space" in text:
        return StoreFullError(
            f"the disk holding the store {where} is full; {NOTHING_CHANGED}: "
            f"free some space and try again"
        )
    if primary == _NOTADB or "not a database" in text:
        return NotAStoreError(f"{where} is not an LPSA Desk store (not a SQLite database)")
    if primary == _CORRUPT or "malformed" in text:
        return StoreDamagedError(damaged_message(where))
    if primary == _IOERR and _disk_is_full(where):
        # SQLite reports a write that found no room (its WAL's index, say) as an I/O error.
        return StoreFullError(
            f"the disk holding the store {where} is full; {NOTHING_CHANGED}: "
            f"free some space and try again"
        )
    if primary == _IOERR or "disk I/O error" in text:
        return StoreIOError(
            f"the store {where} could not be read or written (a disk I/O error); "
            f"{NOTHING_CHANGED}: check the disk, then run `lpsa check`"
        )
    if primary == _CANTOPEN or "unable to open" in text:
        if _on_read_only_folder(where):
            # SQLite cannot make the WAL's -shm file beside a store on a read-only folder
            # or disk: that is a read-only store, said as such.
            return StoreReadOnlyError(
                f"the store {where} is read-only (its folder cannot be written); "
                f"{NOTHING_CHANGED}: make it writable, or open a copy of it"
            )
        return StoreReadOnlyError(
            f"the store {where} cannot be opened (its folder is missing or not writable)"
        )
    return StoreError(f"the store {where} could not be used: {text}")


def _disk_is_full(where: Path | str) -> bool:
    try:
        room = os.statvfs(Path(str(where)).parent)
    except OSError:
        return False
    return room.f_bavail * room.f_frsize < 64 * 1024  # not even a few pages left


def _on_read_only_folder(where: Path | str) -> bool:
    folder = Path(str(where)).parent
    return folder.is_dir() and not os.access(folder, os.W_OK)


def damaged_message(where: Path | str) -> str:
    return (
        f"the store {where} is damaged, so it is open read-only; restore a backup with "
        f"`lpsa restore BACKUP` (backups are kept in {where}.backups)"
    )


def is_store_fault(error: BaseException) -> bool:
    return isinstance(getattr(error, "orig", None) or error, sqlite3.Error)
