"""Items marked open/agreed/parked/dropped with who and when; meetings capture decisions and
actions while open and close with a round of what was agreed."""

from __future__ import annotations

from datetime import date

import pytest

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import NegotiationStatus as N
from lpsa_desktop.domain.meetings import (
    Attendee,
    ItemKind,
    ItemRef,
    MeetingClosedError,
    MeetingStatus,
)
from lpsa_desktop.domain.negotiation import status_tally
from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.errors import NotFoundError
from lpsa_desktop.services.agreement_editing import create_agreement
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.services.meetings import (
    UnknownItemError,
    add_action,
    close_meeting,
    list_meetings,
    mark_action_done,
    open_meeting,
    record_decision,
)
from lpsa_desktop.services.negotiation_status import set_item_status, status_marks
from lpsa_desktop.services.rounds import list_rounds
from lpsa_desktop.storage.store import Store
from tests.conftest import OFFICER
from tests.engines import recorded_by

T3, I4A, F2 = (
    ItemRef(ItemKind.TARGET, "3"),
    ItemRef(ItemKind.INDICATOR, "4a"),
    ItemRef(ItemKind.FREEDOM, "F2"),
)


pytestmark = pytest.mark.both_engines


@pytest.fixture
def stored(store: Store, demo: Agreement) -> Store:
    create_agreement(store, demo, officer=OFFICER)
    return store


def test_items_are_marked_with_who_and_when_and_the_tally_counts_them(
    stored: Store, demo: Agreement
) -> None:
    set_item_status(stored, demo.ref, T3, N.AGREED, officer="Jane Smith")
    set_item_status(stored, demo.ref, I4A, N.PARKED, officer="Raj Patel")
    set_item_status(stored, demo.ref, F2, N.DROPPED, officer="Raj Patel")
    agreement = load_agreement(stored, demo.ref)
    tally = status_tally(agreement)
    assert tally[ItemKind.TARGET][N.AGREED] == 1 and tally[ItemKind.TARGET][N.OPEN] == 12
    assert tally[ItemKind.INDICATOR][N.PARKED] == 1 and tally[ItemKind.INDICATOR][N.OPEN] == 19
    assert tally[ItemKind.FREEDOM][N.DROPPED] == 1
    marks = status_marks(stored, demo.ref)
    assert (marks[T3].status, marks[T3].officer) == (N.AGREED, recorded_by(stored, "Jane Smith"))
    assert marks[I4A].officer == recorded_by(stored, "Raj Patel") and marks[I4A].at is not None


def test_marking_an_unknown_item_is_refused(stored: Store, demo: Agreement) -> None:
    with pytest.raises(NotFoundError, match="no target 99"):
        set_item_status(stored, demo.ref, ItemRef(ItemKind.TARGET, "99"), N.AGREED, officer=OFFICER)


def test_item_refs_parse_and_refuse_what_they_are_not() -> None:
    assert ItemRef.parse("indicator:3a") == ItemRef(ItemKind.INDICATOR, "3a")
    with pytest.raises(ValueError, match="not target, indicator or freedom"):
        ItemRef.parse("schedule:1")
    with pytest.raises(ValueError, match="is not an item"):
        ItemRef.parse("3a")


def test_a_meeting_captures_decisions_and_actions_then_closes_with_a_round(
    stored: Store, demo: Agreement
) -> None:
    meeting = open_meeting(
        stored,
        demo.ref,
        held_on=date(2003, 3, 14),
        place="Guildhall, Bath",
        attendees=[
            Attendee("Jane Smith", "B&NES Council"),
            Attendee("Raj Patel", "ODPM"),
            Attendee("Ann Lee", "B&NES Council"),
        ],
        agenda=[T3, F2],
        officer=OFFICER,
    )
    assert meeting.id is not None and meeting.organisations() == {
        "B&NES Council": ["Jane Smith", "Ann Lee"],
        "ODPM": ["Raj Patel"],
    }
    record_decision(stored, meeting.id, T3, "Weights 60/40 agreed.", officer=OFFICER)
    record_decision(
        stored,
        meeting.id,
        F2,
        "Fall back to 10% carry-forward if pressed.",
        officer=OFFICER,
        internal=True,
    )
    add_action(
        stored,
        meeting.id,
        F2,
        "Confirm Home Office position",
        owner="Raj Patel",
        due=date(2003, 3, 28),
        officer=OFFICER,
    )
    add_action(
        stored, meeting.id, None, "Circulate minutes", owner="Jane Smith", due=None, officer=OFFICER
    )
    mark_action_done(stored, meeting.id, 1, officer=OFFICER)

    done = close_meeting(stored, meeting.id, officer=OFFICER)
    assert done.status is MeetingStatus.CLOSED
    [agreed] = list_rounds(stored, demo.ref)
    assert (agreed.number, agreed.party, agreed.name, agreed.source) == (
        1,
        Party.JOINT,
        "Agreed at meeting of 14 March 2003",
        f"meeting {meeting.id}",
    )
    assert done.round_number == 1
    [stored_meeting] = list_meetings(stored, demo.ref)
    assert [d.text for d in stored_meeting.decisions] == [
        "Weights 60/40 agreed.",
        "Fall back to 10% carry-forward if pressed.",
    ]
    assert [a.text for a in stored_meeting.open_actions] == ["Confirm Home Office position"]


def test_a_closed_meeting_takes_no_more_decisions(stored: Store, demo: Agreement) -> None:
    meeting = open_meeting(
        stored,
        demo.ref,
        held_on=date(2003, 3, 14),
        place="",
        attendees=[],
        agenda=[],
        officer=OFFICER,
    )
    assert meeting.id is not None
    close_meeting(stored, meeting.id, officer=OFFICER)
    with pytest.raises(MeetingClosedError, match="is closed"):
        record_decision(stored, meeting.id, None, "too late", officer=OFFICER)
    with pytest.raises(MeetingClosedError):
        close_meeting(stored, meeting.id, officer=OFFICER)
    assert len(list_rounds(stored, demo.ref)) == 1  # the refused second close took no round


def test_agenda_and_decisions_must_name_items_the_agreement_has(
    stored: Store, demo: Agreement
) -> None:
    with pytest.raises(UnknownItemError, match="no freedom F99"):
        open_meeting(
            stored,
            demo.ref,
            held_on=date(2003, 3, 14),
            place="",
            attendees=[],
            agenda=[ItemRef(ItemKind.FREEDOM, "F99")],
            officer=OFFICER,
        )
    assert list_meetings(stored, demo.ref) == []
