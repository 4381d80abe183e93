"""A big sheet given to calamine in pieces, so that reading it overlaps with the rest.

calamine reads a whole sheet before it returns a row, and the importer's own work on the
rows (reading, grouping, checking) waits for it. Cut into pieces of whole rows, each piece
a small workbook of its own (the sheet's head, some of its rows, and the parts calamine
needs: workbook, relationships, shared strings, styles), the sheet is parsed one piece at
a time on a helper thread (calamine frees the GIL while it parses) while this thread
proves the next piece's extent, scans the sheet for formats and reads the rows of the
pieces already parsed.

What calamine sees is exactly what was proven: each piece is built from the segments
``sheet_extent.proven_segments`` has just checked, and only then handed over. calamine
places cells by their refs, so each piece's rows keep their places in the sheet. Merged
ranges are listed after the rows, which no piece holds: they are read here, the way
calamine reads them.

Memory: at most ``IN_FLIGHT_BYTES`` of pieces wait for the helper at once; a parsed piece
keeps only calamine's grid of its rows, as the whole sheet would.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import cast

from python_calamine import CalamineSheet, CalamineWorkbook

from lpsa_desktop.importing.cell_numbers import Raw
from lpsa_desktop.importing.issues import column_index
from lpsa_desktop.importing.sheet_extent import proven_segments

Merge = tuple[tuple[int, int], tuple[int, int]]

PIECE_BYTES = 4 * 1024 * 1024
"""A piece's rows, in bytes of XML (about 6,500 rows of 20 columns as Excel writes them)."""
MAX_PIECES = 8
"""Each piece makes calamine read the shared strings again: a huge sheet gets bigger
pieces rather than more of them."""
IN_FLIGHT_BYTES = 64 * 1024 * 1024
"""Pieces built and not yet parsed, at most: past it, the cutting waits for the helper."""

_SHEET_DATA = re.compile(rb"<sheetData(?:\s[^>]*)?>")
_SHEET_DATA_END = b"</sheetData>"
_ROW = b"<row "
_ROOT = re.compile(rb"<([\w:.-]+)[\s>]")
_MERGE_CELL = re.compile(rb'<mergeCell\s[^>]*?\bref="([^"]*)"')
_CELL_REF = re.compile(r"([A-Z]{1,3})([1-9]\d{0,6})")
_NOT_NEEDED = ("xl/worksheets/", "xl/chartsheets/", "xl/drawings/", "xl/media/", "xl/charts/")
"""Parts a piece leaves out: the other sheets and what only they show."""


class NotSplittable(Exception):
    """The sheet has no row data to cut (or no plain layout): it is read whole."""


@dataclass
class PiecedSheet:
    pieces: list[Future[CalamineSheet]]
    merged: list[Merge]


