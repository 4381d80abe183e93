"""Long tables as a stack of bands: linear time, whole rows, headings kept with their rows.

reportlab re-examines every SPAN and NOSPLIT of a table each time it splits it at a page
end, so one long table with a spanning heading per target grows quadratically (1,000
indicators: 6.4 s instead of ~4 s). Here the long table is a one-column table whose rows
are small tables ("bands"): a target's heading and its first indicator form one band, so
the heading can never be left alone at a page foot; the column heading is the first band,
repeated on every page; and the outer table has no spans to re-examine. The bands share
column widths, so their ruled grids line up as one table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Table

from lpsa_desktop.exporting.pdf_fonts import FONT
from lpsa_desktop.exporting.pdf_styles import HEADER_FILL, grid_table_style

Row = list[Any]


def band(rows: Sequence[Row], widths: Sequence[float], *, commands: Sequence[Any] = ()) -> Table:
    """A few rows ruled as part of the stack (``commands`` use the band's own row numbers)."""
    style = [*grid_table_style(header_rows=0), *commands]
    return Table(list(rows), colWidths=list(widths), style=style)


def heading_band(cells: Row, widths: Sequence[float]) -> Table:
    return band([cells], widths, commands=[("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)])


def banded_table(heading: Table, bands: Sequence[Table], widths: Sequence[float]) -> Table:
    """The stack: ``heading`` on every page, then the bands, never split inside a band."""
    flush = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # else reportlab selects Helvetica per cell
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
    rows = [[heading], *([b] for b in bands)]
    return Table(rows, colWidths=[sum(widths)], repeatRows=1, style=flush, hAlign="LEFT")
