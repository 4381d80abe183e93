"""The rows a return could not give, written out to be corrected: each refused row with
its original columns and a Reason column, one sheet per sheet of the return."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook

from lpsa_desktop.importing.cell_numbers import Raw
from lpsa_desktop.importing.errors import ImportRefusedError
from lpsa_desktop.importing.return_model import RejectedRow
from lpsa_desktop.safe_files.atomic import FileWriteError, write_with


def write_rejects(
    path: Path, headers: Mapping[str, Sequence[Raw]], rejected: Sequence[RejectedRow]
) -> int:
    """Write ``rejected`` to ``path``; returns how many rows were written."""
    book = Workbook(write_only=True)
    by_sheet: dict[str, list[RejectedRow]] = {}
    for row in rejected:
        by_sheet.setdefault(row.sheet, []).append(row)
    for sheet_name, rows in by_sheet.items():
        sheet = book.create_sheet(sheet_name[:31])
        header = list(headers.get(sheet_name, ()))
        width = max([len(header), *(len(r.values) for r in rows)])
        sheet.append([*_padded(header, width), "Row in file", "Reason"])
        for row in sorted(rows, key=lambda r: r.row):
            sheet.append([*_padded(row.values, width), row.row + 1, "; ".join(row.reasons)])
    if not by_sheet:
        book.create_sheet("Rejects").append(["No rows were refused."])
    try:
        write_with(path, book.save)
    except FileWriteError as exc:
        raise ImportRefusedError(path.name, f"cannot write the rejects workbook ({exc})") from None
    return len(rejected)


def _padded(values: Sequence[Raw], width: int) -> list[Raw]:
    cells = [None if v == "" else v for v in values]
    return cells + [None] * (width - len(cells))
