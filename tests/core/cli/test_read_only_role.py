"""A login role that may only SELECT is refused, by the server, on every write command:
exit 1, one line naming the store, no traceback, and the store exactly as it was."""

from __future__ import annotations

import os
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

from lpsa_desktop.cli.main import main

REF = "bath-ne-somerset-lpsa1"
WRITES = [
    ("demo",),
    ("set", REF, "target:3.title=New"),
    ("status", REF, "freedom:F5", "dropped"),
    ("outturn", REF, "1a", "2003/04", "70"),
    ("copy", REF, "--ref", "bnes-next"),
    ("delete", REF, "--yes"),
    ("rounds", "take", REF, "--name", "X", "--party", "council"),
    (
        "meeting",
        "open",
        REF,
        "--date",
        "14/03/2003",
        "--place",
        "Guildhall",
        "--attendee",
        "Jane Smith, B&NES Council",
        "--agenda",
        "target:3",
    ),
]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _libpq(url: str) -> str:
    parsed = make_url(url)
    return f"dbname={parsed.database} user={parsed.username} host={parsed.query['host']}"


@pytest.fixture
def reader(pg_database: str) -> Iterator[str]:
    """The store's URL as a login role granted SELECT only; the role is dropped after."""
    name = f"lpsa_test_reader_{os.getpid()}"
    with psycopg.connect(_libpq(pg_database), autocommit=True) as db:
        db.execute(f"DROP ROLE IF EXISTS {name}")
        db.execute(f"CREATE ROLE {name} LOGIN")
        db.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {name}")
    try:
        yield make_url(pg_database).set(username=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(_libpq(pg_database), autocommit=True) as db:
            db.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {name}")
            db.execute(f"DROP ROLE {name}")


def _state(url: str) -> list[tuple[str, int]]:
    with psycopg.connect(_libpq(url)) as db:
        tables = [
            r[0] for r in db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ]
        return sorted(
            (t, int(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0])) for t in tables
        )  # type: ignore[index]


@pytest.mark.parametrize("command", WRITES, ids=[" ".join(c[:2]) for c in WRITES])
def test_a_read_only_role_is_refused_on_every_write_command(
    capsys: pytest.CaptureFixture[str], pg_database: str, reader: str, command: tuple[str, ...]
) -> None:
    assert _run(capsys, "--db", pg_database, "demo")[0] == 0
    before = _state(pg_database)
    code, _, err = _run(capsys, "--db", reader, *command)
    assert code == 1
    assert "may only read" in err and "nothing was changed" in err, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert _state(pg_database) == before
    assert _run(capsys, "--db", reader, "show", REF)[0] == 0  # reading is allowed


def test_a_read_only_role_cannot_write_with_raw_sql(pg_database: str, reader: str) -> None:
    parsed = make_url(reader)
    dsn = f"dbname={parsed.database} user={parsed.username} host={parsed.query['host']}"
    with psycopg.connect(dsn, autocommit=True) as db:
        for statement in (
            "INSERT INTO settings (key, value) VALUES ('x', 'y')",
            "UPDATE agreements SET title = 'forged'",
            "DELETE FROM audit_events",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                db.execute(statement)
