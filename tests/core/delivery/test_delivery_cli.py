"""`lpsa outturn`, `outturns`, `reporting` and `delivery` on a real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.cli.test_cli import run

REF = "bath-ne-somerset-lpsa1"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "cli.sqlite")
    assert run(capsys, "--db", path, "demo")[0] == 0
    return path


def test_outturns_recorded_listed_and_assessed(capsys, db: str) -> None:
    code, out, _ = run(capsys, "--db", db, "outturn", REF, "1a", "2003/04", "70", "--note", "Good")
    assert (code, out.strip()) == (0, "recorded 1a 2003/04: 70 (provisional)")
    run(capsys, "--db", db, "outturn", REF, "1a", "2004/05", "71")
    code, out, _ = run(capsys, "--db", db, "outturns", REF, "--indicator", "1a")
    assert code == 0 and "Good" in out and "73%" in out  # forecast 72 + (71 − 70)
    code, out, _ = run(capsys, "--db", db, "delivery", REF, "--json")
    data = json.loads(out)
    first = data["targets"][0]["indicators"][0]
    assert (first["ref"], first["forecast"], first["status"]) == ("1a", 72, "on_track")
    code, out, _ = run(capsys, "--db", db, "outturn", REF, "1a", "end", "73", "--audited")
    code, out, _ = run(capsys, "--db", db, "reward", REF, "--json")
    first = json.loads(out)["targets"][0]["indicators"][0]
    assert (first["ref"], first["achieved_fraction"]) == ("1a", "1.00")  # 73 is the target


def test_a_bad_period_is_one_line_and_exit_1(capsys, db: str) -> None:
    code, out, err = run(capsys, "--db", db, "outturn", REF, "1a", "2009/10", "70")
    assert code == 1 and out == ""
    assert err.strip().startswith("lpsa: ") and "2009/10" in err and "\n" not in err.strip()
    code, _, err = run(capsys, "--db", db, "outturn", REF, "1a", "2003/04", "lots")
    assert code == 2 and "'lots' is not a number" in err


def test_reporting_frequency_is_shown_and_set(capsys, db: str) -> None:
    code, out, _ = run(capsys, "--db", db, "reporting", REF, "four_monthly")
    assert code == 0 and "2003/04 P1" in out and "2005/06 P3" in out
