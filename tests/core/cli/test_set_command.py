"""`lpsa set`: every editable field by address, several in one transaction, --expect refuses."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from lpsa_desktop.cli.main import main
from lpsa_desktop.domain.enums import FreedomStatus, NegotiationStatus
from lpsa_desktop.services.agreement_queries import agreement_history, load_agreement
from lpsa_desktop.services.negotiation_status import status_marks
from lpsa_desktop.storage.store import Store

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
    path = str(tmp_path / "set.sqlite")
    run(capsys, "--db", path, "demo")
    return path


def stored(db: str) -> tuple[object, list[object]]:
    store = Store.open(db)
    try:
        return load_agreement(store, REF), agreement_history(store, REF)
    finally:
        store.close()


def test_set_changes_several_fields_in_one_transaction_and_prints_old_to_new(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, err = run(
        capsys,
        "--db",
        db,
        "set",
        REF,
        "indicator:2.with=7.4",
        "target:3.title=Fewer young people leaving care without work",
        "agreement.pump_priming_grant=1,000,000",
        "freedom:F2.status=not agreed",
        "target:3.negotiation=agreed",
        "signatory:1.position=Leader",
        "council:1.population=170000",
    )
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["indicator:2.with", "7.6", "→", "7.4"]
    assert "£919,613.00 → £1,000,000.00" in lines[2]
    assert lines[6].split() == ["council:1.population", "169040", "→", "170000"]
    agreement, history = stored(db)
    found = agreement.find_indicator("2")  # type: ignore[attr-defined]
    assert found[1].with_ == Decimal("7.4")
    assert agreement.freedoms[1].status is FreedomStatus.NOT_AGREED  # type: ignore[attr-defined]
    assert agreement.councils[0].population == 170000  # type: ignore[attr-defined]
    # One transaction: every change carries the same action, worded as the window words it.
    actions = {e.action for e in history[:7]}  # type: ignore[attr-defined]
    assert len(actions) == 1
    assert next(iter(actions)).startswith("edit indicator 2 / With LPSA, edit target 3 / Target")
    assert "mark target 3 agreed" in next(iter(actions))


def test_a_status_set_with_lpsa_set_is_marked_as_lpsa_status_marks_it(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "--db", db, "set", REF, "indicator:4a.negotiation=parked")
    store = Store.open(db)
    try:
        marks = status_marks(store, REF)
    finally:
        store.close()
    assert [m.status for i, m in marks.items() if i.ref == "4a"] == [NegotiationStatus.PARKED]


def test_one_refused_value_writes_nothing(capsys: pytest.CaptureFixture[str], db: str) -> None:
    before = stored(db)
    for bad in (
        "indicator:2.with=12,5",  # a decimal comma, or a thousands one: refused as ambiguous
        "indicator:2.with=\u0661\u0662",  # Arabic-Indic digits are not read as 12
        "indicator:2.with=1e999",
        "indicator:2.with=seven",
        "target:3.ref=9",
        "x.y=1",
    ):
        code, out, err = run(capsys, "--db", db, "set", REF, "target:3.title=New", bad)
        assert code == 1 and out == "" and err.startswith("lpsa: ") and len(err.splitlines()) == 1
    assert stored(db) == before


def test_expect_refuses_when_the_stored_value_is_not_the_old_one(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    before = stored(db)
    code, out, err = run(capsys, "--db", db, "set", REF, "indicator:2.with=7.0", "--expect", "7.5")
    assert (code, out) == (1, "")
    assert "indicator 2 / With LPSA was changed elsewhere: you saw 7.5, the store holds 7.6" in err
    assert stored(db) == before
    code, out, _ = run(capsys, "--db", db, "set", REF, "indicator:2.with=7.0", "--expect", "7.6")
    assert code == 0 and out.split() == ["indicator:2.with", "7.6", "→", "7.0"]


def test_expect_names_its_address_when_several_are_set(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    args = ("--db", db, "set", REF, "indicator:2.with=7.0", "target:3.notes=see minutes")
    code, _out, err = run(capsys, *args, "--expect", "7.6")
    assert code == 1 and "say which: ADDRESS=OLD" in err
    code, _out, err = run(capsys, *args, "--expect", "indicator:2.with=7.1")
    assert code == 1 and "the store holds 7.6" in err
    code, _out, _err = run(capsys, *args, "--expect", "indicator:2.with=7.6")
    assert code == 0


def test_expect_sees_a_change_made_by_another_process_meanwhile(db: str) -> None:
    env = {**os.environ, "LPSA_OFFICER": "Raj Patel"}
    lpsa = [sys.executable, "-m", "lpsa_desktop.cli.main", "--db", db, "set", REF]
    first = subprocess.run(
        [*lpsa, "indicator:2.with=7.5"], env=env, capture_output=True, text=True, check=False
    )
    assert first.returncode == 0, first.stderr
    env["LPSA_OFFICER"] = "Jane Smith"
    second = subprocess.run(
        [*lpsa, "indicator:2.with=7.4", "--expect", "7.6"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert second.returncode == 1
    assert "the store holds 7.5, by Raj Patel" in second.stderr
    agreement, _history = stored(db)
    assert agreement.find_indicator("2")[1].with_ == Decimal("7.5")  # type: ignore[attr-defined]


def test_an_empty_value_clears_an_optional_field(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = run(
        capsys, "--db", db, "set", REF, "indicator:2.actual=8", "indicator:2.baseline="
    )
    assert code == 0 and "→ (empty)" in out.splitlines()[1]
