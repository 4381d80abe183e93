"""Minutes quote the values agreed, the round and the open actions; internal content never
appears in minutes or in the exported agreement."""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.meetings import Attendee, ItemKind, ItemRef
from lpsa_desktop.exporting.agreement_pdf import render_agreement_pdf
from lpsa_desktop.services.agreement_editing import create_agreement
from lpsa_desktop.services.meetings import add_action, close_meeting, open_meeting, record_decision
from lpsa_desktop.services.minutes import MinutesFormatError, export_minutes
from lpsa_desktop.storage.store import Store
from tests.conftest import OFFICER

pytestmark = pytest.mark.both_engines


SECRET = "SECRET-fall-back-position"


def _with_internal_content(demo: Agreement) -> Agreement:
    targets = list(demo.targets)
    targets[2] = dataclasses.replace(targets[2], internal_notes=f"{SECRET} on weights")
    freedoms = list(demo.freedoms)
    freedoms[1] = dataclasses.replace(freedoms[1], internal_notes=f"{SECRET} on carry-forward")
    return dataclasses.replace(
        demo, internal_notes=f"{SECRET} overall", targets=tuple(targets), freedoms=tuple(freedoms)
    )


@pytest.fixture
def meeting_id(store: Store, demo: Agreement) -> int:
    create_agreement(store, _with_internal_content(demo), officer=OFFICER)
    target3, freedom2 = ItemRef(ItemKind.TARGET, "3"), ItemRef(ItemKind.FREEDOM, "F2")
    meeting = open_meeting(
        store, demo.ref, held_on=date(2003, 3, 14), place="Guildhall, Bath",
        attendees=[Attendee("Jane Smith", "B&NES Council"), Attendee("Raj Patel", "ODPM")],
        agenda=[target3, freedom2], officer=OFFICER,
    )  # fmt: skip
    assert meeting.id is not None
    record_decision(store, meeting.id, target3, "Weights of 60/40 agreed.", officer=OFFICER)
    record_decision(
        store, meeting.id, freedom2, f"{SECRET} decision", officer=OFFICER, internal=True
    )
    add_action(
        store,
        meeting.id,
        freedom2,
        "Confirm Home Office position",
        owner="Raj Patel",
        due=date(2003, 3, 28),
        officer=OFFICER,
    )
    add_action(
        store,
        meeting.id,
        None,
        f"{SECRET} action",
        owner="Jane Smith",
        due=None,
        officer=OFFICER,
        internal=True,
    )
    return meeting.id


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_minutes_quote_the_agreed_values_the_round_and_open_actions(
    store: Store, meeting_id: int, tmp_path: Path
) -> None:
    close_meeting(store, meeting_id, officer=OFFICER)
    export_minutes(store, meeting_id, tmp_path / "minutes.pdf")
    text = _pdf_text(tmp_path / "minutes.pdf")
    assert "Meeting of 14 March 2003, Guildhall, Bath" in text
    assert "round 1, “Agreed at meeting of 14 March 2003”" in text
    assert "B&NES Council: Jane Smith" in text and "ODPM: Raj Patel" in text
    for value in ("45%", "50%", "60%", "48%", "52%", "62%"):  # target 3's indicators, as agreed
        assert value in text
    assert "Weights of 60/40 agreed." in text
    assert (
        "Confirm Home Office position freedom F2 Raj Patel 28/03/2003" in text
    )  # open actions table
    assert "Draft" not in text


def test_minutes_of_an_open_meeting_say_they_are_a_draft(
    store: Store, meeting_id: int, tmp_path: Path
) -> None:
    minutes = export_minutes(store, meeting_id, tmp_path / "minutes.pdf")
    assert minutes.draft
    assert "Draft: the meeting is still open" in _pdf_text(tmp_path / "minutes.pdf")


def test_editable_minutes_hold_the_same_content(
    store: Store, meeting_id: int, tmp_path: Path
) -> None:
    close_meeting(store, meeting_id, officer=OFFICER)
    export_minutes(store, meeting_id, tmp_path / "minutes.docx")
    document = Document(str(tmp_path / "minutes.docx"))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Weights of 60/40 agreed." in paragraphs
    assert "Care leavers aged 16+ with at least one GCSE at grade A*–G or GNVQ" in cells
    assert "Confirm Home Office position" in cells and "28/03/2003" in cells


def test_internal_content_is_never_in_the_minutes(
    store: Store, meeting_id: int, tmp_path: Path
) -> None:
    close_meeting(store, meeting_id, officer=OFFICER)
    export_minutes(store, meeting_id, tmp_path / "minutes.pdf")
    export_minutes(store, meeting_id, tmp_path / "minutes.docx")
    assert SECRET not in _pdf_text(tmp_path / "minutes.pdf")
    docx_xml = Document(str(tmp_path / "minutes.docx")).element.xml
    assert SECRET not in docx_xml
    # ...while the shared note of the same target is minuted
    assert "Weighted 60/40 at the department's request" in _pdf_text(tmp_path / "minutes.pdf")


def test_internal_content_is_never_in_the_agreement_pdf(demo: Agreement) -> None:
    data, _ = render_agreement_pdf(_with_internal_content(demo))
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages
    )
    assert SECRET not in text
    assert "Weighted 60/40 at the department's request" in text  # shared notes are printed


def test_minutes_are_written_as_pdf_or_docx_only(
    store: Store, meeting_id: int, tmp_path: Path
) -> None:
    with pytest.raises(MinutesFormatError, match=r"\.pdf or \.docx, not \.txt"):
        export_minutes(store, meeting_id, tmp_path / "minutes.txt")
    assert not (tmp_path / "minutes.txt").exists()
