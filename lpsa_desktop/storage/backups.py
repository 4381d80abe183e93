"""Backups of the store with SQLite's online backup API: a consistent copy even while
another program writes. A copy counts only once SQLite's ``integrity_check`` passes on it;
it is written under a temporary name and renamed into place (safe_files), so a killed
backup never leaves a file named like a good one.

Rolling backups live in ``<store>.backups/`` beside the store: one before each import is
applied and one a day on first open, the newest N kept (N is the store setting
``backups_kept``, default 10)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from lpsa_desktop.errors import StoreError
from lpsa_desktop.safe_files.atomic import FileWriteError, write_with
from lpsa_desktop.storage.faults import store_fault

DEFAULT_KEPT = 10
SUFFIX = ".sqlite"


def backup_folder(file: Path) -> Path:
    return file.with_name(f"{file.name}.backups")


def copy_store(source: Path, target: Path) -> None:
    """A checked copy of ``source`` at ``target`` (replacing it); StoreError otherwise."""

    def fill(temporary: Path) -> None:
        temporary.unlink()  # SQLite makes its own file
        try:
            with (
                closing(sqlite3.connect(source)) as src,
                closing(sqlite3.connect(temporary)) as out,
            ):
                _backup(src, out)
                out.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                verdict = out.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.Error as exc:
            raise store_fault(source, exc) from exc
        if verdict != "ok":
            raise StoreError(f"the backup of {source} failed its check ({verdict}); it was removed")

    try:
        write_with(target, fill)
    except FileWriteError as exc:
        raise StoreError(f"cannot back up the store {source}: {exc}") from exc


def _backup(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    source.backup(target)


def rolling_backup(file: Path, *, reason: str, kept: int = DEFAULT_KEPT) -> Path:
    """A new checked backup in the store's backup folder; the oldest beyond ``kept`` go."""
    folder = backup_folder(file)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot make the backup folder {folder}: {exc.strerror}") from exc
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{file.stem}-{stamp}-{reason}{SUFFIX}"
    copy_store(file, target)
    for old in list_backups(file)[max(kept, 1) :]:
        old.unlink(missing_ok=True)
    return target


def list_backups(file: Path) -> list[Path]:
    """The store's rolling backups, newest first."""
    folder = backup_folder(file)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.name, reverse=True)


def made_today(file: Path) -> bool:
    today = datetime.now().strftime("%Y%m%d")
    return any(f"-{today}-" in p.name for p in list_backups(file))


def check_file(file: Path) -> str:
    """SQLite's full ``integrity_check`` of a store file: 'ok' or the first problem."""
    try:
        with closing(sqlite3.connect(f"file:{file}?mode=ro", uri=True)) as connection:
            return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    except sqlite3.Error as exc:
        return str(exc)
