"""The agreement as a PDF: body, Schedules 1–4 and the signature page, A4, fonts embedded.

Portrait for prose, landscape for the two wide schedules; each schedule starts a page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.fingerprint import agreement_fingerprint
from lpsa_desktop.domain.lifecycle import shows_draft_mark
from lpsa_desktop.domain.periods import format_long_date
from lpsa_desktop.exporting.body import body, title_block
from lpsa_desktop.exporting.files import write_atomically
from lpsa_desktop.exporting.pdf_fonts import FONT
from lpsa_desktop.exporting.pdf_pages import DocumentCanvas, RunningText, document_template
from lpsa_desktop.exporting.pdf_styles import styles
from lpsa_desktop.exporting.pdf_text import STATUS_WORDS, council_names
from lpsa_desktop.exporting.schedule_freedoms import schedule_freedoms
from lpsa_desktop.exporting.schedule_grants import schedule_pump_priming, schedule_reward
from lpsa_desktop.exporting.schedule_targets import schedule_targets
from lpsa_desktop.exporting.signature_page import signature_page
from lpsa_desktop.version import app_version


@dataclass(frozen=True)
class ExportResult:
    pages: int
    fingerprint: str
    draft: bool


def draft_mark(agreement: Agreement, *, force_draft: bool = False) -> bool:
    """DRAFT across every page unless the terms are provisionally agreed or signed."""
    return force_draft or shows_draft_mark(agreement.status)


def render_agreement_pdf(
    agreement: Agreement, *, force_draft: bool = False
) -> tuple[bytes, ExportResult]:
    """The PDF's bytes, and what was printed (page count, fingerprint, whether marked DRAFT)."""
    fingerprint = agreement_fingerprint(agreement)
    draft = draft_mark(agreement, force_draft=force_draft)
    status = STATUS_WORDS[agreement.status]
    if draft and not shows_draft_mark(agreement.status):
        status += " (printed as a draft)"
    running = RunningText(
        title=agreement.title,
        status=status,
        reference=f"{agreement.ref} · {agreement.generation.value} · fingerprint {fingerprint}",
        draft=draft,
    )
    buffer = io.BytesIO()
    doc = document_template(
        buffer,
        running,
        title=agreement.title,
        author=f"{council_names(agreement)} and the Government",
        subject=(
            f"Local Public Service Agreement ({agreement.generation.value}), "
            f"{format_long_date(agreement.period_start)} to "
            f"{format_long_date(agreement.period_end)}; fingerprint {fingerprint}"
        ),
        keywords=["Local Public Service Agreement", agreement.ref, fingerprint],
        creator=f"LPSA Desk {app_version()}",
        lang="en-GB",
        displayDocTitle=True,
        initialFontName=FONT,
    )
    doc.build(_story(agreement, fingerprint), canvasmaker=DocumentCanvas)
    return buffer.getvalue(), ExportResult(pages=doc.page, fingerprint=fingerprint, draft=draft)


def export_agreement_pdf(
    agreement: Agreement, destination: Path, *, force_draft: bool = False
) -> ExportResult:
    """Write the agreement's PDF to ``destination`` (replacing it whole, or not at all)."""
    data, result = render_agreement_pdf(agreement, force_draft=force_draft)
    write_atomically(destination, data)
    return result


def _story(agreement: Agreement, fingerprint: str) -> list[Flowable]:
    s = styles()
    return [
        *title_block(agreement, s, fingerprint),
        *body(agreement, s),
        NextPageTemplate("landscape"),
        PageBreak(),
        *schedule_targets(agreement, s),
        PageBreak(),
        *schedule_freedoms(agreement, s),
        NextPageTemplate("portrait"),
        PageBreak(),
        *schedule_pump_priming(agreement, s),
        PageBreak(),
        *schedule_reward(agreement, s),
        PageBreak(),
        *signature_page(agreement, s, fingerprint),
    ]
