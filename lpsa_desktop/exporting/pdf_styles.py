"""The document's look: page geometry, colours, paragraph and table styles, in one place.

Sober on purpose: a government agreement is printed in black on white, filed and
photocopied, so colour only tints table headings and every rule survives a grey copier.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from lpsa_desktop.exporting.pdf_fonts import FONT, FONT_BOLD, register_fonts

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm

INK = colors.HexColor("#1A1A1A")
HEADING = colors.HexColor("#1F3A5F")
RULE = colors.HexColor("#8C96A3")
HEADER_FILL = colors.HexColor("#DCE3EC")
TARGET_FILL = colors.HexColor("#EEF1F5")
MUTED = colors.HexColor("#4A4F57")
DRAFT_MARK = colors.HexColor("#B22222")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    centred: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    subheading_loose: ParagraphStyle
    body: ParagraphStyle
    numbered: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_number: ParagraphStyle
    cell_head: ParagraphStyle
    cell_note: ParagraphStyle
    small: ParagraphStyle
    small_centred: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    # bulletFontName too: it defaults to Helvetica, which would be referenced unembedded.
    body = ParagraphStyle(
        "body",
        fontName=FONT,
        bulletFontName=FONT,
        fontSize=10,
        leading=14,
        textColor=INK,
        spaceAfter=6,
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10, spaceAfter=0)
    subheading = ParagraphStyle(
        "subheading",
        parent=body,
        fontName=FONT_BOLD,
        fontSize=11,
        leading=15,
        textColor=HEADING,
        spaceBefore=8,
        spaceAfter=4,
        keepWithNext=1,
    )
    return Styles(
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=20,
            leading=26,
            alignment=TA_CENTER,
            textColor=HEADING,
            spaceAfter=10,
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=body, fontSize=12, leading=17, alignment=TA_CENTER, spaceAfter=4
        ),
        centred=ParagraphStyle("centred", parent=body, alignment=TA_CENTER),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=14,
            leading=18,
            textColor=HEADING,
            spaceBefore=6,
            spaceAfter=8,
            keepWithNext=1,  # a heading never ends a page alone
        ),
        subheading=subheading,
        # Before a long table: the caller puts a CondPageBreak in front instead.
        subheading_loose=ParagraphStyle("subheading_loose", parent=subheading, keepWithNext=0),
        body=body,
        numbered=ParagraphStyle("numbered", parent=body, leftIndent=22, bulletIndent=0),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=34, bulletIndent=22, spaceAfter=2),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        # A number is never broken inside: number_cells shrinks it to fit instead.
        cell_number=ParagraphStyle(
            "cell_number", parent=cell, alignment=TA_RIGHT, splitLongWords=0
        ),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=FONT_BOLD, textColor=INK),
        cell_note=ParagraphStyle("cell_note", parent=cell, fontSize=7, leading=9, textColor=MUTED),
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=11, textColor=MUTED),
        small_centred=ParagraphStyle(
            "small_centred",
            parent=body,
            fontSize=8,
            leading=11,
            textColor=MUTED,
            alignment=TA_CENTER,
        ),
    )


def grid_table_style(*, header_rows: int = 1) -> list[tuple[Any, ...]]:
    """Ruled table with a tinted heading row; callers append their own row commands."""
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        style.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
    return style
