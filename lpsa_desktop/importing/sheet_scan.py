"""One streaming pass over a sheet's XML, before calamine loads it, for what calamine does
not tell: the grid's true extent (refused past the limits: a tiny file can otherwise ask
for a grid of 512 GB), cells formatted as percentages, formula error values (calamine
gives them as empty text), and hidden rows and columns.

The part is decompressed 1 MB at a time and searched with one regular expression whose
alternatives share the literal prefix ``<c r="``, so the cost is one quick scan (about
0.05 s for 20,000 × 20 cells) and memory stays at a few MB whatever the sheet's size.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

from lpsa_desktop.importing.errors import UnsafeWorkbookError
from lpsa_desktop.importing.issues import column_index, column_letters
from lpsa_desktop.importing.limits import MAX_COLUMNS, MAX_ROWS

_CHUNK = 1 << 20
assert MAX_COLUMNS == 100 and MAX_ROWS == 50_000, "the patterns below encode these limits"
# A row number past 50,000; then a value-holding cell (its tag does not close itself)
# beyond column CV or that row.
_FAR = rb'(?:5(?!0000")\d{4}|[6-9]\d{4}|[1-9]\d{5,})"'
_BEYOND = (
    rb'(?P<beyond>(?:[A-Z]{3}|[D-Z][A-Z]|C[W-Z])\d+"|[A-Z]{1,3}' + _FAR + rb")"
    rb"[^>]*?(?<!/)>"
)
_ERROR = (
    rb'(?P<ecol>[A-Z]{1,3})(?P<erow>\d+)"(?: s="\d+")? t="e">'
    rb"(?:<f[^>]*/>|<f[^>]*>[^<]*</f>)?<v>(?P<error>[^<]*)</v>"
)
_ERROR_CELL = re.compile(rb'<c r="' + _ERROR)
_HIDDEN_ROW = re.compile(rb'<row r="(\d+)"[^>]*? hidden="(?:1|true)"')
_HIDDEN_COLS = re.compile(rb'<col ([^>]*?hidden="(?:1|true)"[^>]*)/?>')
_ATTRIBUTE = re.compile(rb'(\w+)="([^"]*)"')
_FAR_ROW = re.compile(rb'<row r="' + _FAR + rb"[^>]*?(?<!/)>")
_CELL_WITHOUT_REF = re.compile(rb"<c(?:>| (?!r=))")


@dataclass
class SheetScan:
    percent_cells: dict[int, set[int]] = field(default_factory=dict)
    """row → columns (0-based) whose cells are shown as percentages."""
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_columns: list[int] = field(default_factory=list)
    far_row: bool = False
    """A row past the limit holds cells: harmless while every cell names its place."""


_BEYOND_CELL = re.compile(rb'<c r="' + _BEYOND)
_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"')


def _style_pattern(percent_styles: frozenset[int]) -> re.Pattern[bytes] | None:
    """The style attribute of a percentage cell. Searching for it (then back to its cell's
    ref) is several times faster than matching every cell with its style."""
    if not percent_styles:
        return None
    ids = b"|".join(str(i).encode() for i in sorted(percent_styles))
    return re.compile(rb' s="(?:' + ids + rb')"')


def scan_sheet(
    file: str, sheet: str, archive: zipfile.ZipFile, part: str, percent_styles: frozenset[int]
) -> SheetScan:
    styles = _style_pattern(percent_styles)
    scan = SheetScan()
    carry = b""
    first = True
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            buffer = carry + chunk
            if first:
                scan.hidden_columns = _hidden_columns(buffer)
                first = False
            # Stop before the last tag that may be cut off; it is read with the next chunk.
            cut = max(buffer.rfind(b"<c "), buffer.rfind(b"<row "))
            cut = len(buffer) if cut <= 0 else cut
            _scan_cells((file, sheet), _BEYOND_CELL, buffer, cut, scan)
            if styles is not None:
                _percent_cells(styles, buffer, cut, scan)
            if b't="e"' in buffer:  # error cells are rare: look for them only where they are
                _scan_cells((file, sheet), _ERROR_CELL, buffer, cut, scan)
            scan.far_row = scan.far_row or bool(_FAR_ROW.search(buffer, 0, cut))
            if b'hidden="1"' in buffer or b'hidden="true"' in buffer:
                scan.hidden_rows.extend(int(m[1]) - 1 for m in _HIDDEN_ROW.finditer(buffer, 0, cut))
            carry = buffer[cut:]
    if carry:
        _scan_cells((file, sheet), _BEYOND_CELL, carry, len(carry), scan)
        if styles is not None:
            _percent_cells(styles, carry, len(carry), scan)
        _scan_cells((file, sheet), _ERROR_CELL, carry, len(carry), scan)
    if scan.far_row and _has_cells_without_refs(archive, part):
        # Cells without refs are placed one after another: their extent cannot be seen
        # from the refs, so a far row with them is refused rather than trusted. (A second
        # pass, only for sheets reaching that far: usually empty formatted rows.)
        raise _too_big(file, sheet, f"row {MAX_ROWS + 1:,} or beyond")
    return scan


def _has_cells_without_refs(archive: zipfile.ZipFile, part: str) -> bool:
    carry = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            buffer = carry + chunk
            # A tag cut off at the end is judged with the next chunk, which gets the tail.
            if any(m.end() + 3 < len(buffer) for m in _CELL_WITHOUT_REF.finditer(buffer)):
                return True
            carry = buffer[-8:]
    return False


def _too_big(file: str, sheet: str, where: str) -> UnsafeWorkbookError:
    return UnsafeWorkbookError(
        file,
        f"{sheet}: {where} holds values beyond the {MAX_ROWS:,} rows × {MAX_COLUMNS} "
        f"columns (A–{column_letters(MAX_COLUMNS - 1)}) LPSA Desk reads: refused before "
        "loading, as it would need too much memory",
    )


def _scan_cells(
    where: tuple[str, str], pattern: re.Pattern[bytes], buffer: bytes, end: int, scan: SheetScan
) -> None:
    file, sheet = where
    for match in pattern.finditer(buffer, 0, end):
        kind = match.lastgroup
        if kind == "beyond":
            ref = match["beyond"].decode().rstrip('"')
            raise _too_big(file, sheet, f"cell {ref}")
        if kind == "error":
            row, col = int(match["erow"]) - 1, column_index(match["ecol"].decode())
            scan.error_cells[(row, col)] = match["error"].decode()


def _percent_cells(styles: re.Pattern[bytes], buffer: bytes, end: int, scan: SheetScan) -> None:
    cells = scan.percent_cells
    for match in styles.finditer(buffer, 0, end):
        start = buffer.rfind(b"<c ", 0, match.start())
        ref = _REF.match(buffer, start) if start >= 0 else None
        # The attribute must belong to that cell's own tag (no '>' in between).
        if ref is None or buffer.find(b">", start, match.start()) >= 0:
            continue
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
