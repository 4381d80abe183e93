"""SQLite: one file on one machine. Writes take the lock up front with BEGIN IMMEDIATE, so
two writers never fail half-way with 'database is locked' after reading."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine import ExceptionContext

from lpsa_desktop.storage.change_watch import ChangeWatcher, DataVersionWatcher
from lpsa_desktop.storage.engines.common import WRITE_OPTION
from lpsa_desktop.storage.faults import is_store_fault, store_fault

BUSY_TIMEOUT_MS = 5000

ROUND_GUARDS = (
    "CREATE TRIGGER rounds_are_read_only BEFORE UPDATE ON rounds "
    "BEGIN SELECT RAISE(ABORT, 'rounds are read-only: take a new round instead'); END",
    "CREATE TRIGGER rounds_are_kept BEFORE DELETE ON rounds "
    "BEGIN SELECT RAISE(ABORT, 'rounds are kept: take a new round instead'); END",
)


def configure(engine: Engine, where: Path | str) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # We issue BEGIN ourselves (below); the driver's implicit transactions would defer
        # the write lock and let a read-then-write transaction fail under contention.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        # No journal_mode here: it changes the file's header, and a file not yet known to
        # be one of our stores must be left byte for byte as it was (migrations.py sets
        # WAL once the store is recognised; WAL then persists in the file).
        # FULL: a committed edit survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> BaseException | None:
        # Wherever the driver raised (connect, BEGIN IMMEDIATE, a write, the commit).
        if is_store_fault(context.original_exception):
            return store_fault(where, context.original_exception)
        return None

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def read_version(connection: Connection) -> int:
    return int(connection.exec_driver_sql("PRAGMA user_version").scalar_one())


def write_version(connection: Connection, version: int) -> None:
    connection.exec_driver_sql(f"PRAGMA user_version={int(version)}")


def quick_check(connection: Connection) -> str | None:
    """SQLite's ``quick_check`` (pages and their structure, not index contents)."""
    verdict = str(connection.exec_driver_sql("PRAGMA quick_check").scalar_one())
    return None if verdict == "ok" else verdict


def watcher(_engine: Engine, file: Path | None) -> ChangeWatcher | None:
    if file is None or not file.exists():
        return None
    return DataVersionWatcher(file)


def current_role(_connection: Connection) -> str | None:
    return None
