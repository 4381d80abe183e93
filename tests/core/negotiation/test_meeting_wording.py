"""A meeting named inside a sentence keeps the capitals of its month and place."""

from __future__ import annotations

from datetime import date

from lpsa_desktop.domain.meetings import Meeting


def test_a_meeting_in_a_sentence_keeps_its_capitals() -> None:
    meeting = Meeting("LPSA-1", date(2026, 12, 3), "Guildhall, Bath")
    assert meeting.title_in_sentence == "meeting of 3 December 2026, Guildhall, Bath"
