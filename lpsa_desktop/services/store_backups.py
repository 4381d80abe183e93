"""Backing up, restoring and checking the store (``lpsa backup/restore/check``, File ▸
Back up… and Restore… in the window); the automatic rolling backups are taken here too:
before each import is applied, and once a day when a store is first opened."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from lpsa_desktop.errors import StoreError
from lpsa_desktop.storage.backups import (
    DEFAULT_KEPT,
    check_file,
    copy_store,
    list_backups,
    made_today,
    rolling_backup,
)
from lpsa_desktop.storage.store import Store

log = logging.getLogger("lpsa.backups")
KEPT_KEY = "backups_kept"
"""The store setting: how many rolling backups are kept (default 10)."""


@dataclass(frozen=True)
class CheckResult:
    store: Path
    verdict: str  # 'ok' or SQLite's first finding
    backups: list[Path]

    @property
    def ok(self) -> bool:
        return self.verdict == "ok"


def backups_kept(store: Store) -> int:
    with store.unit_of_work() as uow:
        stored = uow.settings.get(KEPT_KEY)
    return int(stored) if stored and stored.isascii() and stored.isdigit() else DEFAULT_KEPT


def set_backups_kept(store: Store, kept: int) -> None:
    if not 1 <= kept <= 1000:
        raise StoreError("keep from 1 to 1,000 backups")
    with store.unit_of_work(write=True) as uow:
        uow.settings.set(KEPT_KEY, str(kept))


def back_up(store: Store, out: Path | None = None, *, reason: str = "manual") -> Path:
    """A checked copy of the store: at ``out``, or as a rolling backup beside it."""
    file = _file_of(store)
    if out is not None:
        copy_store(file, out)
        return out
    return rolling_backup(file, reason=reason, kept=backups_kept(store))


def automatic_backup(store: Store, *, reason: str) -> Path | None:
    """A rolling backup before an import ("import"), or the first of the day ("daily");
    nothing for an in-memory or server store, a damaged one, or a daily one already made."""
    if store.file is None or store.damaged is not None or not store.file.exists():
        return None
    if reason != "daily":
        return rolling_backup(store.file, reason=reason, kept=backups_kept(store))
    if made_today(store.file):
        return None
    try:
        return rolling_backup(store.file, reason=reason, kept=backups_kept(store))
    except StoreError as exc:
        # A read-only or full disk must not stop the officer reading the store; an import
        # (reason "import") does stop: its backup is the way back from it.
        log.warning("no daily backup made: %s", exc)
        return None


def restore(store_path: Path, backup: Path) -> Path:
    """Put ``backup`` in place of the store at ``store_path``; the current file is backed up
    first (when it can be read), so a restore can itself be undone. Returns that backup
    (or the store path, when there was no readable file to keep)."""
    verdict = check_file(backup)
    if verdict != "ok":
        raise StoreError(f"{backup} is not a sound LPSA Desk store backup ({verdict})")
    kept = store_path
    if store_path.exists():
        try:
            kept = rolling_backup(store_path, reason="before-restore")
        except StoreError:
            # A damaged store cannot be copied by SQLite: keep its bytes as they are.
            kept = store_path.with_name(f"{store_path.name}.damaged")
            store_path.replace(kept)
    for leftover in (Path(f"{store_path}-wal"), Path(f"{store_path}-shm")):
        leftover.unlink(missing_ok=True)  # they belong to the file being replaced
    copy_store(backup, store_path)
    return kept


def check_store(store_path: Path) -> CheckResult:
    """SQLite's full ``integrity_check`` of the store, and its rolling backups."""
    if not store_path.exists():
        raise StoreError(f"no store at {store_path} (`lpsa demo` or `lpsa new` creates one)")
    return CheckResult(store_path, check_file(store_path), list_backups(store_path))


def _file_of(store: Store) -> Path:
    if store.file is None:
        raise StoreError(f"{store} is not a SQLite file: back it up with its server's tools")
    return store.file
