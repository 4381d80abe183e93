"""A streaming pass over a sheet's XML for what calamine does not tell: cells formatted as
percentages, formula error values (calamine gives them as empty text), and hidden rows and
columns. The grid's extent was checked before (``sheet_extent``), so this pass can run
while calamine loads the sheet on another thread.

The part is decompressed 1 MB at a time and searched with regular expressions; memory
stays at a few MB whatever the sheet's size. Most of the time goes to the percentage
cells, which can be tens of thousands: they are found and converted in bulk, never one
match at a time in Python (see ``_PercentStyles``).
"""

from __future__ import annotations

import re
import zipfile
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain

from lpsa_desktop.importing.issues import column_index
from lpsa_desktop.importing.limits import MAX_COLUMNS
from lpsa_desktop.importing.sheet_extent import CHUNK, tag_boundary

_ERROR_CELL = re.compile(
    rb'<c r="([A-Z]{1,3})(\d+)"(?: s="\d+")? t="e">'
    rb"(?:<f[^>]*/>|<f[^>]*>[^<]*</f>)?<v>([^<]*)</v>"
)
_HIDDEN_ROW = re.compile(rb'<row r="(\d+)"[^>]*? hidden="(?:1|true)"')
_HIDDEN_COLS = re.compile(rb'<col ([^>]*?hidden="(?:1|true)"[^>]*)/?>')
_ATTRIBUTE = re.compile(rb'(\w+)="([^"]*)"')
# Cheap tests of whether a chunk may hold error cells or hidden rows at all (as good as
# never): a byte absent from the chunk (memchr, as 'h' and often 'e' are from cell XML)
# rules them out at once, and a regular-expression search for a literal is about twice
# as fast as ``in`` on cell XML.
_MAY_HOLD_ERRORS = re.compile(rb't="e"')
_MAY_HOLD_HIDDEN = re.compile(rb'hidden="')


@dataclass
class SheetScan:
    percent_cells: dict[int, set[int]] = field(default_factory=dict)
    """row → columns (0-based) whose cells are shown as percentages."""
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_columns: list[int] = field(default_factory=list)


_REF = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')
_WINDOW = 16
"""Bytes kept before each percentage style attribute: ``<c r="`` and the ref and its
closing quote, for refs of up to 9 characters (CV50000 has 6)."""
_WINDOW_REF = re.compile(rb'<c r="([A-Z]{1,3}\d+)"\x00')
_DIGITS = b"0123456789"
_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class _PercentStyles:
    """Finds the cells shown as percentages: those whose style attribute is one of the
    percentage styles.

    Every writer (Excel, LibreOffice, openpyxl, XlsxWriter) puts the style right after the
    ref: ``<c r="B12" s="7"``. So one search for the style attribute also captures, with
    a fixed-width look-behind, the 16 bytes before each one (a search that starts at the
    style attribute is several times faster than one that starts at every cell); the refs
    are then read from those windows with one more search, split into letters and digits
    with two ``translate``, and converted with ``map``. Where a chunk holds a percentage
    style attribute not right after its cell's ref (another attribute order, a
    ref of more than 9 characters, an attribute in a comment), the count of refs read is
    short of the count of attributes found, and that chunk is read one attribute at a
    time instead (``_percent_cells_one_by_one``), which looks for the ref anywhere in the
    tag. The results are the same either way; only the time differs.
    """

    def __init__(self, percent_styles: frozenset[int]) -> None:
        ids = [str(i).encode() for i in sorted(percent_styles)]
        self.attribute = re.compile(rb' s="(?:' + b"|".join(ids) + rb')"')
        # One branch per length of style id, each with its own window group (a look-behind
        # has a fixed width): a group is empty when its branch did not match, or when the
        # attribute has fewer than 16 bytes before it.
        branches = []
        for size in sorted({len(i) for i in ids}):
            same = b"|".join(re.escape(i) for i in ids if len(i) == size)
            behind = rb"(?:(?<=(.{%d}).{%d}))?" % (_WINDOW, size + 5)
            branches.append(rb' s="(?:' + same + rb')"' + behind)
        self.groups = len(branches)
        self.windows = re.compile(b"|".join(branches), re.DOTALL)
        self.columns: dict[bytes, int] = {}
        """Column letters → 0-based index: a sheet has few distinct ones."""

    def find(self, buffer: bytes, end: int, cells: dict[int, set[int]]) -> None:
        # An attribute in the first 16 bytes has no whole window: it is read on its own (a
        # chunk often starts with a cell tag, carried from the last one).
        _percent_cells_one_by_one(self.attribute, buffer, end, cells, starting_before=_WINDOW)
        found = self.windows.findall(buffer, _WINDOW, end)  # the look-behind sees bytes 0-15
        if not found:
            return
        windows: Iterable[bytes] = found if self.groups == 1 else chain.from_iterable(found)
        refs = _WINDOW_REF.findall(b"\x00".join(windows) + b"\x00")
        # A NUL byte (never in XML) could make a window look like another's end.
        if len(refs) != len(found) or b"\x00" in buffer:
            _percent_cells_one_by_one(self.attribute, buffer, end, cells)
            return
        text = b" ".join(refs)
        letters = text.translate(None, _DIGITS).split()
        numbers = text.translate(None, _LETTERS).split()
        columns = self.columns
        for name in set(letters).difference(columns):
            columns[name] = column_index(name.decode())
        # Grouped by row number as written (C-level loops), then one step per row.
        by_row: defaultdict[bytes, set[int]] = defaultdict(set)
        deque(map(set.add, map(by_row.__getitem__, numbers), map(columns.__getitem__, letters)), 0)
        get = cells.get
        for number, shown in by_row.items():
            row = int(number) - 1
            known = get(row)
            if known is None:
                cells[row] = shown
            else:
                known |= shown


