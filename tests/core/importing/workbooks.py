"""Small returns built in the tests with openpyxl, and helpers to tamper with their zips."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

DATA = Path(__file__).resolve().parents[2] / "data" / "returns"

HEADER = [
    "Target",
    "Sub-target",
    "Target title",
    "Indicator",
    "Unit",
    "Direction",
    "Baseline",
    "Performance expected without the LPSA",
    "Performance target with the LPSA",
    "Target date",
]
AGREEMENT = (
    ("Council", "Testshire County Council"),
    ("Generation", "LPSA2"),
    ("Start date", date(2005, 4, 1)),
    ("End date", date(2008, 3, 31)),
)
ROW_1A = [
    "1",
    "a",
    "Safer roads",
    "People killed or seriously injured",
    "number",
    "lower",
    120,
    110,
    95,
    "2007/08",
]
ROW_1B = [
    None,
    "b",
    None,
    "Children killed or seriously injured",
    "number",
    "lower",
    20,
    18,
    14,
    "2007/08",
]
ROW_2 = ["2", None, "Recycling", "Household waste recycled", "%", "higher", 18, 22, 26, "2007/08"]


def write_return(
    path: Path,
    rows: Sequence[Sequence[Any]],
    *,
    header: Sequence[str] = HEADER,
    above: Sequence[Sequence[Any]] = (),
    agreement: Sequence[tuple[str, Any]] | None = AGREEMENT,
    sheet: str = "Targets",
    formats: dict[str, str] | None = None,
    extra_sheets: Sequence[str] = (),
) -> Path:
    """A return: an Agreement sheet (unless None) and a targets sheet with ``above`` rows,
    the header and ``rows``. ``formats`` maps a cell of the targets sheet to a number format."""
    book = Workbook()
    first = book.active
    assert first is not None
    if agreement is not None:
        first.title = "Agreement"
        for pair in agreement:
            first.append(list(pair))
        targets = book.create_sheet(sheet)
    else:
        first.title = sheet
        targets = first
    for row in above:
        targets.append(list(row))
    targets.append(list(header))
    for row in rows:
        targets.append(list(row))
    for cell, number_format in (formats or {}).items():
        targets[cell].number_format = number_format
    for name in extra_sheets:
        book.create_sheet(name).append(["notes"])
    book.save(path)
    return path


def replace_parts(source: Path, out: Path, parts: dict[str, bytes]) -> Path:
    """A copy of the zip ``source`` with some parts replaced (or added)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, parts.get(info.filename, old.read(info.filename)))
        for name, data in parts.items():
            if name not in old.namelist():
                new.writestr(name, data)
    return out


def sheet_part(path: Path, sheet_number: int = 2) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"xl/worksheets/sheet{sheet_number}.xml").decode()
