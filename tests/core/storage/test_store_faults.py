"""The store's faults are one plain line naming the store and what to do: busy past the
timeout, read-only, a full disk, a damaged file. Real SQLite, real files, real mounts."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bench.common import agreement_with_indicators
from lpsa_desktop.cli.main import main
from lpsa_desktop.errors import (
    StoreBusyError,
    StoreDamagedError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
)
from lpsa_desktop.services.agreement_editing import create_agreement
from lpsa_desktop.services.officer import set_officer
from lpsa_desktop.storage.store import Store
from tests.core.storage.mounts import fill, read_only_view, small_tmpfs

REF = "bath-ne-somerset-lpsa1"
HOLD_LOCK = """
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(30)
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def one_plain_line(err: str) -> None:
    assert err.count("\n") == 1, err
    for internal in ("OperationalError", "SQL", "Traceback", "unexpected"):
        assert internal not in err, err


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "s.sqlite"
    assert run(capsys, "--db", str(path), "demo")[0] == 0
    return path


def test_a_store_locked_past_the_timeout_is_busy_at_begin_immediate(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("lpsa_desktop.storage.engines.sqlite.BUSY_TIMEOUT_MS", 200)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(demo_db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        code, _, err = run(capsys, "--db", str(demo_db), "officer", "Someone Else")
        assert code == 1 and "is busy" in err and str(demo_db) in err and "try again" in err
        one_plain_line(err)
        store = Store.open(str(demo_db))
        with pytest.raises(StoreBusyError):
            set_officer(store, "Someone Else")
        store.close()
        # Reading goes on while another program writes (WAL).
        code, out, _ = run(capsys, "--db", str(demo_db), "list")
        assert code == 0 and REF in out
    finally:
        holder.kill()
        holder.wait()


def test_a_read_only_store_is_a_message(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with read_only_view(demo_db.parent, tmp_path.parent / f"{tmp_path.name}-ro") as view:
        db = view / demo_db.name
        code, _, err = run(capsys, "--db", str(db), "officer", "Someone Else")
        assert code == 1 and "read-only" in err and str(db) in err
        one_plain_line(err)
        with pytest.raises(StoreReadOnlyError):
            set_officer(Store.open(str(db)), "Someone Else")


# openpyxl leaves its ZipFile to the collector when the disk fills under it.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_full_disk_is_a_message_and_the_store_is_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_tmpfs(tmp_path / "full", "16m") as folder:
        db = folder / "s.sqlite"
        assert run(capsys, "--db", str(db), "demo")[0] == 0
        template = folder / "t.xlsx"
        assert run(capsys, "--db", str(db), "template", REF, str(template))[0] == 0
        good = template.read_bytes()
        fill(folder)
        store = Store.open(str(db))
        with pytest.raises(StoreFullError, match="full"):
            create_agreement(store, agreement_with_indicators(2000, ref="big"), officer="t")
        store.close()
        # Closing may hand back the WAL's pages the refused write had taken: fill them too.
        fill(folder, name="filler-2")
        code, _, err = run(capsys, "--db", str(db), "template", REF, str(template))
        # Refused where the disk ran out: opening the store (SQLite's I/O error, said as a
        # full disk) or writing the template (the OS's "No space left").
        assert code == 1 and ("is full" in err or "No space left" in err), err
        one_plain_line(err)
        assert template.read_bytes() == good
        assert not list(folder.glob(".lpsa-tmp-*"))
        (folder / "filler").unlink()
        (folder / "filler-2").unlink(missing_ok=True)
        code, out, _ = run(capsys, "--db", str(db), "list")
        assert code == 0 and "big" not in out and REF in out


def test_a_damaged_store_opens_read_only_with_the_way_out(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(str(demo_db))
    create_agreement(store, agreement_with_indicators(300, ref="big"), officer="t")
    store.close()
    with sqlite3.connect(demo_db) as connection:  # every page in the main file
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = demo_db.stat().st_size
    with demo_db.open("r+b") as out:
        out.seek(size // 2 // 4096 * 4096)
        out.write(b"\xa5" * 4096)
    store = Store.open(str(demo_db))
    assert store.damaged is not None
    with pytest.raises(StoreDamagedError, match="lpsa restore"):
        store.unit_of_work(write=True)
    store.close()
    code, _, err = run(capsys, "--db", str(demo_db), "officer", "Someone Else")
    assert code == 1 and "damaged" in err and "lpsa restore" in err
    assert "unexpected" not in err and "Traceback" not in err


def test_every_fault_is_a_store_error_the_window_already_catches() -> None:
    for kind in (StoreBusyError, StoreReadOnlyError, StoreFullError, StoreDamagedError):
        assert issubclass(kind, StoreError)
