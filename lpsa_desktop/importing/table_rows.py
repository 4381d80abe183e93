"""Walking a table's rows: find the header, fill merged cells down, skip blank rows, and
stop at the footnotes below the table. Shared by the targets and freedoms sheets."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain, islice

from lpsa_desktop.domain.enums import Severity
from lpsa_desktop.importing.cell_numbers import Raw, text_of
from lpsa_desktop.importing.column_mapping import (
    ColumnMapping,
    find_header_row,
    fold_header,
    map_columns,
)
from lpsa_desktop.importing.issues import ImportIssue, column_letters
from lpsa_desktop.importing.limits import HEADER_SEARCH_ROWS
from lpsa_desktop.importing.workbook_reader import SheetGrid


@dataclass
class TableStart:
    mapping: ColumnMapping
    header: list[Raw]
    head_rows: list[list[Raw]]


def locate_table(
    grid: SheetGrid,
    aliases: Mapping[str, str],
    required: set[str],
    overrides: Mapping[str, str] | None,
) -> TableStart | None:
    """Read the first rows and find the header row; None when there is none."""
    head_rows = grid.peek(HEADER_SEARCH_ROWS)
    index = find_header_row(head_rows, aliases, required=required)
    if index is None and overrides:
        index = find_header_row(head_rows, {**aliases, **_folded(overrides)}, required=required)
    if index is None:
        return None
    header = head_rows[index]
    mapping = map_columns(header, index, aliases, overrides=overrides)
    return TableStart(mapping, header, head_rows)


def _folded(overrides: Mapping[str, str]) -> dict[str, str]:
    return {fold_header(k)[0]: v for k, v in overrides.items()}


@dataclass
class TableEnd:
    """Where the table stopped and what lay below it (reported, never silently lost)."""

    row: int | None = None
    ignored: list[tuple[int, str]] = field(default_factory=list)
    data_below: list[int] = field(default_factory=list)


def data_rows(
    grid: SheetGrid,
    start: TableStart,
    is_ref: Callable[[int, str], bool],
    end: TableEnd,
) -> Iterator[tuple[int, list[Raw]]]:
    """(row, values) for every row of the table below the header. A row holding only text
    in one cell, unless ``is_ref(column, text)`` says it is a ref, ends the table: it and
    the rows after it are recorded in ``end`` instead."""
    header_row = start.mapping.header_row
    fills = _MergeFills(grid, header_row)
    rows = enumerate(start.head_rows[header_row + 1 :], start=header_row + 1)
    skipped = len(start.head_rows)
    following = enumerate(islice(grid.rows, skipped, None), start=skipped)
    for index, values in chain(rows, following):
        if fills.active:
            fills.apply(index, values)
        filled = len(values) - values.count("")
        if filled == 0:
            continue
        if end.row is not None:
            if filled > 1:
                end.data_below.append(index)
            else:
                end.ignored.append((index, _only_text(values)))
            continue
        if filled == 1:
            column = next(i for i, v in enumerate(values) if v != "")
            text = values[column]
            if isinstance(text, str) and not is_ref(column, text):
                end.row = index
                end.ignored.append((index, text.strip()))
                continue
        yield index, values


def _only_text(values: list[Raw]) -> str:
    return next((text_of(v).strip() for v in values if v != ""), "")


class _MergeFills:
    """Merged cells below the header: the top-left value applies to every cell of the range."""

    def __init__(self, grid: SheetGrid, header_row: int) -> None:
        self._ranges = sorted(
            m for m in grid.merged if m[0][0] > header_row or m[1][0] > header_row
        )
        self._pending: dict[int, list[tuple[int, int, Raw]]] = {}
        self._percent = grid.scan.percent_cells
        self.active = bool(self._ranges)

    def apply(self, row: int, values: list[Raw]) -> None:
        for (r0, c0), (r1, c1) in self._ranges:
            if r0 == row and c0 < len(values):
                value = values[c0]
                for r in range(r0, r1 + 1):
                    self._pending.setdefault(r, []).append((c0, c1, value))
                if c0 in self._percent.get(r0, set()):
                    for r in range(r0, r1 + 1):
                        self._percent.setdefault(r, set()).update(range(c0, c1 + 1))
        for c0, c1, value in self._pending.pop(row, ()):
            for c in range(c0, c1 + 1):
                while len(values) <= c:
                    values.append("")
                values[c] = value


def sheet_notes(file: str, sheet: str, grid: SheetGrid, end: TableEnd) -> list[ImportIssue]:
    """Warnings about hidden rows and columns and about what lay below the table."""
    notes: list[ImportIssue] = []
    scan = grid.scan
    if scan.hidden_rows:
        rows = ", ".join(str(r + 1) for r in scan.hidden_rows[:20])
        more = "…" if len(scan.hidden_rows) > 20 else ""
        notes.append(_warning(file, sheet, f"hidden rows {rows}{more} were read like visible ones"))
    if scan.hidden_columns:
        cols = ", ".join(column_letters(c) for c in scan.hidden_columns[:20])
        notes.append(_warning(file, sheet, f"hidden columns {cols} were read like visible ones"))
    if end.row is not None:
        texts = "; ".join(repr(t[:60]) for _, t in end.ignored[:5])
        notes.append(
            ImportIssue(
                Severity.WARNING,
                file,
                f"the table ends at row {end.row + 1}; {len(end.ignored)} row(s) below it "
                f"were ignored as notes: {texts}",
                sheet=sheet,
                row=end.row,
                code="footnotes_ignored",
            )
        )
    for row in end.data_below[:20]:
        notes.append(
            ImportIssue(
                Severity.WARNING,
                file,
                f"this row is below the end of the table (row {(end.row or 0) + 1}) and was not "
                "read; remove the note above it if it belongs to the table",
                sheet=sheet,
                row=row,
                code="data_below_table",
            )
        )
    return notes


def _warning(file: str, sheet: str, message: str) -> ImportIssue:
    return ImportIssue(Severity.WARNING, file, message, sheet=sheet, code="hidden")
