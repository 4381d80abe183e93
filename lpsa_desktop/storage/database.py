"""Opening the store: where it lives, the SQLite settings every connection needs, and the
transaction rule (writes take the lock up front with BEGIN IMMEDIATE, so two writers never
fail half-way with 'database is locked' after reading)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from lpsa_desktop.errors import StoreError

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
    engine = create_engine(url)
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
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed edit survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def describe_database_error(url: str, exc: Exception) -> StoreError:
    """A plain-words StoreError for a driver error met while opening or writing the store."""
    where = sqlite_file(url) or url
    text = str(getattr(exc, "orig", exc))
    if isinstance(exc, OperationalError) and "locked" in text:
        return StoreError(f"the store {where} is busy in another program; try again")
    if isinstance(exc, DatabaseError) and "not a database" in text:
        return StoreError(f"{where} is not an LPSA Desk store (not a SQLite database)")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"the store {where} is read-only")
    return StoreError(f"the store {where} could not be used: {text}")
