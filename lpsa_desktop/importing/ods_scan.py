"""The OpenDocument counterpart of ``sheet_scan``: one streaming pass over content.xml
(parsed with defusedxml) for each table's extent, percentage cells, error cells and hidden
rows and columns. ODS compresses runs of cells with "repeated" counts, so a few bytes can
stand for a billion cells; the extent is checked on the counts before calamine expands
them."""

from __future__ import annotations

import zipfile
from xml.etree.ElementTree import Element

from defusedxml.common import DefusedXmlException
from defusedxml.ElementTree import iterparse

from lpsa_desktop.importing.errors import DamagedWorkbookError, UnsafeWorkbookError
from lpsa_desktop.importing.limits import MAX_COLUMNS, MAX_ROWS
from lpsa_desktop.importing.sheet_scan import SheetScan

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_HIDDEN = {"collapse", "filter"}


def scan_ods(file: str, archive: zipfile.ZipFile) -> dict[str, SheetScan]:
    """Table name → what calamine does not tell about it."""
    scans: dict[str, SheetScan] = {}
    scan = SheetScan()
    name, row, col, repeat_row = "", 0, 0, 1
    try:
        with archive.open("content.xml") as stream:
            for event, element in iterparse(stream, events=("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag == f"{_TABLE}table":
                        name, row, col, scan = element.get(f"{_TABLE}name", ""), 0, 0, SheetScan()
                        scans[name] = scan
                    elif tag == f"{_TABLE}table-column":
                        repeat = int(element.get(f"{_TABLE}number-columns-repeated", "1"))
                        if element.get(f"{_TABLE}visibility") in _HIDDEN:
                            scan.hidden_columns.extend(range(col, min(col + repeat, MAX_COLUMNS)))
                        col += repeat
                    elif tag == f"{_TABLE}table-row":
                        repeat_row = int(element.get(f"{_TABLE}number-rows-repeated", "1"))
                        if element.get(f"{_TABLE}visibility") in _HIDDEN:
                            scan.hidden_rows.extend(range(row, min(row + repeat_row, MAX_ROWS)))
                        col = 0
                    continue
                if tag == f"{_TABLE}table-row":
                    row += repeat_row
                    element.clear()
                elif tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                    repeat = int(element.get(f"{_TABLE}number-columns-repeated", "1"))
                    if _holds_value(element):
                        place = (row, col, repeat_row, repeat)
                        _check_extent(file, name, place)
                        _note_cell(scan, element, place)
                    col += repeat
                    element.clear()
    except DefusedXmlException:
        raise UnsafeWorkbookError(
            file, "content.xml declares XML entities, which no workbook needs: refused"
        ) from None
    except SyntaxError as exc:  # ElementTree's ParseError
        raise DamagedWorkbookError(file, f"has damaged content ({exc})") from None
    return scans


def _holds_value(element: Element) -> bool:
    return bool(element.get(f"{_OFFICE}value-type") or len(element))


def _check_extent(file: str, sheet: str, place: tuple[int, int, int, int]) -> None:
    """``place``: first row, first column, and how many rows and columns it repeats over."""
    row, col, rows, cols = place
    if row + rows > MAX_ROWS or col + cols > MAX_COLUMNS:
        raise UnsafeWorkbookError(
            file,
            f"{sheet}: values reach row {row + rows:,}, column {col + cols:,}: beyond the "
            f"{MAX_ROWS:,} rows × {MAX_COLUMNS} columns LPSA Desk reads; refused before "
            "loading, as it would need too much memory",
        )


def _note_cell(scan: SheetScan, element: Element, place: tuple[int, int, int, int]) -> None:
    row, col, rows, cols = place
    kind = element.get(f"{_OFFICE}value-type")
    if element.get(f"{_CALCEXT}value-type") == "error":
        text = "".join(element.itertext()).strip()
        for r in range(row, row + rows):
            for c in range(col, col + cols):
                scan.error_cells[(r, c)] = text or "#ERROR"
    elif kind == "percentage":
        for r in range(row, row + rows):
            scan.percent_cells.setdefault(r, set()).update(range(col, col + cols))
