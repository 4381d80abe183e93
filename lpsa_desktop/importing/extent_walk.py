"""The exact extent check, for the rare sheet whose cells are not all written plainly as
``<c r="B12"`` (cells without refs, a namespace prefix, single quotes, lower case …).

The sheet's XML is parsed with expat, 1 MB at a time, with no tree kept and no document
type allowed, and each cell holding a value is placed the way calamine places it
(cells_reader.rs): by its ``r`` however written; without one, after the cell before it in
the row, on the row its ``<row r>`` names or the one after the row before. Where the two
could differ, both places are checked. Speed hardly matters here; being exact does.
"""

from __future__ import annotations

import re
import zipfile
from xml.parsers import expat

from lpsa_desktop.importing.errors import DamagedWorkbookError, UnsafeWorkbookError
from lpsa_desktop.importing.issues import column_letters
from lpsa_desktop.importing.limits import MAX_COLUMNS, MAX_ROWS

_CHUNK = 1 << 20
_REF = re.compile(r"([A-Za-z]*)([0-9]+)")


class _Beyond(Exception):
    def __init__(self, where: str) -> None:
        super().__init__(where)
        self.where = where


class _Doctype(Exception):
    pass


def walk_extent(file: str, sheet: str, archive: zipfile.ZipFile, part: str) -> None:
    walker = _Walker()
    parser = expat.ParserCreate()
    parser.StartElementHandler = walker.start
    parser.EndElementHandler = walker.end
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Beyond as beyond:
        raise UnsafeWorkbookError(
            file,
            f"{sheet}: {beyond.where} holds values beyond the {MAX_ROWS:,} rows × "
            f"{MAX_COLUMNS} columns (A–{column_letters(MAX_COLUMNS - 1)}) LPSA Desk reads: "
            "refused before loading, as it would need too much memory",
        ) from None
    except _Doctype:
        raise UnsafeWorkbookError(
            file,
            f"sheet {sheet!r} declares XML entities (a document type), which no workbook "
            "needs: refused as unsafe, nothing was expanded or fetched",
        ) from None
    except expat.ExpatError as exc:
        raise DamagedWorkbookError(file, f"sheet {sheet!r} is damaged ({exc})") from None


def _refuse_doctype(*_args: object) -> None:
    raise _Doctype


class _Walker:
    """calamine's row and column counters, and the cell being read."""

    def __init__(self) -> None:
        self.row = 0
        self.column = 0
        self.cell: tuple[str, list[tuple[int, int]]] | None = None
        """The open cell: its ref as written and the places it may take."""

    def start(self, name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(":")[2]
        if self.cell is not None:
            self._check(*self.cell)  # the cell has content: a value or a formula
            self.cell = None
        elif local == "row":
            row, _ = _place(attributes.get("r", ""))
            if row is not None:
                self.row = row
        elif local == "c":
            ref = attributes.get("r")
            places = [(self.row, self.column)]
            if ref is not None:
                row, column = _place(ref)
                if row is not None and column is not None:
                    places.append((row, column))
                    self.column = column
            self.cell = (ref or "", places)
            self.column += 1

    def end(self, name: str) -> None:
        local = name.rpartition(":")[2]
        if local == "c":
            self.cell = None
        elif local == "row":
            self.row += 1
            self.column = 0

    def _check(self, ref: str, places: list[tuple[int, int]]) -> None:
        for row, column in places:
            if row >= MAX_ROWS:
                raise _Beyond(f"cell {ref}" if ref else f"row {MAX_ROWS + 1:,} or beyond")
            if column >= MAX_COLUMNS:
                column_name = column_letters(MAX_COLUMNS)
                raise _Beyond(f"cell {ref}" if ref else f"column {column_name} or beyond")


def _place(ref: str) -> tuple[int | None, int | None]:
    """(row, column), 0-based, of a ref as calamine reads it; None where it has none."""
    match = _REF.fullmatch(ref)
    if match is None or int(match[2]) == 0:
        return None, None
    column = 0
    for letter in match[1].upper():
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(match[2]) - 1, (column - 1 if column else None)