def piece_bytes(part_size: int) -> int:
    return max(PIECE_BYTES, part_size // MAX_PIECES + 1)


class PieceMaker:
    """Cuts one sheet's proven XML into pieces and hands each to ``submit``."""

    def __init__(
        self,
        archive: zipfile.ZipFile,
        part: str,
        submit: Callable[[io.BytesIO], Future[CalamineSheet]],
        size: int,
    ) -> None:
        self._archive, self._part, self._submit, self._size = archive, part, submit, size
        self._common: list[tuple[str, bytes]] | None = None
        self.futures: list[Future[CalamineSheet]] = []
        self._sizes: list[int] = []

    def split(self, file: str, sheet: str) -> PiecedSheet:
        """Raises Unproven (the sheet must be walked) or NotSplittable (read it whole);
        either way the caller ``abandon``s the pieces already handed over."""
        head: bytes | None = None
        before = b""  # the XML before the rows, until their start is found
        closing = b""
        rows: list[bytes] = []  # proven segments of the next piece (each ends between tags)
        held = 0
        tail: list[bytes] | None = None
        for proven in proven_segments(file, sheet, self._archive, self._part):
            if tail is not None:
                tail.append(proven)
                continue
            segment = proven
            if head is None:
                before += segment
                found = _SHEET_DATA.search(before)
                if found is None:
                    if _SHEET_DATA_END in before or b"<sheetData/>" in before:
                        raise NotSplittable
                    continue
                head, segment = before[: found.end()], before[found.end() :]
                closing = b"</sheetData></" + _root(head) + b">"
            end = segment.find(_SHEET_DATA_END)
            if end >= 0:  # the last rows; what follows them is kept for its merged ranges
                segment, tail = segment[:end], [segment[end:]]
            rows.append(segment)
            held += len(segment)
            while held >= self._size:  # a piece ends where a row starts, near its size
                last = rows[-1]
                limit = max(len(last) - (held - self._size), 0)  # where it reaches the size
                cut = last.rfind(_ROW, 0, limit + len(_ROW))  # the last row before that
                if cut < 0 or (cut == 0 and len(rows) == 1):
                    cut = last.find(_ROW, max(limit, 1))  # or the first one after it
                if cut < 0:
                    break  # no row starts here: the piece goes on
                rows[-1] = last[:cut]
                self._piece(head, rows, closing)
                rows, held = [last[cut:]], len(last) - cut
            if tail is not None:
                self._piece(head, rows, closing)
        if head is None or tail is None:
            raise NotSplittable
        return PiecedSheet(self.futures, merged_ranges(b"".join(tail)))

    def _piece(self, head: bytes, rows: list[bytes], closing: bytes) -> None:
        if not any(_ROW in segment for segment in rows):
            return  # (``in`` finds a row at once: a segment of rows starts with one)
        data = io.BytesIO()
        with zipfile.ZipFile(data, "w", zipfile.ZIP_STORED) as piece:
            for name, content in self._common_parts():
                piece.writestr(name, content)
            with piece.open(self._part, "w") as sheet:
                sheet.write(head)
                for segment in rows:
                    sheet.write(segment)
                sheet.write(closing)
        size = data.tell()
        data.seek(0)
        self._wait_for_room(size)
        self.futures.append(self._submit(data))
        self._sizes.append(size)

    def abandon(self) -> None:
        """The sheet is read another way: the pieces handed over are dropped, and the one
        being parsed is waited for, so none is left running."""
        for future in self.futures:
            future.cancel()
        for future in self.futures:
            if not future.cancelled():
                future.exception()

    def _wait_for_room(self, size: int) -> None:
        """Memory stays bounded however big the sheet: wait while the helper is behind."""
        for future in self.futures:  # oldest first
            if self._pending() + size <= IN_FLIGHT_BYTES:
                return
            future.exception()  # waits for it to be parsed (at once if it has been)

    def _pending(self) -> int:
        return sum(n for f, n in zip(self.futures, self._sizes, strict=True) if not f.done())

    def _common_parts(self) -> list[tuple[str, bytes]]:
        if self._common is None:
            self._common = [
                (info.filename, self._archive.read(info))
                for info in self._archive.infolist()
                if info.filename != self._part and not info.filename.startswith(_NOT_NEEDED)
            ]
        return self._common


def parse_piece(data: io.BytesIO, sheet: str) -> CalamineSheet:
    """Run on the helper thread: one piece read by calamine."""
    book = CalamineWorkbook.from_filelike(data)
    try:
        return book.get_sheet_by_name(sheet)
    finally:
        book.close()


def piece_rows(
    pieces: list[Future[CalamineSheet]], result: Callable[[Future[CalamineSheet]], CalamineSheet]
) -> Iterator[list[Raw]]:
    """Every row of the sheet from row 1 (rows no piece holds are empty), each list from
    column A, as the pieces are parsed. ``result`` waits for a piece and names its errors."""
    next_row = 0
    for future in pieces:
        sheet = result(future)
        start = sheet.start
        if start is None:
            continue  # a piece of empty (formatted) rows only
        first_row, first_column = start
        for _ in range(next_row, first_row):
            yield []
        rows = cast(list[list[Raw]], sheet.to_python())  # from its first row and column
        if first_column:
            pad: list[Raw] = [""] * first_column
            rows = [pad + row for row in rows]
        yield from rows
        next_row = first_row + len(rows)


def merged_ranges(tail: bytes) -> list[Merge]:
    """The merged ranges listed after the rows, as calamine gives them (0-based)."""
    ranges: list[Merge] = []
    for match in _MERGE_CELL.finditer(tail):
        corners = [_cell(text) for text in match[1].decode("ascii", "replace").split(":")]
        if len(corners) == 1:
            corners *= 2  # one cell: a range of itself
        if len(corners) != 2:
            raise NotSplittable  # calamine refuses such a sheet: read it whole to say so
        ranges.append((corners[0], corners[1]))
    return ranges


def _cell(text: str) -> tuple[int, int]:
    found = _CELL_REF.fullmatch(text)
    if found is None:
        raise NotSplittable
    return int(found[2]) - 1, column_index(found[1])


def _root(head: bytes) -> bytes:
    """The name of the sheet's root element (after the XML declaration and comments)."""
    found = _ROOT.search(head)
    if found is None:
        raise NotSplittable
    return found[1]


SWITCH_INTERVAL = 0.001
"""How long this thread may hold the GIL while the helper waits for it, in seconds.

The helper needs the GIL briefly to start and finish each piece (and holds it while
calamine opens the piece's workbook); at Python's default of 5 ms it waited that long each
time while this thread read rows, and the helper fell behind. Measured on the 20,000-row
return: plan 0.446 → 0.388 s."""


class Helper:
    """The thread that parses pieces, with the GIL handed over more often while it runs
    (``SWITCH_INTERVAL``; the interpreter's setting is put back when it stops)."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lpsa-sheet-pieces")
        self._interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._interval, SWITCH_INTERVAL))

    def submit(self, data: io.BytesIO, sheet: str) -> Future[CalamineSheet]:
        return self._pool.submit(parse_piece, data, sheet)

    def stop(self) -> None:
        """Pieces not started are dropped; the one being parsed is waited for."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        sys.setswitchinterval(self._interval)
