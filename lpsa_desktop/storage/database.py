"""Opening the store: where it lives, the SQLite settings every connection needs, and the
transaction rule (writes take the lock up front with BEGIN IMMEDIATE, so two writers never
fail half-way with 'database is locked' after reading)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError

from lpsa_desktop.errors import StoreError
from lpsa_desktop.storage.faults import is_store_fault, store_fault

APP_NAME = "lpsa-desk"
BUSY_TIMEOUT_MS = 5000
WRITE_OPTION = "lpsa_write"


def default_store_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "lpsa.sqlite"


def resolve_store_url(location: str | None) -> str:
    """``--db`` value → SQLAlchemy URL: an explicit URL, a file path, ``LPSA_DB``, or the default."""
    chosen = location or os.environ.get("LPSA_DB") or str(default_store_path())
    if "://" in chosen:
        try:
            make_url(chosen)
        except ArgumentError as exc:
            raise StoreError(f"{chosen!r} is not a database URL: {exc}") from exc
        return chosen
    path = Path(chosen).expanduser().resolve()
    return f"sqlite:///{path}"


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL, or None (in-memory or another database)."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite") or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def create_store_engine(url: str) -> Engine:
    file = sqlite_file(url)
    if file is not None:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the store {file}: {exc}") from exc
    # hide_parameters: an error's text (logged, or shown) never carries the row's values.
    engine = create_engine(url, hide_parameters=True)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
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
            return store_fault(
                sqlite_file(str(engine.url)) or str(engine.url), context.original_exception
            )
        return None

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def describe_database_error(url: str, exc: Exception) -> StoreError:
    """A plain-words StoreError for a driver error met while opening or writing the store."""
    return store_fault(sqlite_file(url) or url, exc)
