"""`lpsa import`, `template`, `imports`, `import-revert` as a person and a script use them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lpsa_desktop.cli.main import main
from tests.core.importing.bad_files import pdf_named_xlsx
from tests.core.importing.workbooks import HEADER, ROW_1A, ROW_1B, ROW_2, write_return


@pytest.fixture
def db(store_path: Path) -> list[str]:
    return ["--db", str(store_path)]


def test_dry_run_prints_a_readable_plan_and_writes_nothing(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_return(tmp_path / "testshire.xlsx", [ROW_1A, ROW_1B, ROW_2])
    assert main([*db, "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Return testshire.xlsx" in out
    assert "Agreement testshire-lpsa2: Testshire County Council (new agreement)" in out
    assert "Indicators to add:" in out and "1a, 1b, 2" in out
    assert "Dry run: nothing was written." in out
    assert main([*db, "list"]) == 0
    assert "No agreements yet" in capsys.readouterr().out


def test_yes_applies_and_a_second_import_changes_nothing(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_return(tmp_path / "testshire.xlsx", [ROW_1A, ROW_2])
    assert main([*db, "import", str(path), "--yes"]) == 0
    assert "Applied: import batch 1" in capsys.readouterr().out
    assert main([*db, "import", str(path), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "This file was imported before: batch 1" in out
    assert "No changes" in out and "Nothing to write." in out
    assert main([*db, "imports"]) == 0
    listing = capsys.readouterr().out
    assert "testshire.xlsx" in listing and listing.count("testshire-lpsa2") == 1


def test_changes_are_listed_old_to_new(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main([*db, "import", str(write_return(tmp_path / "a.xlsx", [ROW_1A])), "--yes"])
    capsys.readouterr()
    changed = write_return(tmp_path / "b.xlsx", [[*ROW_1A[:8], 90, ROW_1A[9]]])
    assert main([*db, "import", str(changed), "--dry-run"]) == 0
    assert "target 1 / indicator 1a / With LPSA: 95 → 90" in capsys.readouterr().out


def test_errors_exit_1_write_nothing_and_rejects_are_written(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = ["2", None, "Recycling", "Waste recycled", "%", "higher", "lots", 22, 26, "2007/08"]
    path = write_return(tmp_path / "r.xlsx", [ROW_1A, bad])
    rejects = tmp_path / "rejects.xlsx"
    assert main([*db, "import", str(path), "--yes", "--rejects", str(rejects)]) == 1
    out = capsys.readouterr().out
    assert "error: r.xlsx, Targets!G3 (Baseline): 'lots': is not a number" in out
    assert "Nothing was written: the file has errors" in out
    assert rejects.exists()
    assert main([*db, "list"]) == 0
    assert "No agreements yet" in capsys.readouterr().out


def test_json_output_for_scripts(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_return(tmp_path / "r.xlsx", [ROW_1A, ROW_2])
    assert main([*db, "import", str(path), "--json", "--yes"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert result["file"] == "r.xlsx" and len(result["sha256"]) == 64
    assert result["agreements"][0]["counts"]["indicators_added"] == 2
    assert result["errors"] == [] and result["applied_batches"] == [1]


def test_a_refused_file_is_one_line_on_stderr_with_exit_1(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = pdf_named_xlsx(tmp_path)
    assert main([*db, "import", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == [
        "lpsa: return.xlsx: is a PDF document, not an Excel or ODS workbook"
    ]
    assert "Traceback" not in captured.err + captured.out


def test_template_then_import_round_trips_and_revert_undoes(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main([*db, "demo"])
    ref = capsys.readouterr().out.strip()
    out = tmp_path / "return.xlsx"
    assert main([*db, "template", ref, str(out)]) == 0
    assert f"Wrote the return template of {ref}" in capsys.readouterr().out
    assert main([*db, "import", str(out), "--dry-run"]) == 0
    assert "No changes" in capsys.readouterr().out
    own = write_return(
        tmp_path / "own.xlsx",
        [["13", None, "New target", "New measure", "number", "higher", 1, 2, 3, "2005/06"]],
        agreement=None,
    )
    assert main([*db, "import", str(own), "--agreement", ref, "--yes"]) == 0
    assert "Applied: import batch 1" in capsys.readouterr().out
    assert main([*db, "import-revert", "1"]) == 0
    assert "Reverted import batch 1" in capsys.readouterr().out
    assert main([*db, "import-revert", "1"]) == 1
    assert "already reverted" in capsys.readouterr().err


def test_a_column_mapping_from_the_command_line_and_saved_by_name(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = [*HEADER, "Outturn"]
    path = write_return(tmp_path / "r.xlsx", [[*ROW_1A, 93]], header=header)
    args = [*db, "import", str(path), "--dry-run", "--map", "Outturn=ignore"]
    assert main([*args, "--save-mapping", "no-outturn"]) == 0
    capsys.readouterr()
    assert main([*db, "import", str(path), "--dry-run"]) == 0
    assert "Saved column mapping for this layout: no-outturn" in capsys.readouterr().out
    assert main([*db, "import", str(path), "--map", "Outturn=nonsense", "--dry-run"]) == 1
    assert "unknown field(s) nonsense" in capsys.readouterr().err


def test_several_files_are_planned_and_applied_in_turn(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write_return(tmp_path / "a.xlsx", [ROW_1A])
    second = write_return(tmp_path / "b.xlsx", [ROW_1A, ROW_2])
    assert main([*db, "import", str(first), str(second), "--yes", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert [r["applied_batches"] for r in results] == [[1], [2]]
    assert results[1]["agreements"][0]["indicators_added"] == ["2"]  # on top of a.xlsx


def test_in_a_terminal_the_plan_is_applied_only_when_the_officer_says_yes(
    db: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_return(tmp_path / "r.xlsx", [ROW_1A])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["n", "y"])
    monkeypatch.setattr("builtins.input", lambda _prompt: next(answers))
    assert main([*db, "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("Return r.xlsx") == 1 and "add --yes to apply" in out
    assert main([*db, "import", str(path)]) == 0
    assert "Applied: import batch 1" in capsys.readouterr().out


def test_an_agreement_named_for_a_workbook_of_several_councils_is_refused(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main([*db, "demo"])
    ref = capsys.readouterr().out.strip()
    header = ["Council", *HEADER]
    rows = [["North District", *ROW_1A], ["South District", *ROW_2]]
    path = write_return(tmp_path / "two.xlsx", rows, header=header, agreement=None)
    assert main([*db, "import", str(path), "--agreement", ref, "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "two.xlsx: covers 2 councils (North District, South District)" in err
