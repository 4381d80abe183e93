"""Which cell styles of an .xlsx show numbers as percentages (so 0.45 is read as 45).

calamine gives values without their number formats, and openpyxl's read-only reader takes
about ten times as long as calamine on a big sheet, so the importer reads the one small
part that defines formats (xl/styles.xml, parsed with defusedxml) and then only looks for
cells that carry one of the percentage styles (see ``sheet_scan``).
"""

from __future__ import annotations

import re
import zipfile

from defusedxml import ElementTree

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_BUILTIN_PERCENT = {9, 10}
"""Excel's built-in formats 0% and 0.00%."""
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def is_percent_format(code: str) -> bool:
    """A format that multiplies by 100: a % outside quotes, escapes and [brackets].
    0.0"%" shows 45 as 45.0% without scaling, so it is not one."""
    return "%" in _QUOTED.sub("", code)


def percent_styles(archive: zipfile.ZipFile, part: str | None) -> frozenset[int]:
    """Indexes of cellXfs (the s="…" of a cell) whose number format is a percentage."""
    if part is None:
        return frozenset()
    root = ElementTree.fromstring(archive.read(part))
    percent_ids = set(_BUILTIN_PERCENT)
    for fmt in root.iter(f"{_NS}numFmt"):
        if is_percent_format(fmt.get("formatCode", "")):
            percent_ids.add(int(fmt.get("numFmtId", "-1")))
    cell_xfs = root.find(f"{_NS}cellXfs")
    if cell_xfs is None:
        return frozenset()
    return frozenset(
        index
        for index, xf in enumerate(cell_xfs.iter(f"{_NS}xf"))
        if int(xf.get("numFmtId", "0")) in percent_ids
    )
