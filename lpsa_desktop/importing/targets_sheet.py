"""The Targets sheet: one row per indicator, read into target and indicator entries.

Rows inherit the target (and council) of the row above when they leave it empty; a row
with a target ref and title but no indicator is a heading for the rows below it. Every
cell that cannot be read is an error on that cell and stops its row, which goes to the
rejects; everything else is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import islice
from typing import Any

from lpsa_desktop.domain.enums import Severity
from lpsa_desktop.importing.cell_numbers import CellProblem
from lpsa_desktop.importing.cell_periods import parse_period
from lpsa_desktop.importing.column_mapping import IGNORE, TARGET_ALIASES, Column
from lpsa_desktop.importing.column_reader import ColumnPlan, ColumnReader
from lpsa_desktop.importing.errors import NoTargetsSheetError
from lpsa_desktop.importing.field_readers import TARGET_SPECS
from lpsa_desktop.importing.issues import ImportIssue
from lpsa_desktop.importing.ref_text import parse_target_ref
from lpsa_desktop.importing.return_model import RejectedRow, TableRead
from lpsa_desktop.importing.table_rows import TableEnd, data_rows, locate_table, sheet_notes
from lpsa_desktop.importing.target_grouping import TargetGrouper
from lpsa_desktop.importing.workbook_reader import SheetGrid
from lpsa_desktop.progress import Progress, ProgressCallback, ignore_progress

REQUIRED = {"indicator", "target_ref", "target_title", "indicator_ref"}
_PERIOD_FROM_HEADER = {"baseline": "baseline_period", "with": "end_period", "without": "end_period"}
_PERIOD_FROM_HEADER["interim"] = "interim_period"
BATCH_ROWS = 2048


def looks_like_targets(grid: SheetGrid) -> bool:
    return locate_table(grid, TARGET_ALIASES, REQUIRED, None) is not None


def read_targets_table(
    file: str,
    grid: SheetGrid,
    overrides: Mapping[str, str] | None = None,
    progress: ProgressCallback = ignore_progress,
) -> TableRead:
    """The sheet's rows as targets; ``progress`` hears the rows read of the sheet's rows
    after each batch."""
    start = locate_table(grid, TARGET_ALIASES, REQUIRED, overrides)
    if start is None:
        raise NoTargetsSheetError(file, f"sheet {grid.name!r} has no header row of targets")
    mapping = start.mapping
    if not {"target_ref", "indicator_ref"} & mapping.fields:
        raise NoTargetsSheetError(
            file, f"sheet {grid.name!r} has no Target (ref) column, so rows cannot be matched"
        )
    table = TableRead(grid.name, mapping, start.header)
    table.has_formats = grid.has_formats
    table.hidden_rows, table.hidden_columns = grid.scan.hidden_rows, grid.scan.hidden_columns
    table.issues += _column_notes(file, grid.name, mapping.columns, mapping.duplicates)
    ref_columns = {c.index for c in mapping.columns if c.field in {"target_ref", "indicator_ref"}}
    end = TableEnd()
    rows = data_rows(grid, start, lambda c, t: c in ref_columns and _is_ref(t), end)
    plans = [
        ColumnPlan(c, TARGET_SPECS[c.field])
        for c in mapping.columns
        if c.field and c.field != IGNORE
    ]
    reader = ColumnReader(file, grid.name, grid.scan, plans)
    fixed = _periods_from_headers(mapping.columns)
    grouper: TargetGrouper | None = None
    # A batch at a time: a big sheet's first rows are read while calamine still parses
    # its last ones (``sheet_pieces``), and the columns of only one batch are in memory.
    while batch := list(islice(rows, BATCH_ROWS)):
        _report_rows(progress, file, batch[-1][0] + 1, grid.row_count)
        read = reader.read(batch, fixed)
        if grouper is None:
            grouper = TargetGrouper(file, grid.name, table, read.key_names, read.target_names)
        for n, (row, values) in enumerate(batch):
            if n in read.errors:
                table.rejected.append(RejectedRow(grid.name, row, values, read.errors[n]))
                continue
            grouper.add(row, values, read, n)
    if grouper is not None:
        grouper.finish()
    if grid.row_count is not None:
        _report_rows(progress, file, grid.row_count, grid.row_count)
    table.issues += reader.issues
    table.issues += sheet_notes(file, grid.name, grid, end)
    return table


def _report_rows(progress: ProgressCallback, file: str, done: int, total: int | None) -> None:
    total = None if total is None else max(total, done)  # a dimension may undercount
    of = f" of {total:,}" if total is not None else ""
    progress(Progress("reading", done, total, f"Reading {file}: row {done:,}{of}"))


def _periods_from_headers(columns: tuple[Column, ...]) -> dict[str, Any]:
    """'Baseline (2003/04)' gives every row its baseline period when no column does."""
    fixed: dict[str, Any] = {}
    fields = {c.field for c in columns}
    for column in columns:
        period_field = _PERIOD_FROM_HEADER.get(column.field or "")
        if period_field and column.extra and period_field not in fields:
            try:
                fixed[period_field] = parse_period(column.extra)
            except CellProblem:
                continue
    return fixed


def _is_ref(text: str) -> bool:
    try:
        parse_target_ref(text)
    except CellProblem:
        return False
    return True


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
