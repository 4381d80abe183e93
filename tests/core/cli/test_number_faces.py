"""The number rule at the command line and in the importer, and a store that already holds
a value past it (written before the rule): it opens, is flagged, and every command works."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from lpsa_desktop.cli.main import main
from lpsa_desktop.importing.cell_numbers import CellProblem, parse_money, parse_number

POISON = ["1e999", "1e999999", "9" * 100_000, "١٢", "१२", "１２", "12,5"]
REF = "bath-ne-somerset-lpsa1"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "n.sqlite")
    assert run(capsys, "--db", path, "demo")[0] == 0
    return path


@pytest.mark.parametrize("value", POISON, ids=range(len(POISON)))
def test_a_poison_actual_is_a_usage_error_naming_the_field(
    capsys: pytest.CaptureFixture[str], db: str, value: str
) -> None:
    code, _, err = run(capsys, "--db", db, "reward", REF, "--actual", f"1a={value}")
    assert code == 2
    assert "--actual 1a:" in err and "unexpected" not in err
    assert len(err) < 600


@pytest.mark.parametrize(
    "args",
    [
        ("history", REF, "--limit", str(10**30)),
        ("history", REF, "--limit", "١٢"),
        ("meeting", "decide", str(10**30), "text"),
        ("import-revert", str(10**30)),
        ("rounds", "show", f"{REF}:{10**30}"),
        ("rounds", "show", f"{REF}:²"),
    ],
)
def test_integer_arguments_are_range_checked(
    capsys: pytest.CaptureFixture[str], db: str, args: tuple[str, ...]
) -> None:
    code, _, err = run(capsys, "--db", db, *args)
    assert code == 2 and "unexpected" not in err and "Overflow" not in err


@pytest.mark.parametrize("value", POISON, ids=range(len(POISON)))
def test_the_importer_refuses_the_same_values(value: str) -> None:
    with pytest.raises(CellProblem):
        parse_number(value)
    with pytest.raises(CellProblem):
        parse_money(value)


def test_the_importer_bounds_money_after_its_scale() -> None:
    with pytest.raises(CellProblem, match="out of range"):
        parse_money("£5,000bn")
    assert str(parse_money("£1.5bn")) == "1500000000.00"


@pytest.mark.parametrize("value", [1e300, float("inf"), -1e13])
def test_the_importer_refuses_huge_floats_from_a_workbook(value: float) -> None:
    with pytest.raises(CellProblem, match="out of range"):
        parse_number(value)


def test_a_stored_value_past_the_rule_is_flagged_and_every_command_still_works(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE indicators SET actual = '1E+999' WHERE ref = '1a'")
        connection.execute("UPDATE indicators SET actual = '-1E+999999' WHERE ref = '1b'")
    code, out, err = run(capsys, "--db", db, "show", REF)
    assert code == 0, err
    assert "1E+999" in out and "number_range" not in err
    assert "indicator 1a / actual: 1E+999 is beyond an indicator value" in out
    for args in (
        ("reward", REF),
        ("reward", REF, "--json"),
        ("show", REF, "--json"),
        ("history", REF),
        ("export", REF, str(tmp_path / "out.pdf")),
        ("template", REF, str(tmp_path / "t.xlsx")),
    ):
        code, _, err = run(capsys, "--db", db, *args)
        assert code == 0, (args, err)
