"""Schedule 2: freedoms and flexibilities, each with the Government's response.

Every request is printed with its status, including those not agreed or withdrawn: the
schedule records what was asked and answered, and an officer must be able to see that a
request was considered. Landscape, like Schedule 1, because legal bases and responses are
long.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Paragraph, Table

from lpsa_desktop.domain.agreement import Agreement, FreedomRequest
from lpsa_desktop.domain.vocabulary import field_name, linked_targets_text
from lpsa_desktop.exporting.pdf_styles import Styles, grid_table_style
from lpsa_desktop.exporting.pdf_text import FREEDOM_STATUS_WORDS, council_word, esc

COLUMNS: tuple[tuple[str, float], ...] = (
    ("Ref", 30),
    (field_name("freedom", "description"), 186),
    (field_name("freedom", "targets"), 54),
    (field_name("freedom", "department"), 104),
    (field_name("freedom", "legal_basis"), 132),
    (field_name("freedom", "status"), 234),
)


def schedule_freedoms(agreement: Agreement, s: Styles) -> list[Flowable]:
    heading = Paragraph("Schedule 2: Freedoms and flexibilities", s.heading)
    if not agreement.freedoms:
        return [heading, Paragraph("No freedoms or flexibilities were requested.", s.body)]
    intro = Paragraph(
        f"The changes to rules, controls and grant conditions that the "
        f"{council_word(agreement)} asked for to help achieve the targets, and the "
        "Government’s response to each.",
        s.body,
    )
    rows: list[list[Any]] = [[Paragraph(title, s.cell_head) for title, _ in COLUMNS]]
    rows.extend(_row(freedom, s) for freedom in agreement.freedoms)
    table = Table(
        rows,
        colWidths=[width for _, width in COLUMNS],
        repeatRows=1,
        style=grid_table_style(),
        hAlign="LEFT",
    )
    return [heading, intro, table]


def _row(freedom: FreedomRequest, s: Styles) -> list[Any]:
    response = f"<b>{FREEDOM_STATUS_WORDS[freedom.status]}.</b>"
    if freedom.response:
        response += f" {esc(freedom.response)}"
    if freedom.alternative:
        response += f"<br/>Alternative: {esc(freedom.alternative)}"
    return [
        Paragraph(esc(freedom.ref), s.cell_bold),
        Paragraph(esc(freedom.description), s.cell),
        Paragraph(esc(linked_targets_text(freedom.targets)), s.cell),
        Paragraph(esc(freedom.department or "–"), s.cell),
        Paragraph(esc(freedom.legal_basis or "–"), s.cell),
        Paragraph(response, s.cell),
    ]
