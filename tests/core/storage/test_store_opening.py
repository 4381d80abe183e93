"""Opening touches nothing it should not: a refused file is byte-identical afterwards, a
read-only command never creates a store, and an old store is upgraded once, under the
write lock, by however many programs open it at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lpsa_desktop.cli.main import main
from lpsa_desktop.errors import NewerStoreError, NotAStoreError, StoreMissingError
from lpsa_desktop.storage.schema_level import SCHEMA_VERSION
from lpsa_desktop.storage.store import Store

SCHEMAS = Path(__file__).parents[2] / "data" / "schemas"
OPEN_AT = """
import sys, time
from lpsa_desktop.storage.store import Store
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
Store.open(sys.argv[1]).close()
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_a_foreign_sqlite_file_is_refused_and_left_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO photos (name) VALUES ('holiday')")
    connection.close()
    before = files_in(tmp_path)
    with pytest.raises(NotAStoreError, match="not an LPSA Desk store"):
        Store.open(str(path))
    assert files_in(tmp_path) == before


def test_a_newer_store_is_refused_and_left_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    Store.open(str(path)).close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    connection.close()
    before = files_in(tmp_path)
    with pytest.raises(NewerStoreError, match="newer LPSA Desk"):
        Store.open(str(path))
    assert files_in(tmp_path) == before


@pytest.mark.parametrize("command", [("list",), ("show", "x"), ("reward", "x"), ("history", "x")])
def test_a_read_only_command_never_creates_a_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    missing = tmp_path / "typo" / "lpsa.sqlite"
    code, _, err = run(capsys, "--db", str(missing), *command)
    assert code == 1
    assert f"no store at {missing} (`lpsa demo` or `lpsa new` creates one)" in err
    assert not missing.parent.exists()
    with pytest.raises(StoreMissingError):
        Store.open(str(missing), create=False)


def test_two_programs_opening_one_old_store_at_once_both_succeed(tmp_path: Path) -> None:
    """Four at once, three times: before the lock, about one open in four failed with
    "table import_batches already exists" (measured on the old code)."""
    dump = (SCHEMAS / "v1.sql").read_text()
    for attempt in range(3):
        path = tmp_path / f"old{attempt}.sqlite"
        with sqlite3.connect(path) as connection:
            connection.executescript(dump)
        connection.close()
        start = time.time() + 1.5
        openers = [
            subprocess.Popen(
                [sys.executable, "-c", OPEN_AT, str(path), str(start)],
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        results = [(p.wait(), p.stderr.read() if p.stderr else "") for p in openers]
        assert all(code == 0 for code, _ in results), results
        with sqlite3.connect(path) as connection:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        connection.close()
        assert version == SCHEMA_VERSION
        backups = list(tmp_path.glob(f"old{attempt}.sqlite.v1.*.bak"))
        assert backups, "the upgrade made a backup first"


def test_the_pre_migration_backup_is_checked_and_a_failed_one_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as connection:
        connection.executescript((SCHEMAS / "v1.sql").read_text())
    connection.close()
    before = path.read_bytes()

    def broken_backup(self: sqlite3.Connection, target: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("lpsa_desktop.storage.backups._backup", broken_backup)
    with pytest.raises(Exception, match="I/O error"):
        Store.open(str(path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.sqlite"] or all(
        not p.name.endswith(".bak") for p in tmp_path.iterdir()
    )
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    connection.close()
    assert len(before) > 0
