"""The PostgreSQL server killed in the middle of an import: the import is all or nothing
(the server rolls back what it had not committed), the command says in one line that
the server went away, and once the server is back the store is exactly as it was."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg

from tests.core.importing.workbooks import ROW_1A, ROW_2, write_return
from tests.engines import ServerControl
from tests.server_team import libpq

WAITING_FOR_THE_AUDIT_TABLE = (
    "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
    "WHERE NOT l.granted AND l.relation = 'audit_events'::regclass "
    "AND a.application_name = 'lpsa-desk'"
)


def _state(url: str) -> list[tuple[str, int, str]]:
    with psycopg.connect(libpq(url)) as db:
        names = [
            r[0] for r in db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ]
        state = []
        for name in sorted(names):
            row = db.execute(
                f"SELECT count(*), md5(COALESCE(string_agg(t::text, '' ORDER BY t::text), '')) FROM {name} t"
            ).fetchone()
            assert row is not None
            state.append((name, int(row[0]), str(row[1])))
        return state


def _lpsa(url: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "lpsa_desktop.cli.main", "--db", url, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "LPSA_OFFICER": "Jane Smith"},
    )


def test_an_import_cut_off_by_the_server_dying_is_all_or_nothing(
    pg_database: str, pg_server: ServerControl, tmp_path: Path
) -> None:
    assert _lpsa(pg_database, "demo").wait(timeout=120) == 0
    workbook = write_return(tmp_path / "return.xlsx", [ROW_1A, ROW_2])
    before = _state(pg_database)
    # Another session holds the audit table, so the import, once it has written the batch
    # and the agreement's rows inside its transaction, waits there: the middle of it.
    holder = psycopg.connect(libpq(pg_database))
    holder.execute("LOCK TABLE audit_events IN EXCLUSIVE MODE")
    importing = _lpsa(pg_database, "import", str(workbook), "--yes")
    deadline = time.monotonic() + 60
    with psycopg.connect(libpq(pg_database), autocommit=True) as watcher:
        while not watcher.execute(WAITING_FOR_THE_AUDIT_TABLE).fetchone()[0]:  # type: ignore[index]
            assert importing.poll() is None, importing.communicate()
            assert time.monotonic() < deadline, "the import never reached the audit trail"
            time.sleep(0.02)
    pg_server.kill()
    out, err = importing.communicate(timeout=60)
    holder.close()
    assert importing.returncode == 1, (out, err)
    assert "cannot be reached or went away" in err and "nothing was changed" in err, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    pg_server.start()
    assert _state(pg_database) == before
    # And the same import, with the server back, goes in whole.
    assert _lpsa(pg_database, "import", str(workbook), "--yes").wait(timeout=120) == 0
    after = {name: count for name, count, _ in _state(pg_database)}
    assert after["import_batches"] == 1 and after["agreements"] == 2
