"""`lpsa store copy FROM TO`: a whole store, exactly, from a laptop's SQLite file to a
team's PostgreSQL database and back, with rounds, meetings, imports, outturns, exchanged
states and the audit trail (its officers as they were recorded); into an empty store
only; all or nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import psycopg
import pytest

from lpsa_desktop.cli.main import main
from lpsa_desktop.errors import StoreError
from lpsa_desktop.storage import store_copy
from lpsa_desktop.storage.store import Store
from tests.core.importing.workbooks import ROW_1A, ROW_2, write_return
from tests.server_team import libpq

REF = "bath-ne-somerset-lpsa1"


def _lpsa(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str]:
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    assert code == 0 or err, "a refusal says why"
    return code, out + err


@pytest.fixture
def laptop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> str:
    """A laptop's store with one of everything a store holds."""
    db = str(tmp_path / "laptop.sqlite")
    monkeypatch.setenv("LPSA_OFFICER", "Jane Smith")
    steps = [
        ("demo",),
        ("set", REF, "target:3.title=Care leavers into work"),
        ("rounds", "take", REF, "--name", "Opening offer", "--party", "council"),
        (
            "meeting", "open", REF, "--date", "14/03/2003", "--place", "Guildhall",
            "--attendee", "Jane Smith, B&NES Council", "--agenda", "target:3",
        ),
        ("outturn", REF, "1a", "2003/04", "70"),
        ("package", "export", REF, str(tmp_path / "sent.lpsa")),
    ]  # fmt: skip
    for step in steps:
        code, said = _lpsa(capsys, db, *step)
        assert code == 0, said
    workbook = write_return(tmp_path / "return.xlsx", [ROW_1A, ROW_2])
    code, said = _lpsa(capsys, db, "import", str(workbook), "--yes")
    assert code == 0, said
    monkeypatch.setenv("LPSA_OFFICER", "Raj Patel")
    assert _lpsa(capsys, db, "set", REF, "indicator:2.with=7.4")[0] == 0
    return db


def _everything(location: str) -> dict[str, list[dict[str, Any]]]:
    store = Store.open(location, create=False)
    try:
        with store.engine.connect() as connection:
            return {t.name: store_copy.table_rows(connection, t) for t in store_copy.tables()}
    finally:
        store.close()


def test_a_laptop_store_goes_to_the_server_and_back_exactly(
    capsys: pytest.CaptureFixture[str], laptop: str, pg_database: str, tmp_path: Path
) -> None:
    original = _everything(laptop)
    assert all(original[t] for t in ("rounds", "meetings", "import_batches", "outturns"))
    assert original["exchanged_states"], "the package sent left its exchanged state"
    code, said = _lpsa(capsys, laptop, "store", "copy", laptop, pg_database)
    assert code == 0 and "read back and compared" in said, said
    on_server = _everything(pg_database)
    assert on_server == original
    officers = {e["officer"] for e in on_server["audit_events"]}
    assert {"Jane Smith", "Raj Patel"} <= officers  # not the copier's login
    back = str(tmp_path / "back.sqlite")
    code, said = _lpsa(capsys, laptop, "store", "copy", pg_database, back)
    assert code == 0, said
    assert _everything(back) == original
    # Both copies are stores to go on working in: new rows take new ids, and on the server
    # the trigger names the login again for what is written from now on.
    for db in (pg_database, back):
        code, said = _lpsa(capsys, db, "set", REF, "indicator:2.with=7.3")
        assert code == 0, said
    latest = _everything(pg_database)["audit_events"][-1]
    assert latest["id"] > max(e["id"] for e in original["audit_events"])
    assert latest["officer"] == "postgres"


def test_a_store_that_is_not_empty_is_refused_and_left_as_it_was(
    capsys: pytest.CaptureFixture[str], laptop: str, tmp_path: Path
) -> None:
    other = str(tmp_path / "other.sqlite")
    assert _lpsa(capsys, other, "demo")[0] == 0
    with closing(sqlite3.connect(other)) as connection:
        before = "\n".join(connection.iterdump())
    code, said = _lpsa(capsys, laptop, "store", "copy", laptop, other)
    assert code == 1 and "is not empty" in said and "nothing was changed" in said, said
    assert "Traceback" not in said and len(said.strip().splitlines()) == 1
    with closing(sqlite3.connect(other)) as connection:
        assert "\n".join(connection.iterdump()) == before


def _failing_after_the_first_batch(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    if rows:
        yield rows[:1]
        raise StoreError("the disk went away half-way (a test's fault)")


def test_a_copy_that_fails_half_way_leaves_no_file_and_an_empty_database(
    capsys: pytest.CaptureFixture[str],
    laptop: str,
    pg_database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(store_copy, "_batches", _failing_after_the_first_batch)
    target = tmp_path / "half.sqlite"
    code, said = _lpsa(capsys, laptop, "store", "copy", laptop, str(target))
    assert code == 1 and "half-way" in said
    assert not target.exists() and not list(tmp_path.glob("half.sqlite*"))
    code, said = _lpsa(capsys, laptop, "store", "copy", laptop, pg_database)
    assert code == 1 and "half-way" in said
    with psycopg.connect(libpq(pg_database)) as db:
        row = db.execute("SELECT count(*) FROM agreements").fetchone()
        trigger = db.execute(
            "SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_officer_is_the_role'"
        ).fetchone()
    assert row is not None and row[0] == 0
    assert trigger is not None and trigger[0] == "O"  # the audit trigger is on again


def test_a_store_is_not_copied_onto_itself(capsys: pytest.CaptureFixture[str], laptop: str) -> None:
    code, said = _lpsa(capsys, laptop, "store", "copy", laptop, laptop)
    assert (code == 1 and "not empty" in said) or "onto itself" in said, said
