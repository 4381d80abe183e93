"""Meeting minutes as a PDF, in the agreement's house style (fonts, running header/footer)."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from lpsa_desktop.domain.minutes import AgendaSection, Minutes
from lpsa_desktop.exporting.files import write_atomically
from lpsa_desktop.exporting.pdf_fonts import FONT
from lpsa_desktop.exporting.pdf_pages import DocumentCanvas, RunningText, document_template
from lpsa_desktop.exporting.pdf_styles import MARGIN_X, PORTRAIT, Styles, grid_table_style, styles
from lpsa_desktop.exporting.pdf_text import esc
from lpsa_desktop.version import app_version

WIDTH = PORTRAIT[0] - 2 * MARGIN_X


def render_minutes_pdf(minutes: Minutes, *, reference: str) -> bytes:
    running = RunningText(
        title=minutes.title,
        status="Draft minutes" if minutes.draft else "Minutes",
        reference=reference,
        draft=minutes.draft,
    )
    buffer = io.BytesIO()
    doc = document_template(
        buffer,
        running,
        title=minutes.title,
        subject=minutes.subtitle,
        author="LPSA Desk",
        creator=f"LPSA Desk {app_version()}",
        lang="en-GB",
        initialFontName=FONT,
    )
    doc.build(_story(minutes, styles()), canvasmaker=DocumentCanvas)
    return buffer.getvalue()


def export_minutes_pdf(minutes: Minutes, destination: Path, *, reference: str) -> None:
    write_atomically(destination, render_minutes_pdf(minutes, reference=reference))


def _story(minutes: Minutes, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(esc(minutes.title), s.title),
        Paragraph(esc(minutes.subtitle), s.subtitle),
        Paragraph(esc(minutes.values_from), s.small_centred),
        Spacer(1, 4 * mm),
        Paragraph("Present", s.heading),
    ]
    for organisation, names in minutes.present or (("", ("(no attendance recorded)",)),):
        label = f"<b>{esc(organisation)}</b>: " if organisation else ""
        story.append(Paragraph(label + esc(", ".join(names)), s.body))
    if minutes.sections:
        story.append(Paragraph("Items discussed", s.heading))
        for section in minutes.sections:
            story.extend(_section(section, s))
    if minutes.other_decisions:
        story.append(Paragraph("Other decisions", s.heading))
        story.extend(Paragraph(esc(d), s.bullet, bulletText="•") for d in minutes.other_decisions)
    story.append(Paragraph("Open actions", s.heading))
    story.append(_actions_table(minutes, s))
    return story


def _section(section: AgendaSection, s: Styles) -> list[Flowable]:
    status = (
        f" <font size=8 color='#4A4F57'>({esc(section.status)})</font>" if section.status else ""
    )
    head = Paragraph(esc(section.heading) + status, s.subheading)
    parts: list[Flowable] = [Paragraph(esc(d), s.body) for d in section.details]
    if section.indicators:
        parts.extend([_indicator_table(section, s), Spacer(1, 2 * mm)])
    for label, lines in (("Decided", section.decisions), ("Actions", section.actions)):
        if lines:
            parts.append(Paragraph(f"<b>{label}</b>", s.body))
            parts.extend(Paragraph(esc(line), s.bullet, bulletText="•") for line in lines)
    if not (section.decisions or section.actions):
        parts.append(Paragraph("No decision recorded.", s.small))
    # The heading and the first part travel together; long sections may then split.
    return [KeepTogether([head, parts[0]]), *parts[1:]] if parts else [head]


def _indicator_table(section: AgendaSection, s: Styles) -> Table:
    head = ["Ref", "Indicator", "Baseline", "Without LPSA", "With LPSA", "Status"]
    rows = [[Paragraph(h, s.cell_head) for h in head]]
    for line in section.indicators:
        rows.append(
            [
                Paragraph(esc(line.ref), s.cell),
                Paragraph(esc(line.description), s.cell),
                Paragraph(esc(line.baseline), s.cell_number),
                Paragraph(esc(line.without), s.cell_number),
                Paragraph(esc(line.with_), s.cell_number),
                Paragraph(esc(line.status), s.cell),
            ]
        )
    value = 27 * mm  # room for "5,440.0 per 1,000" on one line
    widths = [11 * mm, WIDTH - 11 * mm - 3 * value - 16 * mm, value, value, value, 16 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(grid_table_style()))
    return table


def _actions_table(minutes: Minutes, s: Styles) -> Flowable:
    if not minutes.open_actions:
        return Paragraph("None.", s.body)
    rows = [[Paragraph(h, s.cell_head) for h in ("Action", "About", "Owner", "Due")]]
    rows += [
        [
            Paragraph(esc(a.text), s.cell),
            Paragraph(esc(a.item), s.cell),
            Paragraph(esc(a.owner), s.cell),
            Paragraph(esc(a.due), s.cell),
        ]
        for a in minutes.open_actions
    ]
    table = Table(rows, colWidths=[WIDTH - 95 * mm, 35 * mm, 38 * mm, 22 * mm], repeatRows=1)
    table.setStyle(TableStyle(grid_table_style()))
    return table
