"""The Freedoms sheet: one row per request for a freedom or flexibility."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lpsa_desktop.domain.enums import Severity
from lpsa_desktop.importing.cell_numbers import CellProblem, ToBeConfirmed, text_of
from lpsa_desktop.importing.column_mapping import FREEDOM_ALIASES, IGNORE
from lpsa_desktop.importing.field_readers import FREEDOM_SPECS
from lpsa_desktop.importing.issues import ImportIssue
from lpsa_desktop.importing.return_model import FreedomEntry, RejectedRow, TableRead
from lpsa_desktop.importing.table_rows import TableEnd, data_rows, locate_table, sheet_notes
from lpsa_desktop.importing.workbook_reader import SheetGrid

REQUIRED = {"description", "ref"}


def looks_like_freedoms(grid: SheetGrid) -> bool:
    start = locate_table(grid, FREEDOM_ALIASES, REQUIRED, None)
    return start is not None and "description" in start.mapping.fields


def read_freedoms_table(
    file: str, grid: SheetGrid, overrides: Mapping[str, str] | None = None
) -> TableRead | None:
    start = locate_table(grid, FREEDOM_ALIASES, REQUIRED, overrides)
    if start is None:
        return None
    table = TableRead(grid.name, start.mapping, start.header)
    columns = [c for c in start.mapping.columns if c.field and c.field != IGNORE]
    ref_columns = {c.index for c in columns if c.field == "ref"}
    seen: dict[tuple[str | None, str], int] = {}
    council: str | None = None
    end = TableEnd()
    for row, values in data_rows(grid, start, lambda c, t: c in ref_columns and len(t) <= 6, end):
        read: dict[str, Any] = {}
        errors: list[str] = []
        for column in columns:
            spec = FREEDOM_SPECS[column.field or ""]
            index = column.index
            raw = values[index] if index < len(values) else ""
            try:
                read[spec.attribute] = spec.read(raw, False) if raw != "" else None
            except ToBeConfirmed:
                read[spec.attribute] = None
            except CellProblem as problem:
                issue = ImportIssue(
                    Severity.ERROR,
                    file,
                    problem.message,
                    sheet=grid.name,
                    row=row,
                    column=column.index,
                    header=column.header,
                    value=text_of(raw),
                    expected=problem.expected,
                    code="cell",
                )
                table.issues.append(issue)
                errors.append(f"{issue.cell} ({column.header}): {text_of(raw)!r} {problem.message}")
        council = read.pop("council", None) or council
        ref = (read.pop("ref", None) or f"F{len(table.freedoms) + len(table.rejected) + 1}").strip()
        if (council, ref) in seen:
            reason = f"freedom {ref} is already on row {seen[(council, ref)] + 1}: duplicate ref"
            errors.append(reason)
            table.issues.append(
                ImportIssue(Severity.ERROR, file, reason, sheet=grid.name, row=row, code="row")
            )
        if errors:
            table.rejected.append(RejectedRow(grid.name, row, values, errors))
            continue
        seen[(council, ref)] = row
        # As on the Targets sheet: an empty cell clears its text; statuses keep theirs.
        values_given = {
            k: (() if k == "targets" else "") if v is None else v
            for k, v in read.items()
            if v is not None or k not in {"status", "delivery"}
        }
        table.freedoms.append(FreedomEntry(row, ref, council, values_given))
    table.issues += sheet_notes(file, grid.name, grid, end)
    return table
