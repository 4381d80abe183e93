"""A value in a narrow table cell: the number on one line, never broken inside.

reportlab breaks a word that is wider than its cell, so £1,234,567.891 in a 70-point
column would print as '£1,234,567.89' over '1'. Here the number shrinks (down to 5 points)
until it fits; its unit ('per 1,000', 'percentage points') follows on the same line when
there is room, else small on the next; a note (the period) goes under it.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from lpsa_desktop.exporting.pdf_fonts import FONT, FONT_BOLD
from lpsa_desktop.exporting.pdf_styles import Styles
from lpsa_desktop.exporting.pdf_text import esc

CELL_PADDING = 8.0  # left + right padding of the ruled tables
LARGEST, SMALLEST, NOTE = 8.0, 5.0, 7.0
NBSP = "\u00a0"


def number_cell(
    text: str, width: float, s: Styles, *, bold: bool = False, note: str | None = None
) -> Paragraph:
    """``text`` is a formatted value: '£1,234,567', '15.2 per 1,000', '+3 percentage points'."""
    font = FONT_BOLD if bold else FONT
    room = width - CELL_PADDING
    number, _, unit = text.partition(" ")
    size = LARGEST
    while size > SMALLEST and stringWidth(number, font, size) > room:
        size -= 0.5
    if unit and stringWidth(text, font, size) <= room:
        body = f'<font size="{size}">{esc(text).replace(" ", NBSP)}</font>'
    else:
        body = f'<font size="{size}">{esc(number)}</font>'
        if unit:
            body += f'<br/><font size="{NOTE}">{esc(unit).replace(" ", NBSP)}</font>'
    if bold:
        body = f"<b>{body}</b>"
    if note:
        body += f'<br/><font size="{NOTE}">({esc(note)})</font>'
    return Paragraph(body, s.cell_number)
