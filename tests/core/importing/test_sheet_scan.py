"""The sheet scan's percentage cells: the fast path (refs read in bulk where the style
follows the ref, as every writer puts it) must find the same cells as a walk of each tag,
whatever the attribute order, wherever a chunk is cut."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lpsa_desktop.importing.sheet_extent import CHUNK
from lpsa_desktop.importing.sheet_scan import scan_sheet

PART = "xl/worksheets/sheet1.xml"
PERCENT = frozenset({7, 12})


def scan(tmp_path: Path, rows: list[str]) -> dict[int, set[int]]:
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheetData>" + "".join(rows) + "</sheetData></worksheet>"
    )
    path = tmp_path / "sheet.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(PART, xml)
    with zipfile.ZipFile(path) as archive:
        return scan_sheet(str(path), "Targets", archive, PART, PERCENT).percent_cells


def row(number: int, cells: str) -> str:
    return f'<row r="{number}">{cells}</row>'


def test_a_percentage_style_is_found_in_any_attribute_order(tmp_path: Path) -> None:
    rows = [
        row(1, '<c r="A1" s="7"><v>0.1</v></c><c r="B1" s="3"><v>2</v></c>'),
        row(3, '<c s="7" r="B3"><v>0.2</v></c>'),  # style before ref
        row(4, '<c r="C4" t="n" s="12"><v>0.3</v></c>'),  # another attribute between
        row(5, '<c t="n" s="7" r="AB5"/>'),
        row(6, '<c r="D6" s="77"><v>1</v></c><c r="E6" xs="7"><v>1</v></c>'),  # not 7 nor 12
    ]
    assert scan(tmp_path, rows) == {0: {0}, 2: {1}, 3: {2}, 4: {27}}


def test_a_style_on_a_row_is_not_a_cells(tmp_path: Path) -> None:
    rows = [row(1, '<c r="A1"><v>1</v></c>'), '<row r="2" s="7" customFormat="1"></row>']
    assert scan(tmp_path, rows) == {}


def test_big_sheets_are_read_alike_in_every_chunk_whatever_the_order(tmp_path: Path) -> None:
    """Over 3 MB of cells, so several chunks, each cut somewhere (often in a percentage
    cell's tag); two cells of the second chunk write their style before their ref, so that
    chunk is read tag by tag, the others in bulk."""
    rows: list[str] = []
    expected: dict[int, set[int]] = {}
    size = 0
    number = 0
    while size < 3 * CHUNK:
        number += 1
        cells = []
        for column, letter in enumerate("ABCDEFGHIJ"):
            style = (7, 12, 3)[(number + column) % 3]
            if number in (4000, 4001) and column == 4:
                cells.append(f'<c s="{style}" t="n" r="{letter}{number}"><v>0.5</v></c>')
            else:
                cells.append(f'<c r="{letter}{number}" s="{style}"><v>0.5</v></c>')
            if style != 3:
                expected.setdefault(number - 1, set()).add(column)
        rows.append(row(number, "".join(cells)))
        size += len(rows[-1])
    assert scan(tmp_path, rows) == expected
