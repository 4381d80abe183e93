"""`lpsa outturn`, `outturns`, `reporting` and `delivery` on a real store."""

from __future__ import annotations

import json

import pytest

from tests.core.cli.test_cli import run

REF = "bath-ne-somerset-lpsa1"


pytestmark = pytest.mark.both_engines


@pytest.fixture
def db(store_location: str, capsys: pytest.CaptureFixture[str]) -> str:
    path = store_location
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


def test_an_outturn_is_removed_with_none(capsys, db: str) -> None:
    run(capsys, "--db", db, "outturn", REF, "1a", "2003/04", "70")
    code, out, _ = run(capsys, "--db", db, "outturn", REF, "1a", "2003/04", "none")
    assert (code, out.strip()) == (0, "removed 1a 2003/04")
    code, _, err = run(capsys, "--db", db, "outturn", REF, "1a", "2003/04", "none")
    assert code == 1 and "no outturn" in err


def test_claims_are_recorded_and_checked(capsys, db: str) -> None:
    for actual in ("1a=73", "1b=75", "1c=72"):  # target 1 in full: £298,162.50
        ref, value = actual.split("=")
        run(capsys, "--db", db, "outturn", REF, ref, "end", value, "--audited")
    code, out, _ = run(
        capsys, "--db", db, "claims", REF, "--record", "1", "149081.25", "--date", "01/09/2006"
    )
    assert code == 0 and "due: instalment 1 in 2006/07: £149,081.25" in out
    code, out, _ = run(
        capsys, "--db", db, "claims", REF, "--record", "2", "£150,000", "--date", "01/09/2007"
    )
    assert code == 1 and "error: instalment 2: £150,000.00 claimed is above" in out
    code, out, _ = run(capsys, "--db", db, "claims", REF, "--remove", "2", "--json")
    data = json.loads(out)
    assert code == 0 and [c["amount"] for c in data["claims"]] == ["149081.25"]


def test_pump_priming_spend_is_recorded_and_kept_by_field(capsys, db: str) -> None:
    run(capsys, "--db", db, "pump-priming", REF, "--spend", "1", "2005/06", "--budget", "30000")
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "pump-priming",
        REF,
        "--spend",
        "1",
        "2005/06",
        "--actual",
        "20,000",
        "--json",
    )
    line = json.loads(out)["targets"][0]
    assert (line["allocated"], line["final_year_budget"], line["final_year_actual"]) == (
        "95000.00",
        "30000.00",
        "20000.00",
    )
    assert line["balance"] == "75000.00"
    code, _, err = run(
        capsys, "--db", db, "pump-priming", REF, "--spend", "1", "2009/10", "--actual", "1"
    )
    assert code == 1 and "2003/04, 2004/05, 2005/06" in err
