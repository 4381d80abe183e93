"""`lpsa rounds`, `status`, `meetings` and `meeting` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.cli.test_cli import run

REF = "bath-ne-somerset-lpsa1"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "neg.sqlite")
    run(capsys, "--db", path, "demo")
    return path


def test_take_rounds_and_compare_them_as_json(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "rounds",
        "take",
        REF,
        "--name",
        "Council proposal 1",
        "--party",
        "council",
        "--date",
        "14/01/2003",
    )
    assert (code, out.strip()) == (0, f"{REF}:1")
    run(capsys, "--db", db, "status", REF, "freedom:F5", "dropped")
    code, out, _ = run(
        capsys, "--db", db, "rounds", "compare", f"{REF}:1", f"{REF}:current", "--json"
    )
    data = json.loads(out)
    assert code == 0
    assert data["before"] == "round 1: Council proposal 1" and data["after"] == "current"
    assert data["changes"] == [
        {
            "kind": "changed",
            "entity": "freedom F5",
            "field": "negotiation",
            "old": "open",
            "new": "dropped",
            "party": None,
            "by": "current",
        }
    ]
    assert data["reward_pot"] == {"before": "3577950.00", "after": "3577950.00"}
    assert data["potentials"][0] == {"target": "1", "before": "298162.50", "after": "298162.50"}


def test_rounds_list_shows_party_date_and_internal(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(
        capsys,
        "--db",
        db,
        "rounds",
        "take",
        REF,
        "--name",
        "Fall-back",
        "--party",
        "council",
        "--internal",
        "--date",
        "2003-02-01",
    )
    code, out, _ = run(capsys, "--db", db, "rounds", "list", REF)
    assert (
        code == 0
        and f"{REF}:1" in out
        and "Fall-back" in out
        and "01/02/2003" in out
        and "internal" in out
    )


def test_a_meeting_from_open_to_minutes(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys, "--db", db, "meeting", "open", REF, "--date", "14/03/2003", "--place", "Guildhall",
        "--attendee", "Jane Smith, B&NES Council", "--agenda", "target:3",
    )  # fmt: skip
    meeting = out.strip()
    assert (code, meeting) == (0, "1")
    assert (
        run(
            capsys,
            "--db",
            db,
            "meeting",
            "decide",
            meeting,
            "--item",
            "target:3",
            "Agreed as proposed.",
        )[0]
        == 0
    )
    assert (
        run(
            capsys,
            "--db",
            db,
            "meeting",
            "action",
            meeting,
            "Send figures",
            "--owner",
            "Jane Smith",
            "--due",
            "21/03/2003",
        )[0]
        == 0
    )
    code, out, _ = run(capsys, "--db", db, "meeting", "close", meeting)
    assert code == 0 and f"round {REF}:1" in out
    code, out, _ = run(capsys, "--db", db, "meeting", "minutes", meeting, str(tmp_path / "m.pdf"))
    assert code == 0 and (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    code, out, _ = run(capsys, "--db", db, "meetings", REF)
    assert code == 0 and "closed" in out and "14/03/2003" in out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("rounds", "compare", f"{REF}:1", f"{REF}:9"), 1, "has no round"),
        (("rounds", "compare", f"{REF}:x", f"{REF}:1"), 2, "is not a round number or 'current'"),
        (
            ("rounds", "take", REF, "--name", "X", "--party", "council", "--date", "31/02/2003"),
            2,
            "is not a date",
        ),
        (("status", REF, "target:99", "agreed"), 1, "has no target 99"),
        (("status", REF, "3a", "agreed"), 2, "is not an item"),
        (
            ("meeting", "open", REF, "--date", "14/03/2003", "--attendee", "Jane Smith"),
            2,
            "is not 'Name, Organisation'",
        ),
        (("meeting", "decide", "42", "text"), 1, "no meeting 42"),
        (("meeting", "minutes", "1", "minutes.txt"), 1, ".pdf or .docx, not .txt"),
    ],
)
def test_bad_input_is_named(
    capsys: pytest.CaptureFixture[str], db: str, args: tuple[str, ...], code: int, message: str
) -> None:
    run(
        capsys,
        "--db",
        db,
        "rounds",
        "take",
        REF,
        "--name",
        "Council proposal 1",
        "--party",
        "council",
    )
    got, _, err = run(capsys, "--db", db, *args)
    assert (got, "Traceback" in err) == (code, False)
    assert message in err
