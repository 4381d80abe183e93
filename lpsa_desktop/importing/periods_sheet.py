"""The Periods sheet of a return: outturns over time, one row per indicator and period.

Columns, found by header anywhere in the first ten rows (case and spacing ignored):
Indicator | Period | Value | Status | Reported on | Note. A row whose value is empty is
skipped (nothing is reported for that period yet), so a template's pre-filled grid of
indicators and periods can be returned part-filled. Whether the period and indicator exist
is checked against the agreement when the plan is made, not here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from lpsa_desktop.domain.delivery.outturns import OutturnEntry
from lpsa_desktop.domain.enums import Severity
from lpsa_desktop.importing.cell_numbers import (
    CellProblem,
    Raw,
    ToBeConfirmed,
    parse_number,
    text_of,
)
from lpsa_desktop.importing.cell_periods import parse_date
from lpsa_desktop.importing.issues import ImportIssue
from lpsa_desktop.importing.workbook_reader import SheetGrid

SHEET_NAMES = ("Periods", "Outturns", "Performance")
HEADERS = {
    "indicator": ("indicator", "indicator ref", "ref", "sub-target"),
    "period": ("period", "reporting period", "quarter"),
    "value": ("value", "outturn", "actual"),
    "status": ("status", "audited", "provisional or audited"),
    "reported_on": ("reported on", "date", "reported"),
    "note": ("note", "notes", "commentary"),
}
REQUIRED = ("indicator", "period", "value")
AUDITED_WORDS = {"audited", "yes", "y", "final", "true", "verified"}
PROVISIONAL_WORDS = {"", "provisional", "no", "n", "false", "draft", "estimate"}
_FOLDED = {
    " ".join(alias.split()).casefold(): name
    for name, aliases in HEADERS.items()
    for alias in aliases
}


@dataclass(frozen=True)
class PeriodRow:
    row: int
    """0-based, as in ImportIssue."""
    entry: OutturnEntry
    indicator_column: int = 0
    period_column: int = 1


@dataclass
class PeriodsRead:
    sheet: str
    rows: list[PeriodRow] = field(default_factory=list)
    issues: list[ImportIssue] = field(default_factory=list)


def read_periods_sheet(file: str, grid: SheetGrid) -> PeriodsRead:
    read = PeriodsRead(grid.name)
    columns: dict[str, int] | None = None
    for number, cells in enumerate(grid.rows):
        if columns is None:
            if number >= 10:
                break
            columns = _header(cells)
            continue
        if all(c in (None, "") for c in cells):
            continue
        _read_row(file, grid.name, number, cells, columns=columns, read=read)
    if columns is None:
        missing = ", ".join(REQUIRED)
        read.issues.append(
            ImportIssue(
                Severity.ERROR,
                file,
                f"has no header row with the columns {missing} in its first ten rows",
                sheet=grid.name,
                code="sheet",
            )
        )
    return read


def _header(cells: list[Raw]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for index, raw in enumerate(cells):
        name = _FOLDED.get(" ".join(text_of(raw).split()).casefold())
        if name and name not in found:
            found[name] = index
    return found if all(r in found for r in REQUIRED) else None


def _read_row(
    file: str,
    sheet: str,
    number: int,
    cells: list[Raw],
    *,
    columns: dict[str, int],
    read: PeriodsRead,
) -> None:
    def cell(name: str) -> Raw:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    def problem(name: str, message: str, expected: str) -> None:
        read.issues.append(
            ImportIssue(
                Severity.ERROR,
                file,
                message,
                sheet=sheet,
                row=number,
                column=columns[name],
                header=name.replace("_", " ").capitalize(),
                value=text_of(cell(name)),
                expected=expected,
                code="cell",
            )
        )

    try:
        value = parse_number(cell("value"))
    except ToBeConfirmed:
        return
    except CellProblem as error:
        problem("value", error.message, error.expected)
        return
    if value is None:
        return
    ref = text_of(cell("indicator")).strip()
    period = " ".join(text_of(cell("period")).split())
    if not ref:
        problem("indicator", "is empty", "the indicator's ref, e.g. 1a")
        return
    if not period:
        problem("period", "is empty", "a reporting period, e.g. 2004/05 or 2004/05 Q2")
        return
    status = text_of(cell("status")).strip().casefold()
    if status not in AUDITED_WORDS | PROVISIONAL_WORDS:
        problem("status", "is not a status", "provisional or audited")
        return
    reported: date | None = None
    raw_date = cell("reported_on")
    if raw_date not in (None, ""):
        try:
            reported = raw_date.date() if isinstance(raw_date, datetime) else parse_date(raw_date)
        except CellProblem as error:
            problem("reported_on", error.message, error.expected)
            return
    note = text_of(cell("note")).strip()
    entry = OutturnEntry(ref, period, value, status in AUDITED_WORDS, note, None, reported)
    read.rows.append(PeriodRow(number, entry, columns["indicator"], columns["period"]))
