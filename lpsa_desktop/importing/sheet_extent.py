"""The safety pass over a sheet's XML, before calamine may load it: the grid's true extent,
refused past the limits.

calamine turns a sheet into a dense grid of rows × columns cells of 32 bytes, and a 40 KB
file with one value in XFD1048576 made it ask for 512 GB and abort the whole process. It
places a cell by its ``r`` attribute however that is written (any attribute order or
quoting, lower case, leading zeros, a namespace prefix on the element), and a cell
without one after the cell before it (measured, and read in calamine's cells_reader.rs).

So the pass proves, 1 MB of decompressed XML at a time (memory stays at a few MB whatever
a zip bomb declares), that every cell tag holding a value is written ``<c r="B12" …>``
with a ref within the limits; two regular-expression searches per chunk, no XML parsing
(about 0.06 s for 20,000 × 20 cells). A sheet where that cannot be proved (cells without refs,
prefixed elements, odd spellings: rare) is walked with expat, placing each cell the way
calamine does. What calamine does not tell (formats, error values, hidden rows) is read by
``sheet_scan``, which may then run beside calamine, as this pass must not.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator

from lpsa_desktop.importing.errors import UnsafeWorkbookError
from lpsa_desktop.importing.extent_walk import walk_extent
from lpsa_desktop.importing.limits import MAX_COLUMNS, MAX_ROWS

CHUNK = 1 << 20
assert MAX_COLUMNS == 100 and MAX_ROWS == 50_000, "the patterns below encode these limits"
# A cell tag proven to lie within A1:CV50000: its first attribute is a ref within the
# limits, written as every generator writes it, and no later attribute is called r
# (calamine takes the last of two). The possessive quantifiers spare the engine from
# backtracking; every tag is tried once.
_WITHIN = rb'(?:[A-Z]|[AB][A-Z]|C[A-V])(?:[1-9]\d{0,3}+"|[1-4]\d{4}"|50000")'
_OTHER_ATTRIBUTES = rb'(?: [a-qs-z]\w*+="[^"]*+")*+/?>'
# A tag that closes itself holds no value, wherever it claims to be (empty formatted
# cells: a million of them cost a scan, not a walk).
_EMPTY_TAG = rb'(?:\s+[\w:.-]+="[^"<>]*")*\s*/>'
_UNPROVEN_CELL = re.compile(
    rb'<c(?! r="' + _WITHIN + _OTHER_ATTRIBUTES + rb")(?=[\s/>])(?!" + _EMPTY_TAG + rb")"
)
_PREFIXED_CELL = re.compile(rb":c(?=[\s/>])")
_MAX_TAG = 8 * CHUNK
"""No workbook writes a tag this long (a long list of ranges in a data validation's sqref
is a few KB); one that does is refused rather than buffered whole."""


class Unproven(Exception):
    """The quick proof does not hold for this sheet: it must be walked (``walk_extent``)."""


def check_extent(file: str, sheet: str, archive: zipfile.ZipFile, part: str) -> None:
    """Raise UnsafeWorkbookError when the sheet holds a value beyond the limits."""
    try:
        for _segment in proven_segments(file, sheet, archive, part):
            pass
    except Unproven:
        walk_extent(file, sheet, archive, part)


def tag_boundary(buffer: bytes) -> int:
    """Where the last cell or row tag of ``buffer`` starts (its end may be in the next
    chunk: it is read with that chunk), or the buffer's end when it has none."""
    cut = max(buffer.rfind(b"<c "), buffer.rfind(b"<row "))
    return len(buffer) if cut <= 0 else cut


def proven_segments(file: str, sheet: str, archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The sheet's XML, about 1 MB at a time, each segment yielded once every cell tag in
    it is proven within the limits; segments end between tags. Raises Unproven where the
    quick proof does not hold."""
    carry = b""
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK):
            buffer = carry + chunk
            # A tag cut off at the end of the chunk is judged with the next one.
            start = buffer.rfind(b"<")
            cut = start if start >= 0 and buffer.find(b">", start) < 0 else len(buffer)
            if _unproven(buffer, cut):
                raise Unproven
            yield buffer[:cut]
            carry = buffer[cut:]
            if len(carry) > _MAX_TAG:
                raise UnsafeWorkbookError(
                    file,
                    f"{sheet}: holds an XML tag longer than {_MAX_TAG >> 20} MB, which no "
                    "workbook writes: refused as unsafe",
                )
    if _unproven(carry, len(carry)):
        raise Unproven
    if carry:
        yield carry


def _unproven(buffer: bytes, end: int) -> bool:
    return bool(_UNPROVEN_CELL.search(buffer, 0, end) or _PREFIXED_CELL.search(buffer, 0, end))
