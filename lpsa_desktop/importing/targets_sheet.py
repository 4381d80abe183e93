"""The Targets sheet: one row per indicator, read into target and indicator entries.

Rows inherit the target (and council) of the row above when they leave it empty; a row
with a target ref and title but no indicator is a heading for the rows below it. Every
cell that cannot be read is an error on that cell and stops its row, which goes to the
rejects; everything else is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lpsa_desktop.domain.enums import Severity
from lpsa_desktop.importing.cell_numbers import CellProblem, Raw, ToBeConfirmed, text_of
from lpsa_desktop.importing.cell_periods import parse_period
from lpsa_desktop.importing.column_mapping import IGNORE, TARGET_ALIASES, Column
from lpsa_desktop.importing.errors import NoTargetsSheetError
from lpsa_desktop.importing.field_readers import TARGET_SPECS
from lpsa_desktop.importing.issues import ImportIssue
from lpsa_desktop.importing.ref_text import parse_target_ref
from lpsa_desktop.importing.return_model import RejectedRow, TableRead
from lpsa_desktop.importing.table_rows import TableEnd, data_rows, locate_table, sheet_notes
from lpsa_desktop.importing.target_grouping import TargetGrouper
from lpsa_desktop.importing.workbook_reader import SheetGrid

REQUIRED = {"indicator", "target_ref", "target_title", "indicator_ref"}
_PERIOD_FROM_HEADER = {"baseline": "baseline_period", "with": "end_period", "without": "end_period"}
_PERIOD_FROM_HEADER["interim"] = "interim_period"


def looks_like_targets(grid: SheetGrid) -> bool:
    return locate_table(grid, TARGET_ALIASES, REQUIRED, None) is not None


def read_targets_table(
    file: str, grid: SheetGrid, overrides: Mapping[str, str] | None = None
) -> TableRead:
    start = locate_table(grid, TARGET_ALIASES, REQUIRED, overrides)
    if start is None:
        raise NoTargetsSheetError(file, f"sheet {grid.name!r} has no header row of targets")
    mapping = start.mapping
    if not {"target_ref", "indicator_ref"} & mapping.fields:
        raise NoTargetsSheetError(
            file, f"sheet {grid.name!r} has no Target (ref) column, so rows cannot be matched"
        )
    table = TableRead(grid.name, mapping, start.header, grid.column_offset)
    table.has_formats = grid.has_formats
    table.hidden_rows, table.hidden_columns = grid.scan.hidden_rows, grid.scan.hidden_columns
    table.issues += _column_notes(file, grid.name, mapping.columns, mapping.duplicates)
    readers = _RowReader(file, grid, mapping.columns)
    ref_columns = {c.index for c in mapping.columns if c.field in {"target_ref", "indicator_ref"}}
    end = TableEnd()
    grouper = TargetGrouper(file, grid.name, table)
    for row, values in data_rows(grid, start, lambda c, t: c in ref_columns and _is_ref(t), end):
        read = readers.read(row, values)
        if read.errors:
            table.rejected.append(RejectedRow(grid.name, row, values, read.errors))
            continue
        grouper.add(row, values, read)
    grouper.finish()
    table.issues += readers.issues
    table.issues += sheet_notes(file, grid.name, grid, end)
    return table


def _is_ref(text: str) -> bool:
    try:
        parse_target_ref(text)
    except CellProblem:
        return False
    return True


class _Read:
    __slots__ = ("enhancement", "errors", "indicator", "keys", "target")

    def __init__(self) -> None:
        self.keys: dict[str, Any] = {}
        self.target: dict[str, Any] = {}
        self.indicator: dict[str, Any] = {}
        self.enhancement: Any = None
        self.errors: list[str] = []


class _RowReader:
    """Reads the mapped cells of one row; the hot loop of a big import, kept lean."""

    def __init__(self, file: str, grid: SheetGrid, columns: tuple[Column, ...]) -> None:
        self.file, self.sheet, self.offset = file, grid.name, grid.column_offset
        self.percent = grid.scan.percent_cells
        self.errors_by_row: dict[int, dict[int, str]] = {}
        for (r, c), text in grid.scan.error_cells.items():
            self.errors_by_row.setdefault(r, {})[c] = text
        # One tuple per read column, so that the loop over 20 cells x 20,000 rows does no
        # attribute look-ups: (position in the row, column, attribute, level, reader, empty).
        self.plan = [
            (
                c.index - self.offset,
                c,
                spec.attribute,
                _LEVELS[spec.level],
                spec.read,
                _EMPTY.get(spec.attribute),
            )
            for c in columns
            if c.field and c.field != IGNORE
            for spec in (TARGET_SPECS[c.field],)
        ]
        self.fixed: dict[str, Any] = {}
        for column in columns:
            period_field = _PERIOD_FROM_HEADER.get(column.field or "")
            if period_field and column.extra and not any(c.field == period_field for c in columns):
                try:
                    self.fixed[period_field] = parse_period(column.extra)
                except CellProblem:
                    continue
        self.issues: list[ImportIssue] = []

    def read(self, row: int, values: list[Raw]) -> _Read:
        read = _Read()
        indicator, target, keys = read.indicator, read.target, read.keys
        indicator.update(self.fixed)
        percent_columns = self.percent.get(row)
        errors = self.errors_by_row.get(row)
        width = len(values)
        for index, column, attribute, level, reader, empty in self.plan:
            raw = values[index] if index < width else ""
            if errors and column.index in errors:
                self._error(
                    read,
                    (row, column, errors[column.index]),
                    expected="a value, not a formula error",
                    message="is a formula error",
                )
                continue
            if level == _KEY:
                keys[attribute] = raw if raw != "" else None
                continue
            if raw == "":
                value = empty
            else:
                try:
                    value = reader(
                        raw, percent_columns is not None and column.index in percent_columns
                    )
                except CellProblem as problem:
                    self._error(
                        read,
                        (row, column, text_of(raw)),
                        expected=problem.expected,
                        message=problem.message,
                    )
                    continue
                except ToBeConfirmed:
                    value = None
                    self.issues.append(
                        self._issue(
                            Severity.WARNING, (row, column, text_of(raw)), "to be confirmed"
                        )
                    )
            if level == _INDICATOR:
                indicator[attribute] = value
            elif level == _TARGET:
                target[attribute] = value
            else:
                read.enhancement = value
        return read

    def _error(
        self, read: _Read, where: tuple[int, Column, str], *, expected: str, message: str
    ) -> None:
        _row, column, value = where
        issue = self._issue(Severity.ERROR, where, message, expected)
        self.issues.append(issue)
        read.errors.append(
            f"{issue.cell} ({column.header}): {value!r} {message}; expected {expected}"
        )

    def _issue(
        self,
        severity: Severity,
        where: tuple[int, Column, str],
        message: str,
        expected: str | None = None,
    ) -> ImportIssue:
        row, column, value = where
        return ImportIssue(
            severity,
            self.file,
            message,
            sheet=self.sheet,
            row=row,
            column=column.index,
            header=column.header,
            value=value,
            expected=expected,
            code="cell",
        )


_INDICATOR, _TARGET, _KEY, _CHECK = range(4)
_LEVELS = {"indicator": _INDICATOR, "target": _TARGET, "key": _KEY, "check": _CHECK}
_EMPTY: dict[str, Any] = {
    "title": "",
    "notes": "",
    "description": "",
    "definition": "",
    "partners": (),
}


def _column_notes(
    file: str, sheet: str, columns: tuple[Column, ...], duplicates: tuple[Column, ...]
) -> list[ImportIssue]:
    notes = [
        ImportIssue(
            Severity.WARNING,
            file,
            "column not known to LPSA Desk; ignored",
            sheet=sheet,
            column=c.index,
            header=c.header,
            code="unknown_column",
        )
        for c in columns
        if c.field is None
    ]
    notes += [
        ImportIssue(
            Severity.WARNING,
            file,
            f"a second {c.field} column; only the first is read",
            sheet=sheet,
            column=c.index,
            header=c.header,
            code="duplicate_column",
        )
        for c in duplicates
    ]
    return notes
