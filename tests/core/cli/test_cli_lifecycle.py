"""`lpsa new`, `copy`, `delete`, `councils` and `council`."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import CouncilType, Generation
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.storage.store import Store
from tests.core.cli.test_cli import run

COUNTY = "Lancashire County Council"
NEW = (
    "new",
    "--council",
    COUNTY,
    "--council",
    "Preston City Council",
    "--council",
    "Burnley Borough Council",
    "--generation",
    "lpsa2",
    "--start",
    "01/04/2005",
    "--end",
    "2008-03-31",
)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite")


def stored(db: str, ref: str) -> Agreement:
    store = Store.open(db)
    try:
        return load_agreement(store, ref)
    finally:
        store.close()


def test_new_prints_a_readable_ref_and_reads_british_and_iso_dates(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, err = run(
        capsys, "--db", db, *NEW, "--nbr", "£612,345,678.90", "--title", "Lancashire LPSA2"
    )
    assert (code, out, err) == (0, "lancashire-lpsa2\n", "")
    made = stored(db, "lancashire-lpsa2")
    assert made.lead_council.name == COUNTY
    assert (made.period_start, made.period_end) == (date(2005, 4, 1), date(2008, 3, 31))
    assert made.generation is Generation.LPSA2
    assert made.net_budget_requirement == Decimal("612345678.90")
    assert made.title == "Lancashire LPSA2"
    assert run(capsys, "--db", db, *NEW)[1] == "lancashire-lpsa2-2\n"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--generation", "LPSA3"), 2, "invalid choice (choose from 'LPSA1', 'LPSA2')"),
        (("--start", "31/04/2005"), 2, "is not a date"),
        (("--end", "01/04/2004"), 1, "an end after the start"),
        (("--nbr", "lots"), 2, "is not an amount"),
        (("--ref", "has space"), 1, "no spaces"),
    ],
)
def test_new_refuses_bad_input_in_one_line(
    capsys: pytest.CaptureFixture[str], db: str, args: tuple[str, ...], code: int, message: str
) -> None:
    result, out, err = run(capsys, "--db", db, *NEW, *args)
    assert (result, out) == (code, "")
    assert message in err
    assert "Traceback" not in err
    # Nothing was made: a usage error never reaches the store, a refusal leaves it empty.
    listed, shown, said = run(capsys, "--db", db, "list", "--json")
    assert shown == "[]\n" or (listed == 1 and "no store at" in said)


def test_copy_makes_a_draft_that_shows_where_it_came_from(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "--db", db, "demo")
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "copy",
        "bath-ne-somerset-lpsa1",
        "--generation",
        "LPSA2",
        "--start",
        "01/04/2006",
        "--end",
        "31/03/2009",
    )
    assert (code, out) == (0, "bath-ne-somerset-lpsa2\n")
    shown = run(capsys, "--db", db, "show", "bath-ne-somerset-lpsa2")[1]
    assert "Copied from:  bath-ne-somerset-lpsa1" in shown
    assert "01/04/2006 to 31/03/2009" in shown
    assert (
        run(capsys, "--db", db, "copy", "bath-ne-somerset-lpsa1", "--ref", "bnes-next")[1]
        == "bnes-next\n"
    )
    code, _, err = run(
        capsys, "--db", db, "copy", "bath-ne-somerset-lpsa1", "--start", "01/04/2006"
    )
    assert code == 2 and "--start and --end together" in err


def test_delete_asks_unless_told_and_keeps_the_history(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "--db", db, "demo")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, "--db", db, "delete", "bath-ne-somerset-lpsa1")
    assert code == 1
    assert "removes 13 targets (20 indicators), 7 freedoms, 0 meetings, 0 import batches" in err
    assert "--yes" in err
    assert len(json.loads(run(capsys, "--db", db, "list", "--json")[1])) == 1
    code, out, _ = run(capsys, "--db", db, "delete", "bath-ne-somerset-lpsa1", "--yes")
    assert code == 0 and out.startswith("deleted bath-ne-somerset-lpsa1: 13 targets")
    assert run(capsys, "--db", db, "list", "--json")[1] == "[]\n"
    history = run(capsys, "--db", db, "history", "bath-ne-somerset-lpsa1")[1]
    assert "delete" in history and "create" in history


def test_delete_asks_on_a_terminal_for_the_ref(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "--db", db, "demo")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt: "no")
    assert run(capsys, "--db", db, "delete", "bath-ne-somerset-lpsa1")[:2] == (1, "Not deleted.\n")
    monkeypatch.setattr("builtins.input", lambda _prompt: "bath-ne-somerset-lpsa1")
    assert run(capsys, "--db", db, "delete", "bath-ne-somerset-lpsa1")[0] == 0


def test_councils_add_move_remove_and_council_details(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "--db", db, *NEW)
    ref = "lancashire-lpsa2"
    out = run(capsys, "--db", db, "councils", ref, "move", "Burnley Borough Council", "1")[1]
    assert out.splitlines()[0].startswith("1  Burnley Borough Council (lead)")
    out = run(capsys, "--db", db, "councils", ref, "add", "Chorley Council", "--at", "2")[1]
    assert out.splitlines()[1].startswith("2  Chorley Council")
    out = run(capsys, "--db", db, "councils", ref, "remove", "chorley council")[1]
    assert "Chorley" not in out and len(out.splitlines()) == 3
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "council",
        "Preston City Council",
        "--code",
        "E07000123",
        "--type",
        "shire_district",
        "--population",
        "132,000",
        "--name",
        "Preston Council",
    )
    assert code == 0
    assert (
        "code: (empty) → E07000123" in out and "name: Preston City Council → Preston Council" in out
    )
    council = stored(db, ref).councils[2]
    assert (council.name, council.type, council.population) == (
        "Preston Council",
        CouncilType.SHIRE_DISTRICT,
        132000,
    )
    code, _, err = run(capsys, "--db", db, "council", "Preston Council", "--code", "00H")
    assert code == 1 and "GSS code" in err
    code, _, err = run(capsys, "--db", db, "councils", ref, "move", "Preston Council")
    assert code == 2 and "needs a POSITION" in err


def test_councils_at_goes_with_add_only(capsys: pytest.CaptureFixture[str], db: str) -> None:
    run(capsys, "--db", db, *NEW)
    code, _, err = run(
        capsys, "--db", db, "councils", "lancashire-lpsa2", "remove", COUNTY, "--at", "1"
    )
    assert code == 2 and "--at goes with `add` only" in err
