"""Backups with SQLite's online backup API: rolling (before an import, once a day), each
checked before it counts; `lpsa backup`, `restore` (which keeps the current file first)
and `check`."""

from __future__ import annotations

import gc
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from lpsa_desktop.cli.main import main
from lpsa_desktop.errors import StoreError
from lpsa_desktop.services.store_backups import back_up, set_backups_kept
from lpsa_desktop.storage.backups import backup_folder, check_file, list_backups
from lpsa_desktop.storage.store import Store
from tests.core.importing.workbooks import ROW_1A, ROW_2, write_return

REF = "bath-ne-somerset-lpsa1"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "s.sqlite"
    assert run(capsys, "--db", str(path), "demo")[0] == 0
    # The command ran in this process: a connection it left to the garbage collector would
    # checkpoint the WAL into the file whenever it is collected, changing the file's bytes
    # in the middle of a test that compares them. Collect it now and checkpoint once.
    gc.collect()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def damage(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    with path.open("r+b") as out:
        out.seek(path.stat().st_size // 2 // 4096 * 4096)
        out.write(b"\xa5" * 4096)


def test_the_first_open_of_the_day_backs_up_once(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert list_backups(db) == []  # a store made just now has nothing to keep yet
    for _ in range(3):
        assert run(capsys, "--db", str(db), "list")[0] == 0
    daily = list_backups(db)
    assert len(daily) == 1 and "-daily" in daily[0].name and check_file(daily[0]) == "ok"
    assert backup_folder(db).stat().st_mode & 0o777 == 0o700


def test_an_import_is_backed_up_before_it_is_applied(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_return(tmp_path / "testshire.xlsx", [ROW_1A, ROW_2])
    assert run(capsys, "--db", str(db), "import", str(path), "--yes")[0] == 0
    before = [p for p in list_backups(db) if "-import" in p.name]
    assert len(before) == 1
    with sqlite3.connect(before[0]) as copy:
        assert copy.execute("SELECT count(*) FROM import_batches").fetchone()[0] == 0
    copy.close()


def test_only_the_newest_n_are_kept(db: Path) -> None:
    store = Store.open(str(db))
    set_backups_kept(store, 3)
    made = [back_up(store) for _ in range(5)]
    assert list_backups(db) == made[:-4:-1]
    store.close()


def test_backup_to_a_file_restore_and_check(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "copy.sqlite"
    code, said, _ = run(capsys, "--db", str(db), "backup", str(out))
    assert code == 0 and "checked" in said and check_file(out) == "ok"
    assert run(capsys, "--db", str(db), "check")[0] == 0
    damage(db)
    code, said, _ = run(capsys, "--db", str(db), "check")
    assert code == 1 and "damaged" in said
    code, _, err = run(capsys, "--db", str(db), "officer", "Someone")
    assert code == 1 and "lpsa restore" in err
    code, said, _ = run(capsys, "--db", str(db), "restore", str(out))
    assert code == 0 and "kept as" in said
    assert run(capsys, "--db", str(db), "check")[0] == 0
    code, said, _ = run(capsys, "--db", str(db), "show", REF)
    assert code == 0
    assert (tmp_path / "s.sqlite.damaged").exists()  # the damaged bytes are kept, not lost


def test_restore_backs_up_the_current_file_first(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "copy.sqlite"
    assert run(capsys, "--db", str(db), "backup", str(out))[0] == 0
    assert run(capsys, "--db", str(db), "officer", "Changed Since")[0] == 0
    assert run(capsys, "--db", str(db), "restore", str(out))[0] == 0
    kept = [p for p in list_backups(db) if "before-restore" in p.name]
    assert len(kept) == 1
    with sqlite3.connect(kept[0]) as copy:
        values = [r[0] for r in copy.execute("SELECT value FROM settings")]
    copy.close()
    assert "Changed Since" in values


def test_a_file_that_is_not_a_sound_store_is_not_restored(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    before = db.read_bytes()
    code, _, err = run(capsys, "--db", str(db), "restore", str(junk))
    assert code == 1 and "not a sound" in err
    assert db.read_bytes() == before


def test_a_backup_that_fails_its_check_does_not_count(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def garbage(_source: sqlite3.Connection, target: sqlite3.Connection) -> None:
        target.execute("CREATE TABLE t (x)")
        target.commit()
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr("lpsa_desktop.storage.backups._backup", garbage)
    store = Store.open(str(db))
    with pytest.raises(StoreError):
        back_up(store)
    store.close()
    assert list_backups(db) == []
    assert not list(backup_folder(db).iterdir())


def test_a_daily_backup_that_cannot_be_made_does_not_stop_reading(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup_folder(db).write_text("a file where the backups folder should be")
    code, out, err = run(capsys, "--db", str(db), "list")
    assert code == 0 and REF in out and err == ""
