"""Meeting minutes as an editable Word document (python-docx), for officers who finish
minutes by hand. Same content as the PDF: shared items only."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from lpsa_desktop.domain.minutes import AgendaSection, Minutes
from lpsa_desktop.exporting.files import write_atomically

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument


def render_minutes_docx(minutes: Minutes) -> bytes:
    from docx import Document  # noqa: PLC0415 - only this export needs python-docx

    document = Document()
    document.core_properties.title = minutes.title
    document.core_properties.subject = minutes.subtitle
    document.core_properties.author = "LPSA Desk"
    document.add_heading(minutes.title, level=0)
    document.add_paragraph(minutes.subtitle)
    document.add_paragraph().add_run(minutes.values_from).italic = True
    document.add_heading("Present", level=1)
    for organisation, names in minutes.present:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{organisation}: ").bold = True
        paragraph.add_run(", ".join(names))
    if minutes.sections:
        document.add_heading("Items discussed", level=1)
        for section in minutes.sections:
            _section(document, section)
    if minutes.other_decisions:
        document.add_heading("Other decisions", level=1)
        for decision in minutes.other_decisions:
            document.add_paragraph(decision, style="List Bullet")
    document.add_heading("Open actions", level=1)
    if minutes.open_actions:
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells, ("Action", "About", "Owner", "Due"), strict=True
        ):
            cell.text = text
        for action in minutes.open_actions:
            cells = table.add_row().cells
            for cell, text in zip(
                cells, (action.text, action.item, action.owner, action.due), strict=True
            ):
                cell.text = text
    else:
        document.add_paragraph("None.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def export_minutes_docx(minutes: Minutes, destination: Path) -> None:
    write_atomically(destination, render_minutes_docx(minutes))


def _section(document: DocxDocument, section: AgendaSection) -> None:
    heading = section.heading + (f" ({section.status})" if section.status else "")
    document.add_heading(heading, level=2)
    for detail in section.details:
        document.add_paragraph(detail)
    if section.indicators:
        table = document.add_table(rows=1, cols=6)
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells,
            ("Ref", "Indicator", "Baseline", "Without LPSA", "With LPSA", "Status"),
            strict=True,
        ):
            cell.text = text
        for row in section.indicators:
            cells = table.add_row().cells
            values = (row.ref, row.description, row.baseline, row.without, row.with_, row.status)
            for cell, text in zip(cells, values, strict=True):
                cell.text = text
    for label, lines in (("Decided", section.decisions), ("Actions", section.actions)):
        if lines:
            document.add_paragraph().add_run(label).bold = True
            for line in lines:
                document.add_paragraph(line, style="List Bullet")
