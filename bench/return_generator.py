"""A big council return for benchmarks: N indicator rows x 20 columns, an Agreement sheet,
number formats on every value cell (real percentage formats on percentage indicators) and
shared strings, as Excel saves a return."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from openpyxl import Workbook

HEADERS = [
    "Target", "Sub-target", "Target title", "Indicator", "Priority", "Unit", "Direction",
    "Baseline", "Baseline year", "Performance expected without the LPSA",
    "Performance target with the LPSA", "Interim target", "Target date", "Reward weight",
    "Lead partner", "Partners", "Pump priming", "Actual", "Data source", "Notes",
]  # fmt: skip
_PERCENT_COLUMNS = (7, 9, 10, 11)


def write_big_return(path: Path, rows: int = 20_000, seed: int = 1) -> None:
    rng = random.Random(seed)
    book = Workbook()
    details = book.active
    assert details is not None
    details.title = "Agreement"
    for pair in (
        ("Council", "Benchmarkshire County Council"),
        ("Generation", "LPSA2"),
        ("Start", date(2005, 4, 1)),
        ("End", date(2008, 3, 31)),
        ("Net budget requirement", 412_000_000),
    ):
        details.append(list(pair))
    sheet = book.create_sheet("Targets")
    sheet.append(HEADERS)
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
        sheet.append(values)
        number_format = "0.0%" if percent else "#,##0.0"
        for i in (*_PERCENT_COLUMNS, 17):
            sheet.cell(n + 2, i + 1).number_format = number_format
        sheet.cell(n + 2, 17).number_format = '"£"#,##0'
    book.save(path)
