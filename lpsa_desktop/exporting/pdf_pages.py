"""Pages: portrait and landscape templates, running header and footer, the DRAFT mark.

"Page N of M" needs M before the last page exists. Rather than laying the document out
twice, every footer draws a form XObject for M that ``DocumentCanvas.save`` defines once the
page count is known (PDF lets a page use a form defined later in the file).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from lpsa_desktop.exporting.pdf_fonts import FONT, FONT_BOLD
from lpsa_desktop.exporting.pdf_styles import (
    DRAFT_MARK,
    LANDSCAPE,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PORTRAIT,
    RULE,
)

TOTAL_PAGES_FORM = "lpsaTotalPages"
RUNNING_SIZE = 7.5
HEADER_Y = 13 * 2.8346  # 13 mm below the top edge
FOOTER_Y = 11 * 2.8346  # 11 mm above the bottom edge


class DocumentCanvas(Canvas):  # type: ignore[misc]
    """A canvas that fills in the total page count when the document is saved."""

    def save(self) -> None:
        total = self.getPageNumber() - 1  # the doc template has shown the last page
        self.beginForm(TOTAL_PAGES_FORM)
        self.setFont(FONT, RUNNING_SIZE)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(max(total, 1)))
        self.endForm()
        super().save()


@dataclass(frozen=True)
class RunningText:
    """What every page repeats: the title and status at the top, ref and fingerprint below."""

    title: str
    status: str
    reference: str
    draft: bool


class PageDecorator:
    def __init__(self, running: RunningText) -> None:
        self.running = running

    def header_and_footer(self, canvas: Canvas, doc: Any) -> None:
        width, height = canvas._pagesize
        left, right = MARGIN_X, width - MARGIN_X
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.setFillColor(MUTED)
        # Fonts are set explicitly: a page callback left to defaults writes Helvetica,
        # which is not embedded.
        status_width = stringWidth(self.running.status, FONT, RUNNING_SIZE)
        canvas.setFont(FONT_BOLD, RUNNING_SIZE)
        room = right - left - status_width - 12
        canvas.drawString(left, height - HEADER_Y, _fit(self.running.title, room))
        canvas.setFont(FONT, RUNNING_SIZE)
        canvas.drawRightString(right, height - HEADER_Y, self.running.status)
        canvas.line(left, height - HEADER_Y - 4, right, height - HEADER_Y - 4)
        canvas.line(left, FOOTER_Y + 9, right, FOOTER_Y + 9)
        canvas.drawString(left, FOOTER_Y, self.running.reference)
        slot = stringWidth("0000", FONT, RUNNING_SIZE)
        canvas.drawRightString(right - slot, FOOTER_Y, f"Page {canvas.getPageNumber()} of ")
        canvas.translate(right - slot, FOOTER_Y)
        canvas.doForm(TOTAL_PAGES_FORM)
        canvas.restoreState()

    def draft_mark(self, canvas: Canvas, doc: Any) -> None:
        """A large translucent DRAFT across the page, over the text but not hiding it."""
        if not self.running.draft:
            return
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFillColor(DRAFT_MARK, alpha=0.13)
        canvas.setFont(FONT_BOLD, 0.2 * math.hypot(width, height))
        canvas.translate(width / 2, height / 2)
        canvas.rotate(math.degrees(math.atan2(height, width)))
        canvas.drawCentredString(0, -0.07 * math.hypot(width, height), "DRAFT")
        canvas.restoreState()


def _fit(text: str, room: float) -> str:
    if stringWidth(text, FONT_BOLD, RUNNING_SIZE) <= room:
        return text
    while text and stringWidth(text + "…", FONT_BOLD, RUNNING_SIZE) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def document_template(target: Any, running: RunningText, **metadata: Any) -> BaseDocTemplate:
    """A doc template with 'portrait' and 'landscape' pages (switch with NextPageTemplate)."""
    decorator = PageDecorator(running)
    templates = [
        PageTemplate(
            id=name,
            pagesize=size,
            frames=[
                Frame(
                    MARGIN_X,
                    MARGIN_BOTTOM,
                    size[0] - 2 * MARGIN_X,
                    size[1] - MARGIN_TOP - MARGIN_BOTTOM,
                    leftPadding=0,
                    rightPadding=0,
                    topPadding=0,
                    bottomPadding=0,
                    id=f"{name}-frame",
                )
            ],
            onPage=decorator.header_and_footer,
            onPageEnd=decorator.draft_mark,
        )
        for name, size in (("portrait", PORTRAIT), ("landscape", LANDSCAPE))
    ]
    return BaseDocTemplate(
        target,
        pagesize=PORTRAIT,
        pageTemplates=templates,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        **metadata,
    )
