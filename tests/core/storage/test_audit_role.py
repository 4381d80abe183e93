"""On PostgreSQL the audit trail names the authenticated role, whatever the program or a
raw INSERT says; on SQLite it names the officer given."""

from __future__ import annotations

import os
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.services.agreement_editing import create_agreement
from lpsa_desktop.storage.store import Store
from tests.conftest import OFFICER

pytestmark = pytest.mark.both_engines

RAW_INSERT = (
    "INSERT INTO audit_events (agreement_ref, at, officer, action, entity) "
    "VALUES ('x', now(), %s, 'forged', '') RETURNING id"
)


def _libpq(url: str, user: str | None = None) -> str:
    parsed = make_url(url)
    return f"dbname={parsed.database} user={user or parsed.username} host={parsed.query['host']}"


def _officers(store: Store) -> set[str]:
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT DISTINCT officer FROM audit_events")
        return {row[0] for row in rows}


def test_the_audit_trail_names_the_server_role_on_postgresql_and_the_officer_on_sqlite(
    store: Store, demo: Agreement, engine_name: str
) -> None:
    create_agreement(store, demo, officer=OFFICER)
    expected = make_url(store.engine.url).username if engine_name == "postgresql" else OFFICER
    assert _officers(store) == {expected}


@pytest.fixture
def alice(pg_database: str) -> Iterator[str]:
    """A login role of its own that may write the audit table, dropped afterwards."""
    name = f"lpsa_test_alice_{os.getpid()}"
    with psycopg.connect(_libpq(pg_database), autocommit=True) as db:
        db.execute(f"DROP ROLE IF EXISTS {name}")
        db.execute(f"CREATE ROLE {name} LOGIN")
        db.execute(f"GRANT SELECT, INSERT, UPDATE ON audit_events TO {name}")
        db.execute(f"GRANT USAGE ON SEQUENCE audit_events_id_seq TO {name}")
    try:
        yield name
    finally:
        with psycopg.connect(_libpq(pg_database), autocommit=True) as db:
            db.execute(f"REVOKE ALL ON audit_events FROM {name}")
            db.execute(f"REVOKE ALL ON SEQUENCE audit_events_id_seq FROM {name}")
            db.execute(f"DROP ROLE {name}")


def test_raw_sql_cannot_put_another_name_in_the_audit_trail(pg_database: str, alice: str) -> None:
    with psycopg.connect(_libpq(pg_database, alice), autocommit=True) as db:
        row = db.execute(RAW_INSERT, ("postgres",)).fetchone()
        assert row is not None
        forged = row[0]
        assert db.execute(
            "SELECT officer FROM audit_events WHERE id = %s", (forged,)
        ).fetchone() == (alice,)
        db.execute("UPDATE audit_events SET officer = 'postgres' WHERE id = %s", (forged,))
        assert db.execute(
            "SELECT officer FROM audit_events WHERE id = %s", (forged,)
        ).fetchone() == (alice,)


def test_an_older_store_on_the_server_gets_the_audit_trigger(pg_database: str) -> None:
    """Step 6 is idempotent: run again on a store that has the trigger, it is there once."""
    from lpsa_desktop.storage.audit_guard import add_audit_guard  # noqa: PLC0415

    store = Store.open(pg_database)
    try:
        with store.engine.begin() as connection:
            connection.exec_driver_sql("DROP TRIGGER audit_officer_is_the_role ON audit_events")
            add_audit_guard(connection)
            add_audit_guard(connection)
            triggers = connection.exec_driver_sql(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass "
                "AND NOT tgisinternal"
            ).fetchall()
        assert triggers == [("audit_officer_is_the_role",)]
    finally:
        store.close()