def scan_sheet(
    file: str, sheet: str, archive: zipfile.ZipFile, part: str, percent_styles: frozenset[int]
) -> SheetScan:
    """What calamine does not tell about the sheet (``file`` and ``sheet`` are for messages
    of the callers; the part's extent must have been checked already)."""
    styles = _PercentStyles(percent_styles) if percent_styles else None
    scan = SheetScan()
    carry = b""
    first = True
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK):
            buffer = carry + chunk
            if first:
                scan.hidden_columns = _hidden_columns(buffer)
                first = False
            cut = tag_boundary(buffer)
            if styles is not None:
                styles.find(buffer, cut, scan.percent_cells)
            # Error cells and hidden rows are rare: look for them only where they may be.
            if b"e" in buffer and _MAY_HOLD_ERRORS.search(buffer):
                _error_cells(buffer, cut, scan)
            if b"h" in buffer and _MAY_HOLD_HIDDEN.search(buffer):
                scan.hidden_rows.extend(int(m[1]) - 1 for m in _HIDDEN_ROW.finditer(buffer, 0, cut))
            carry = buffer[cut:]
    if carry:
        if styles is not None:
            styles.find(carry, len(carry), scan.percent_cells)
        _error_cells(carry, len(carry), scan)
    return scan


def _error_cells(buffer: bytes, end: int, scan: SheetScan) -> None:
    for match in _ERROR_CELL.finditer(buffer, 0, end):
        row, col = int(match[2]) - 1, column_index(match[1].decode())
        scan.error_cells[(row, col)] = match[3].decode()


def _percent_cells_one_by_one(
    attribute: re.Pattern[bytes],
    buffer: bytes,
    end: int,
    cells: dict[int, set[int]],
    starting_before: int | None = None,
) -> None:
    """Each percentage style attribute (that starts before ``starting_before``, if given),
    back to the start of its cell's tag, then the tag's ref, wherever it is among the
    attributes (``<c s="7" r="B3">`` too)."""
    for match in attribute.finditer(buffer, 0, end):
        if starting_before is not None and match.start() >= starting_before:
            break
        start = buffer.rfind(b"<c ", 0, match.start() + 1)  # its space may be the attribute's
        # The attribute must belong to that cell's own tag (no '>' in between).
        if start < 0 or buffer.find(b">", start, match.start()) >= 0:
            continue
        close = buffer.find(b">", match.end())
        ref = _REF.search(buffer, start + 2, close if close >= 0 else len(buffer))
        if ref is not None:
            cells.setdefault(int(ref[2]) - 1, set()).add(column_index(ref[1].decode()))


def _hidden_columns(buffer: bytes) -> list[int]:
    end = buffer.find(b"</cols>")
    if end < 0:
        return []
    hidden: list[int] = []
    for match in _HIDDEN_COLS.finditer(buffer, 0, end):
        attributes = dict(_ATTRIBUTE.findall(match[1]))
        first, last = int(attributes.get(b"min", b"1")), int(attributes.get(b"max", b"1"))
        hidden.extend(range(first - 1, min(last, MAX_COLUMNS)))
    return hidden
