"""How many rows a sheet says it has (its ``<dimension ref="A1:J20001"/>``), for progress
only: a big sheet read in pieces is counted before calamine has seen its last rows. Never
trusted for safety (``sheet_extent`` proves the extent)."""

from __future__ import annotations

import re
import zipfile

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]*\d*:?[A-Z]*(\d+)"')
_HEAD_BYTES = 4096


def declared_rows(archive: zipfile.ZipFile, part: str) -> int | None:
    """The last row the sheet's dimension names, or None when it names none."""
    try:
        with archive.open(part) as stream:
            head = stream.read(_HEAD_BYTES)
    except (zipfile.BadZipFile, OSError, EOFError, KeyError):
        return None
    match = _DIMENSION.search(head)
    return int(match[1]) if match else None
