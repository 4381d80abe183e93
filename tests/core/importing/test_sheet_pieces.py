"""Big sheets are read in pieces on a helper thread (``sheet_pieces``): the same return as
read whole, pieces really used, unsafe cells in a late piece still refused, no thread left
behind."""

from __future__ import annotations

import io
import sys
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from python_calamine import CalamineSheet, CalamineWorkbook

from lpsa_desktop.importing import sheet_extent, sheet_pieces
from lpsa_desktop.importing.council_return import read_return
from lpsa_desktop.importing.errors import UnsafeWorkbookError
from lpsa_desktop.importing.return_model import CouncilReturn
from tests.core.importing.workbooks import AGREEMENT, HEADER, replace_parts, sheet_part


def _big_return(path: Path) -> Path:
    """A targets table from column B under two title rows, 40 targets of two indicators
    (percentages formatted as such), a merged title, a hidden row, blank rows, a footnote
    and a row below it."""
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Agreement"
    for pair in AGREEMENT:
        first.append(list(pair))
    sheet = book.create_sheet("Targets")
    sheet.append([])
    sheet.append([None, "Testshire LPSA: targets"])
    sheet.append([None, *HEADER])
    for target in range(1, 41):
        for letter, unit in (("a", "%"), ("b", "number")):
            row = sheet.max_row + 1
            value = 0.18 if unit == "%" else 120
            names = [str(target), letter, f"Target {target}", f"Indicator {target}{letter}"]
            sheet.append([None, *names, unit, "higher", value, value * 1.1, value * 1.3, "2007/08"])
            if unit == "%":
                for column in "HIJ":
                    sheet[f"{column}{row}"].number_format = "0%"
        if target == 20:
            sheet.append([])
            sheet.append([])
    sheet.merge_cells("D4:D5")
    sheet.row_dimensions[10].hidden = True
    sheet.append([None, "Source: council records"])
    sheet.append([None, "41", "a", "Late", "Below the note", "number", "higher", 1, 2, 3])
    book.save(path)
    return path


def _read(
    path: Path, monkeypatch: pytest.MonkeyPatch, *, pieces: bool, segment: int = 1 << 20
) -> CouncilReturn:
    monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 300 if pieces else 10**12)
    monkeypatch.setattr(sheet_extent, "CHUNK", segment)
    return read_return(path)


def _count_pieces(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    parsed: list[int] = []  # the size of each piece's sheet
    parse: Callable[[io.BytesIO, str], CalamineSheet] = sheet_pieces.parse_piece

    def counted(data: io.BytesIO, sheet: str) -> CalamineSheet:
        if sheet == "Targets":
            with zipfile.ZipFile(io.BytesIO(data.getvalue())) as piece:
                parsed.append(piece.getinfo("xl/worksheets/sheet2.xml").file_size)
        return parse(data, sheet)

    monkeypatch.setattr(sheet_pieces, "parse_piece", counted)
    return parsed


def _piece_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("lpsa-sheet-pieces")]


def test_a_sheet_read_in_pieces_gives_the_return_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _big_return(tmp_path / "big.xlsx")
    whole = _read(path, monkeypatch, pieces=False)
    parsed = _count_pieces(monkeypatch)
    interval = sys.getswitchinterval()
    pieced = _read(path, monkeypatch, pieces=True)
    assert sys.getswitchinterval() == interval  # handed over faster only while reading
    assert len(parsed) >= 4  # cut for real, into pieces of some rows each
    assert pieced == whole
    table = pieced.targets_table
    assert len(table.targets) == 40 and sum(len(t.indicators) for t in table.targets) == 80
    assert table.targets[0].indicators[0].values["baseline"] == 18  # shown as 18%
    codes = {i.code for i in pieced.all_issues()}
    assert {"footnotes_ignored", "data_below_table", "hidden"} <= codes
    assert not _piece_threads()


@pytest.mark.parametrize("segment", [100, 1000, 7777])
def test_pieces_are_cut_near_their_size_whatever_the_segments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, segment: int
) -> None:
    path = _big_return(tmp_path / "big.xlsx")
    whole = _read(path, monkeypatch, pieces=False)
    parsed = _count_pieces(monkeypatch)
    assert _read(path, monkeypatch, pieces=True, segment=segment) == whole
    with zipfile.ZipFile(path) as archive:
        size = sheet_pieces.piece_bytes(archive.getinfo("xl/worksheets/sheet2.xml").file_size)
    assert len(parsed) >= 6
    xml = sheet_part(path)
    head = len(xml.split("<sheetData>")[0]) + 40  # and the closing tags
    longest_row = max(len(row) for row in xml.split("<row "))
    # Cut at the last row start before its size, or the first after it in that segment.
    assert max(parsed) < head + size + longest_row + segment


def test_an_unsafe_cell_in_the_last_piece_is_refused_and_no_thread_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _big_return(tmp_path / "big.xlsx")
    far = '<row r="60000"><c r="B60000" t="n"><v>1</v></c></row></sheetData>'
    xml = sheet_part(source).replace("</sheetData>", far)
    path = replace_parts(source, tmp_path / "far.xlsx", {"xl/worksheets/sheet2.xml": xml.encode()})
    handed: list[int] = []
    make = sheet_pieces.PieceMaker._piece

    def counted(maker: sheet_pieces.PieceMaker, *args: Any) -> None:
        handed.append(1)
        make(maker, *args)

    monkeypatch.setattr(sheet_pieces.PieceMaker, "_piece", counted)
    with pytest.raises(UnsafeWorkbookError, match=r"far\.xlsx"):
        _read(path, monkeypatch, pieces=True, segment=1000)
    assert len(handed) >= 3  # the earlier pieces had been handed over already
    assert not _piece_threads()


def test_a_sheet_the_quick_proof_cannot_read_is_walked_and_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _big_return(tmp_path / "big.xlsx")
    # Cells without refs are placed after the cell before them: only the walk can tell.
    xml = sheet_part(source).replace(
        "</sheetData>", '<row r="200"><c t="n"><v>1</v></c></row></sheetData>'
    )
    path = replace_parts(source, tmp_path / "odd.xlsx", {"xl/worksheets/sheet2.xml": xml.encode()})
    whole = _read(path, monkeypatch, pieces=False)
    pieced = _read(path, monkeypatch, pieces=True)
    assert pieced == whole
    assert not _piece_threads()


def test_memory_bound_makes_the_cutting_wait_for_the_helper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _big_return(tmp_path / "big.xlsx")
    whole = _read(path, monkeypatch, pieces=False)
    monkeypatch.setattr(sheet_pieces, "IN_FLIGHT_BYTES", 1)  # one piece at a time
    assert _read(path, monkeypatch, pieces=True) == whole


def test_merged_ranges_are_read_as_calamine_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "merged.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "x"
    for cells in ("B2:C3", "A10:A12", "AA100:AB100", "D4:D4"):
        sheet.merge_cells(cells)
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    tail = xml[xml.index(b"</sheetData>") :]
    with CalamineWorkbook.from_path(str(path)) as calamine:
        expected = calamine.get_sheet_by_name(sheet.title).merged_cell_ranges
    assert sorted(sheet_pieces.merged_ranges(tail)) == sorted(expected or [])
