"""`lpsa` per shared/cli.md: commands, JSON shapes, exit codes, errors without tracebacks."""

from __future__ import annotations

import dataclasses
import json
import logging
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from lpsa_desktop.cli.main import main
from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.logs import log_file
from lpsa_desktop.services.agreement_editing import update_agreement
from lpsa_desktop.storage.store import Store
from tests.engines import recorded_officer


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


pytestmark = pytest.mark.both_engines


@pytest.fixture
def db(store_location: str) -> str:
    return store_location


def test_demo_then_list_and_show(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "--db", db, "demo")
    assert (code, out.strip()) == (0, "bath-ne-somerset-lpsa1")
    code, out, _ = run(capsys, "--db", db, "list")
    assert code == 0 and "bath-ne-somerset-lpsa1" in out and "01/04/2003 – 31/03/2006" in out
    code, out, _ = run(capsys, "--db", db, "show", "bath-ne-somerset-lpsa1")
    assert code == 0 and "£143,118,000" in out and "£3,577,950" in out and "£919,613" in out


def test_show_json_matches_the_contract(capsys: pytest.CaptureFixture[str], db: str) -> None:
    run(capsys, "--db", db, "demo")
    code, out, _ = run(capsys, "--db", db, "show", "Bath and North East Somerset Council", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["ref"] == "bath-ne-somerset-lpsa1"
    assert data["councils"][0] == {
        **data["councils"][0],
        "name": "Bath and North East Somerset Council",
        "code": "E06000022",
    }
    assert (data["reward_pot"], data["reward_rate"], data["status"]) == (
        "3577950.00",
        "0.025",
        "negotiating",
    )
    first = data["targets"][0]["indicators"][0]
    assert (first["ref"], first["baseline"], first["without"], first["with"], first["actual"]) == (
        "1a",
        67,
        70,
        73,
        None,
    )
    assert data["targets"][1]["indicators"][0]["baseline"] == 8.6


def test_reward_json_matches_the_contract(capsys: pytest.CaptureFixture[str], db: str) -> None:
    run(capsys, "--db", db, "demo")
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "reward",
        "bath-ne-somerset-lpsa1",
        "--json",
        "--actual",
        "2=7.8",
        "--actual",
        "1a=72.5",
    )
    data = json.loads(out)
    assert code == 0
    assert (data["agreement"], data["reward_pot"], data["threshold"]) == (
        "bath-ne-somerset-lpsa1",
        "3577950.00",
        "0.60",
    )
    target2 = next(t for t in data["targets"] if t["ref"] == "2")
    # absence: without 8.3, with 7.6, achieved 7.8 → 0.5/0.7 = 71.43% of £298,162.50
    assert target2 == {
        "ref": "2",
        "potential": "298162.50",
        "earned": "212973.21",
        "indicators": [
            {
                "ref": "2",
                "potential": "298162.50",
                "achieved_fraction": "0.7143",
                "payable_fraction": "0.7143",
                "earned": "212973.21",
                "interim_met": False,
                "needed": {"0.60": 7.88, "0.80": 7.74, "1.00": 7.6},
            }
        ],
    }
    # 1a: 2.5/3 of £99,387.50 = £82,822.92; total £212,973.21 + £82,822.92
    assert data["total_earned"] == "295796.13"
    assert [p["financial_year"] for p in data["payments"]] == ["2006/07", "2007/08"]
    assert data["capital"] is None  # LPSA1: the split is not stated


def test_reward_text_shows_what_each_indicator_needs(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "--db", db, "demo")
    code, out, _ = run(capsys, "--db", db, "reward", "bath-ne-somerset-lpsa1", "--actual", "7=106")
    assert code == 0
    assert "needs 108.4 / 105.2 / 102" in out
    assert "106 (what-if)" in out and "75.0%" in out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("show", "nowhere"), 1, "no agreement has the ref or council 'nowhere'"),
        (("reward", "bath-ne-somerset-lpsa1", "--actual", "zz=1"), 1, "has no indicator 'zz'"),
        (
            ("reward", "bath-ne-somerset-lpsa1", "--actual", "1a=lots"),
            2,
            "--actual 1a: 'lots' is not valid (a number such as 1,234.5)",
        ),
        (("reward", "bath-ne-somerset-lpsa1", "--actual", "1a"), 2, "is not REF=VALUE"),
        (("frobnicate",), 2, "invalid choice"),
    ],
)
def test_bad_input_is_named_with_the_right_exit_status(
    capsys: pytest.CaptureFixture[str], db: str, args: tuple[str, ...], code: int, message: str
) -> None:
    run(capsys, "--db", db, "demo")
    got, _, err = run(capsys, "--db", db, *args)
    assert got == code
    assert message in err
    assert "Traceback" not in err


def test_a_store_that_is_not_a_database_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "agenda.sqlite"
    path.write_text("not a database")
    code, _, err = run(capsys, "--db", str(path), "list")
    assert code == 1
    assert err.strip() == f"lpsa: {path} is not an LPSA Desk store (not a SQLite database)"


def test_an_unexpected_fault_prints_one_line_and_the_log_path(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(_store: object) -> list[object]:
        raise RuntimeError("disk on fire")

    run(capsys, "--db", db, "demo")
    monkeypatch.setattr("lpsa_desktop.services.agreement_queries.list_agreements", explode)
    code, _, err = run(capsys, "--db", db, "list")
    assert code == 1
    assert err.count("\n") == 1 and "disk on fire" in err and "lpsa.log" in err
    log = Path(err.rsplit("details in ", 1)[1].strip())
    assert "Traceback" in log.read_text()


def test_the_log_file_gets_one_handler_however_often_lpsa_runs(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    for _ in range(3):
        run(capsys, "--db", db, "list")
    handlers = [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.FileHandler) and Path(h.baseFilename) == log_file()
    ]
    assert len(handlers) == 1  # shared with the window's lpsa_desktop.logs set-up


def test_history_and_officer(capsys: pytest.CaptureFixture[str], db: str) -> None:
    run(capsys, "--db", db, "officer", "Jane Smith")
    run(capsys, "--db", db, "demo")
    code, out, _ = run(capsys, "--db", db, "history", "bath-ne-somerset-lpsa1")
    assert code == 0 and recorded_officer(db, "Jane Smith") in out and "create" in out


def test_the_installed_lpsa_command_runs_without_qt(tmp_path: Path) -> None:
    db = str(tmp_path / "x.sqlite")
    lpsa = Path(sys.executable).with_name("lpsa")
    subprocess.run([lpsa, "--db", db, "demo"], check=True, capture_output=True)
    result = subprocess.run(
        [lpsa, "--db", db, "reward", "bath-ne-somerset-lpsa1", "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    assert json.loads(result.stdout)["reward_pot"] == "3577950.00"


def test_show_prints_values_exactly_as_stored(capsys: pytest.CaptureFixture[str], db: str) -> None:
    run(capsys, "--db", db, "demo")

    def finer(a: Agreement) -> Agreement:
        target = a.targets[1]
        indicator = dataclasses.replace(target.indicators[0], baseline=Decimal("8.625"))
        return dataclasses.replace(
            a,
            targets=(
                a.targets[0],
                dataclasses.replace(target, indicators=(indicator,)),
                *a.targets[2:],
            ),
        )

    store = Store.open(db)
    update_agreement(store, "bath-ne-somerset-lpsa1", finer, officer="t", action="edit")
    store.close()
    _, out, _ = run(capsys, "--db", db, "show", "bath-ne-somerset-lpsa1")
    assert "8.625%" in out  # one decimal is the display default; a stored digit is never dropped
