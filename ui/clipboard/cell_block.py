"""A rectangular block of cell texts, as spreadsheets put it on the clipboard.

Excel and LibreOffice write text/plain as rows separated by a line break (Excel also ends
the last row with one) and cells separated by tabs; a cell holding a tab, a line break or a
quote is quoted CSV-style, its quotes doubled. They also offer text/html with a <table>, which is
what they read back as separate cells, so a copy offers both.
"""

from __future__ import annotations

import csv
import io
from html import escape

Block = list[list[str]]


def parse_block(text: str) -> Block:
    """Tab-separated text → rows of cells; a trailing line break adds no empty row."""
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if '"' not in text:  # the common case, and csv would mishandle a lone quote mark
        return [line.split("\t") for line in text.split("\n")]
    reader = csv.reader(io.StringIO(text), delimiter="\t", quotechar='"', strict=False)
    return [row if row else [""] for row in reader]


def block_text(block: Block) -> str:
    """Rows of cells → tab-separated text, quoting only cells that need it."""

    def cell(text: str) -> str:
        if any(c in text for c in '\t\n"'):
            return '"' + text.replace('"', '""') + '"'
        return text

    return "".join("\t".join(cell(c) for c in row) + "\n" for row in block)


def block_html(block: Block) -> str:
    """Rows of cells → an HTML table, which spreadsheets paste as cells."""
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block
    )
    return f"<html><body><table>{rows}</table></body></html>"
