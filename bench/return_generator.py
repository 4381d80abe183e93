"""A big council return for benchmarks: N indicator rows x 20 columns, an Agreement sheet
and number formats on every value cell (real percentage formats on percentage indicators).

Two layouts of the same cells: ``"shared"`` stores each text once in a shared-strings part
and refers to it from the cells, as Excel and LibreOffice save a workbook (written with
XlsxWriter, which writes the parts as Excel does); ``"inline"`` writes each text inside its
cell, as openpyxl saves one (and so our own return templates).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Literal

import xlsxwriter
from openpyxl import Workbook

HEADERS = [
    "Target", "Sub-target", "Target title", "Indicator", "Priority", "Unit", "Direction",
    "Baseline", "Baseline year", "Performance expected without the LPSA",
    "Performance target with the LPSA", "Interim target", "Target date", "Reward weight",
    "Lead partner", "Partners", "Pump priming", "Actual", "Data source", "Notes",
]  # fmt: skip
AGREEMENT = (
    ("Council", "Benchmarkshire County Council"),
    ("Generation", "LPSA2"),
    ("Start", date(2005, 4, 1)),
    ("End", date(2008, 3, 31)),
    ("Net budget requirement", 412_000_000),
)
_PERCENT_COLUMNS = (7, 9, 10, 11)
_VALUE_COLUMNS = (*_PERCENT_COLUMNS, 17)
_MONEY_COLUMN = 16
PERCENT, NUMBER, MONEY = "0.0%", "#,##0.0", '"£"#,##0'
Strings = Literal["shared", "inline"]


def indicator_rows(rows: int, seed: int = 1) -> Iterator[tuple[list[object], bool]]:
    """(the row's values, whether its value cells are percentages), row by row."""
    rng = random.Random(seed)
    per_target = 5
    for n in range(rows):
        target, letter = divmod(n, per_target)
        percent = letter < 2
        base = round(rng.uniform(10, 80), 1)
        step = -1 if letter == 4 else 1
        values: list[object] = [
            str(target + 1), "abcde"[letter], f"Target {target + 1}: improve local outcomes",
            f"Indicator {target + 1}{'abcde'[letter]}: a measure of local performance",
            "Creating safer and stronger communities", "%" if percent else "number",
            "lower" if step < 0 else "higher", base, "2004/05", base + 2 * step,
            base + 5 * step, base + 1 * step, "2007/08", None, "County Council",
            "Police; PCT", 12_500, None, "BVPI 99", None,
        ]  # fmt: skip
        if percent:
            for i in _PERCENT_COLUMNS:
                values[i] = round(float(values[i]) / 100, 4)  # type: ignore[arg-type]
        yield values, percent


def write_big_return(
    path: Path, rows: int = 20_000, seed: int = 1, strings: Strings = "shared"
) -> None:
    if strings == "shared":
        _write_shared(path, rows, seed)
    else:
        _write_inline(path, rows, seed)


def _write_shared(path: Path, rows: int, seed: int) -> None:
    book = xlsxwriter.Workbook(str(path))
    details = book.add_worksheet("Agreement")
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    for r, (label, value) in enumerate(AGREEMENT):
        details.write_string(r, 0, label)
        if isinstance(value, date):
            details.write_datetime(r, 1, value, day)
        else:
            details.write(r, 1, value)
    sheet = book.add_worksheet("Targets")
    percent, number = (
        book.add_format({"num_format": PERCENT}),
        book.add_format({"num_format": NUMBER}),
    )
    money = book.add_format({"num_format": MONEY})
    sheet.write_row(0, 0, HEADERS)
    for n, (values, is_percent) in enumerate(indicator_rows(rows, seed), start=1):
        shown = percent if is_percent else number
        for i, value in enumerate(values):
            style = money if i == _MONEY_COLUMN else shown if i in _VALUE_COLUMNS else None
            if value is None:
                if style is not None:
                    sheet.write_blank(n, i, None, style)
            elif isinstance(value, str):
                sheet.write_string(n, i, value, style)
            else:
                sheet.write_number(n, i, value, style)  # type: ignore[arg-type]
    book.close()


def _write_inline(path: Path, rows: int, seed: int) -> None:
    book = Workbook()
    details = book.active
    assert details is not None
    details.title = "Agreement"
    for pair in AGREEMENT:
        details.append(list(pair))
    sheet = book.create_sheet("Targets")
    sheet.append(HEADERS)
    for n, (values, is_percent) in enumerate(indicator_rows(rows, seed), start=2):
        sheet.append(values)
        for i in _VALUE_COLUMNS:
            sheet.cell(n, i + 1).number_format = PERCENT if is_percent else NUMBER
        sheet.cell(n, _MONEY_COLUMN + 1).number_format = MONEY
    book.save(path)
