"""What only a PostgreSQL store has to prove: the server's own guards on rounds, the
schema version and the step from version 2 there, the password kept off the command line
and out of messages, a server that is not there, and LISTEN/NOTIFY for live refresh."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.errors import StoreError, StoreUnreachableError
from lpsa_desktop.services.agreement_editing import create_agreement
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.services.rounds import take_round
from lpsa_desktop.storage.database import resolve_store_url
from lpsa_desktop.storage.engines import postgresql
from lpsa_desktop.storage.migration_delivery import TABLE_NAMES as DELIVERY_TABLE_NAMES
from lpsa_desktop.storage.migrations import _V3_TABLE_NAMES
from lpsa_desktop.storage.orm import Base
from lpsa_desktop.storage.schema_level import SCHEMA_VERSION
from lpsa_desktop.storage.store import Store
from tests.conftest import OFFICER
from tests.engines import server_url


def _libpq(url: str) -> str:
    """The libpq connection string of a SQLAlchemy URL (for raw psycopg)."""
    parsed = make_url(url)
    return f"dbname={parsed.database} user={parsed.username} host={parsed.query['host']}"


def _columns(url: str) -> dict[str, set[str]]:
    engine = create_engine(url)
    try:
        inspector = inspect(engine)
        return {
            t: {c["name"] for c in inspector.get_columns(t)} for t in inspector.get_table_names()
        }
    finally:
        engine.dispose()


def test_rounds_are_guarded_by_the_server_even_with_raw_sql(
    pg_database: str, demo: Agreement
) -> None:
    store = Store.open(pg_database)
    create_agreement(store, demo, officer=OFFICER)
    take_round(store, demo.ref, name="Council proposal 1", party=Party.COUNCIL, officer=OFFICER)
    store.close()
    with psycopg.connect(_libpq(pg_database), autocommit=True) as db:
        with pytest.raises(psycopg.errors.RaiseException, match="rounds are read-only"):
            db.execute("UPDATE rounds SET name = 'rewritten'")
        with pytest.raises(psycopg.errors.RaiseException, match="rounds are kept"):
            db.execute("DELETE FROM rounds")
        assert db.execute("SELECT name FROM rounds").fetchall() == [("Council proposal 1",)]


def test_the_schema_version_is_kept_in_its_table(pg_database: str) -> None:
    with psycopg.connect(_libpq(pg_database)) as db:
        assert db.execute("SELECT version FROM lpsa_schema").fetchall() == [(SCHEMA_VERSION,)]


def test_a_version_2_store_on_the_server_is_stepped_to_the_current_schema(
    pg_database: str, pg_template: str
) -> None:
    """Version 2 as it would have been on PostgreSQL: today's tables without what steps 3
    to 5 added; the steps give exactly the columns (and round guards) of a fresh store."""
    fresh = _columns(pg_database)
    old = server_url(f"{make_url(pg_database).database}_v2")
    admin = create_engine(server_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {make_url(old).database}")
    engine = create_engine(old)
    with engine.begin() as connection:
        later = {*_V3_TABLE_NAMES, "exchanged_states", *DELIVERY_TABLE_NAMES}  # steps 3, 4, 5
        v2_tables = [t for n, t in Base.metadata.tables.items() if n not in later]
        Base.metadata.create_all(connection, tables=v2_tables)
        for table, column in [
            ("agreements", "internal_notes"),
            ("targets", "internal_notes"),
            ("targets", "negotiation"),
            ("indicators", "negotiation"),
            ("freedoms", "internal_notes"),
            ("freedoms", "negotiation"),
        ]:
            connection.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN {column}")
        postgresql.write_version(connection, 2)
    engine.dispose()
    try:
        store = Store.open(old)
        assert store.upgraded_from == 2
        store.close()
        assert _columns(old) == fresh
        with psycopg.connect(_libpq(old), autocommit=True) as db:
            assert db.execute("SELECT version FROM lpsa_schema").fetchone() == (SCHEMA_VERSION,)
            triggers = db.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'rounds'::regclass"
            ).fetchall()
            assert triggers == [("rounds_are_read_only",)]
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(
                f"DROP DATABASE IF EXISTS {make_url(old).database} WITH (FORCE)"
            )
        admin.dispose()


def test_a_password_on_the_command_line_is_refused_and_never_shown() -> None:
    with pytest.raises(StoreError, match="does not belong on the command line") as refused:
        resolve_store_url("postgresql+psycopg://jane:s3cret@db.example/lpsa")
    assert "s3cret" not in str(refused.value) and "***" in str(refused.value)


def test_a_server_that_is_not_there_is_one_clear_line_with_the_password_masked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LPSA_DB", f"postgresql+psycopg://jane:s3cret@/lpsa?host={tmp_path}")
    with pytest.raises(StoreUnreachableError) as gone:
        Store.open()
    message = str(gone.value)
    assert "cannot be reached" in message and "\n" not in message
    assert "s3cret" not in message and "jane:***@" in message


def test_the_watcher_hears_each_commit_and_not_a_read_or_a_rollback(
    pg_database: str, demo: Agreement
) -> None:
    mine, other = Store.open(pg_database), Store.open(pg_database)
    watcher = mine.watcher()
    assert watcher is not None
    try:
        assert not watcher.changed()
        create_agreement(other, demo, officer="Raj Patel")
        assert _heard(watcher)
        assert not watcher.changed()  # drained
        load_agreement(other, demo.ref)
        with pytest.raises(RuntimeError), other.unit_of_work(write=True):
            raise RuntimeError("rolled back")
        assert not _heard(watcher)
    finally:
        watcher.close()
        mine.close()
        other.close()


def _heard(watcher: object, seconds: float = 2.0) -> bool:
    """A notification arrives asynchronously: ask a few times, as the window does."""
    import time  # noqa: PLC0415

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if watcher.changed():  # type: ignore[attr-defined]
            return True
        time.sleep(0.05)
    return False
