"""What the window's undo and presentation mode need from the core: taking back the last
decision or action of an open meeting, and comparisons that show only shared positions."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.meetings import (
    ItemKind,
    ItemRef,
    MeetingClosedError,
    NothingToTakeBackError,
)
from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.errors import NotFoundError
from lpsa_desktop.services.agreement_editing import create_agreement, update_agreement
from lpsa_desktop.services.agreement_queries import agreement_history
from lpsa_desktop.services.meetings import (
    add_action,
    close_meeting,
    get_meeting,
    open_meeting,
    record_decision,
    remove_last_action,
    remove_last_decision,
)
from lpsa_desktop.services.rounds import compare_rounds, take_round
from lpsa_desktop.storage.store import Store
from tests.conftest import OFFICER
from tests.core.negotiation.helpers import set_with

T3 = ItemRef(ItemKind.TARGET, "3")


pytestmark = pytest.mark.both_engines


@pytest.fixture
def meeting_id(store: Store, demo: Agreement) -> int:
    create_agreement(store, demo, officer=OFFICER)
    meeting = open_meeting(store, demo.ref, held_on=date(2003, 3, 14), place="Guildhall",
                           attendees=[], agenda=[T3], officer=OFFICER)  # fmt: skip
    assert meeting.id is not None
    return meeting.id


def test_the_last_decision_of_an_open_meeting_can_be_taken_back_and_it_is_audited(
    store: Store, demo: Agreement, meeting_id: int
) -> None:
    record_decision(store, meeting_id, T3, "Weights 60/40 agreed.", officer=OFFICER)
    record_decision(store, meeting_id, None, "Next meeting in April.", officer=OFFICER)
    meeting = remove_last_decision(
        store, meeting_id, text="Next meeting in April.", item=None, officer=OFFICER
    )
    assert [d.text for d in meeting.decisions] == ["Weights 60/40 agreed."]
    assert get_meeting(store, meeting_id) == meeting
    newest = agreement_history(store, demo.ref)[0]
    assert (newest.action, newest.entity, newest.new) == (
        "undo record decision",
        f"meeting {meeting_id}",
        "Next meeting in April.",
    )


def test_the_last_action_can_be_taken_back_but_only_the_one_meant(
    store: Store, meeting_id: int
) -> None:
    add_action(store, meeting_id, T3, "Check the baseline", owner="Ann Lee", due=None,
               officer=OFFICER)  # fmt: skip
    with pytest.raises(NothingToTakeBackError, match="another window"):
        remove_last_action(store, meeting_id, text="Something else", owner="Ann Lee", item=T3,
                           officer=OFFICER)  # fmt: skip
    assert len(get_meeting(store, meeting_id).actions) == 1  # refused: nothing removed
    meeting = remove_last_action(store, meeting_id, text="Check the baseline", owner="Ann Lee",
                                 item=T3, officer=OFFICER)  # fmt: skip
    assert meeting.actions == ()
    with pytest.raises(NothingToTakeBackError, match="no action items"):
        remove_last_action(store, meeting_id, text="x", owner="y", item=None, officer=OFFICER)


def test_nothing_is_taken_back_from_a_closed_meeting(store: Store, meeting_id: int) -> None:
    record_decision(store, meeting_id, T3, "Agreed.", officer=OFFICER)
    close_meeting(store, meeting_id, officer=OFFICER)
    with pytest.raises(MeetingClosedError, match="is closed"):
        remove_last_decision(store, meeting_id, text="Agreed.", item=T3, officer=OFFICER)
    assert len(get_meeting(store, meeting_id).decisions) == 1


@pytest.fixture
def with_internal_round(store: Store, demo: Agreement) -> Store:
    """1 council (shared); 2 the council's fall-back (internal); the current state."""
    create_agreement(store, demo, officer=OFFICER)
    take_round(store, demo.ref, name="Council proposal", party=Party.COUNCIL, officer=OFFICER)

    def fall_back(a: Agreement) -> Agreement:
        return dataclasses.replace(set_with(a, "2", "7.9"), internal_notes="Our bottom line")

    update_agreement(store, demo.ref, fall_back, officer=OFFICER, action="edit")
    take_round(store, demo.ref, name="Fall-back", party=Party.COUNCIL, officer=OFFICER,
               internal=True)  # fmt: skip
    return store


def test_a_shared_comparison_never_names_an_internal_round_or_internal_notes(
    with_internal_round: Store, demo: Agreement
) -> None:
    full = compare_rounds(with_internal_round, demo.ref, 1, "current")
    assert {c.by for c in full.changes} == {"round 2: Fall-back"}
    assert any(c.change.field == "internal_notes" for c in full.changes)
    shared = compare_rounds(with_internal_round, demo.ref, 1, "current", shared_only=True)
    assert {c.by for c in shared.changes} == {"current"}
    assert [str(c.change) for c in shared.changes] == [
        "target 2 / indicator 2 / With LPSA: 7.6 → 7.9"
    ]
    with pytest.raises(NotFoundError, match="no shared round 2"):
        compare_rounds(with_internal_round, demo.ref, 2, "current", shared_only=True)
