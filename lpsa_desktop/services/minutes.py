"""Exporting a meeting's minutes: PDF, or an editable Word document (.docx)."""

from __future__ import annotations

from pathlib import Path

from lpsa_desktop.domain.meetings import Meeting
from lpsa_desktop.domain.minutes import Minutes, minutes_of
from lpsa_desktop.errors import LpsaError
from lpsa_desktop.storage.store import Store

FORMATS = (".pdf", ".docx")


class MinutesFormatError(LpsaError):
    """A destination whose suffix is neither .pdf nor .docx."""


def meeting_minutes(store: Store, meeting_id: int) -> tuple[Meeting, Minutes]:
    with store.unit_of_work() as uow:
        meeting = uow.meetings.get(meeting_id)
        agreement = uow.agreements.get(meeting.agreement_ref)
        agreed = (
            None
            if meeting.round_number is None
            else uow.rounds.get(meeting.agreement_ref, meeting.round_number)
        )
    return meeting, minutes_of(meeting, agreement, agreed)


def export_minutes(store: Store, meeting_id: int, destination: Path) -> Minutes:
    suffix = destination.suffix.lower()
    if suffix not in FORMATS:
        raise MinutesFormatError(
            f"{destination}: minutes are written as .pdf or .docx, not {suffix or 'no suffix'}"
        )
    meeting, minutes = meeting_minutes(store, meeting_id)
    # The writers are imported only when used: reportlab and python-docx cost start-up time.
    if suffix == ".pdf":
        from lpsa_desktop.exporting.minutes_pdf import export_minutes_pdf  # noqa: PLC0415

        export_minutes_pdf(
            minutes, destination, reference=f"{meeting.agreement_ref} · meeting {meeting_id}"
        )
    else:
        from lpsa_desktop.exporting.minutes_docx import export_minutes_docx  # noqa: PLC0415

        export_minutes_docx(minutes, destination)
    return minutes
