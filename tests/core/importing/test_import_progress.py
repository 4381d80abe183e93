"""Progress of an import in plain Python: rows read of the sheet's rows, then planning; on a
terminal as a line rewritten in place, never in a pipe or with --json."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from lpsa_desktop.cli.main import main
from lpsa_desktop.cli.progress_line import ProgressLine, progress_line
from lpsa_desktop.importing import targets_sheet
from lpsa_desktop.progress import Progress
from lpsa_desktop.services.return_import import plan_import
from lpsa_desktop.storage.store import Store
from tests.core.importing.workbooks import ROW_1A, ROW_1B, ROW_2, write_return


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def ten_rows(tmp_path: Path) -> Path:
    rows = [ROW_1A, ROW_1B, ROW_2]
    rows += [[str(n), None, f"T{n}", "Homes", "number", "higher", 1, 2, 3] for n in range(3, 10)]
    return write_return(tmp_path / "r.xlsx", rows)


def test_planning_reports_rows_read_of_the_sheets_rows_then_planning(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(targets_sheet, "BATCH_ROWS", 4)
    heard: list[Progress] = []
    plan_import(store, ten_rows(tmp_path), progress=heard.append)
    reading = [(p.done, p.total) for p in heard if p.stage == "reading"]
    assert reading[-1] == (11, 11)  # a header and ten rows
    assert [done for done, _total in reading] == sorted(done for done, _total in reading)
    assert len(reading) >= 3 and {total for _done, total in reading} == {11}
    assert [(p.stage, p.done, p.total) for p in heard[len(reading) :]] == [
        ("planning", 0, 1),
        ("planning", 1, 1),
    ]
    assert heard[0].text.startswith("Reading r.xlsx: row ") and heard[0].text.endswith(" of 11")
    assert heard[-1].fraction == 1.0


def test_on_a_terminal_the_progress_line_is_rewritten_in_place_and_cleared() -> None:
    terminal = Terminal()
    line = progress_line(json_output=False, stream=terminal)
    assert isinstance(line, ProgressLine)
    line(Progress("reading", 5, 10, "Reading r.xlsx: row 5 of 10"))
    line(Progress("reading", 10, 10, "Reading r.xlsx: row 10 of 10"))
    line.clear()
    assert terminal.getvalue() == (
        "\r\033[KReading r.xlsx: row 5 of 10  50%\r\033[KReading r.xlsx: row 10 of 10  100%\r\033[K"
    )


def test_no_progress_line_in_a_pipe_or_with_json(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert progress_line(json_output=True, stream=Terminal()) is None
    assert progress_line(json_output=False, stream=io.StringIO()) is None
    assert main(["--db", str(store_path), "import", str(ten_rows(tmp_path)), "--dry-run"]) == 0
    assert capsys.readouterr().err == ""
