"""The schema this code writes, and the quick look that finds a store already at it.

Kept apart from ``migrations`` (which loads every ORM model and every step): a store at
the current version, which is nearly every open, needs none of that, and ``lpsa list``
starts in the time it takes to import SQLAlchemy's Core.
"""

from __future__ import annotations

from sqlalchemy import Engine

from lpsa_desktop.storage.engines import engine_kind

SCHEMA_VERSION = 6
"""The schema this code writes. Bump it with a step in ``migrations`` and a fixture in tests."""


def found_version(engine: Engine) -> int:
    """The store's schema version (0: a new or empty database), read without a lock."""
    with engine.connect() as connection:
        return engine_kind(engine).read_version(connection)


def use_wal(engine: Engine) -> None:
    """WAL (readers never wait for the writer); persists in the file once set."""
    if engine.dialect.name != "sqlite":
        return
    # On the driver's connection: SQLAlchemy's would begin a transaction first, and the
    # journal mode cannot change inside one.
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA journal_mode=WAL")  # type: ignore[union-attr]
    finally:
        raw.close()
