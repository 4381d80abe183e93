"""Rounds, comparisons and meetings as item models, without a window."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.comparison import Comparison, Position, compare_positions
from lpsa_desktop.domain.meetings import (
    ActionItem,
    Attendee,
    Decision,
    ItemKind,
    ItemRef,
    Meeting,
    MeetingStatus,
)
from lpsa_desktop.domain.rounds import Party, Round
from tests.core.negotiation.helpers import drop_target, set_with
from ui.item_models.meeting_models import ActionTableModel, DecisionTableModel, MeetingListModel
from ui.item_models.round_models import (
    KIND_TINTS,
    MOVED_TINT,
    ComparisonModel,
    PotentialsModel,
    RoundListModel,
)

T1 = ItemRef(ItemKind.TARGET, "1")
BG = Qt.ItemDataRole.BackgroundRole


@pytest.fixture
def rounds(demo: Agreement) -> tuple[Round, ...]:
    return (
        Round(demo.ref, 1, "Council proposal 1", Party.COUNCIL, date(2003, 1, 14), demo),
        Round(demo.ref, 2, "Fall-back", Party.COUNCIL, date(2003, 1, 20), demo, internal=True),
    )


@pytest.fixture
def meeting(demo: Agreement) -> Meeting:
    at = datetime(2003, 3, 14, 10, 30)
    return Meeting(
        demo.ref,
        date(2003, 3, 14),
        "Guildhall, Bath",
        attendees=(Attendee("Jane Smith", "B&NES Council"), Attendee("Raj Patel", "ODPM")),
        agenda=(T1,),
        decisions=(
            Decision(T1, "Weights 60/40 agreed.", at, "Jane"),
            Decision(T1, "Fall back to 70% if pressed.", at, "Jane", internal=True),
        ),
        actions=(
            ActionItem(None, "Check the baseline", "Ann Lee", None, internal=True),
            ActionItem(T1, "Confirm in writing", "Raj Patel", date(2003, 3, 28)),
        ),
        id=1,
    )


def comparison_of(demo: Agreement) -> Comparison:
    """1a and 2 raised, target 3 dropped, target 12 renumbered 14."""
    after = drop_target(set_with(set_with(demo, "1a", "74"), "2", "7.5"), "3")
    renumbered = dataclasses.replace(
        after,
        targets=tuple(
            dataclasses.replace(t, ref="14") if t.ref == "12" else t for t in after.targets
        ),
    )
    before = Position("round 1: Council proposal 1", demo, Party.COUNCIL)
    return compare_positions(before, Position("current", renumbered))


def test_every_negotiation_model_passes_the_model_tester(
    qtmodeltester: ModelTester, demo: Agreement, rounds: tuple[Round, ...], meeting: Meeting
) -> None:
    round_list, changes, potentials = RoundListModel(), ComparisonModel(), PotentialsModel()
    meetings, decisions, actions = MeetingListModel(), DecisionTableModel(), ActionTableModel()
    for empty in (round_list, changes, potentials, meetings, decisions, actions):
        qtmodeltester.check(empty, force_py=True)
    round_list.set_rounds(rounds)
    comparison = comparison_of(demo)
    changes.set_comparison(comparison)
    potentials.set_comparison(comparison)
    meetings.set_meetings((meeting,), show_internal=True)
    decisions.set_meeting(meeting, show_internal=True)
    actions.set_meeting(meeting, show_internal=False)
    for model in (round_list, changes, potentials, meetings, decisions, actions):
        qtmodeltester.check(model, force_py=True)


def test_internal_rounds_are_marked(rounds: tuple[Round, ...]) -> None:
    model = RoundListModel()
    model.set_rounds(rounds)
    assert model.index(0, 0).data() == "1. Council proposal 1\ncouncil · 14/01/2003"
    assert model.index(1, 0).data().endswith("· internal")
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).italic()


def test_changes_are_shown_side_by_side_and_coloured_by_kind(demo: Agreement) -> None:
    model = ComparisonModel()
    model.set_comparison(comparison_of(demo))
    rows = {
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    }
    assert (
        "Changed",
        "target 1 / indicator 1a",
        "With LPSA",
        "73",  # no agreement given: the levels as recorded
        "74",
        "–",
        "current state",
    ) in rows
    kinds = {model.index(r, 0).data(): model.index(r, 3).data(BG) for r in range(model.rowCount())}
    assert set(kinds) == {"Changed", "Removed", "Renumbered"}
    assert len({colour.name() for colour in kinds.values()}) == 3  # each kind its own colour
    model.set_comparison(comparison_of(demo), agreement=demo)  # levels with their units
    levels = {
        (model.index(r, 2).data(), model.index(r, 3).data(), model.index(r, 4).data())
        for r in range(model.rowCount())
    }
    assert ("With LPSA", "73%", "74%") in levels and ("Ref", "12", "14") in levels
    assert kinds["Renumbered"] == KIND_TINTS["renumbered"]


def test_the_pot_and_potentials_show_pence_and_changed_ones_are_highlighted(
    demo: Agreement,
) -> None:
    model = PotentialsModel()
    model.set_comparison(comparison_of(demo))
    assert [model.index(0, c).data() for c in range(3)] == [
        "Reward pot",
        "£3,577,950.00",
        "£3,577,950.00",
    ]
    assert model.index(0, 1).data(BG) is None  # the pot is unchanged
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    three = labels.index("Target 3")
    assert model.index(three, 2).data() == "–" and model.index(three, 1).data(BG) == MOVED_TINT
    assert model.index(1, 1).data() == "£298,162.50"
    assert model.index(1, 2).data() == "£325,268.18" and model.index(1, 2).data(BG) == MOVED_TINT


def test_meeting_tables_hide_internal_entries_in_presentation_mode(meeting: Meeting) -> None:
    decisions, actions, meetings = DecisionTableModel(), ActionTableModel(), MeetingListModel()
    decisions.set_meeting(meeting, show_internal=True)
    assert decisions.rowCount() == 2 and decisions.index(1, 2).data() == "internal"
    decisions.set_meeting(meeting, show_internal=False)
    assert [decisions.index(r, 1).data() for r in range(decisions.rowCount())] == [
        "Weights 60/40 agreed."
    ]
    actions.set_meeting(meeting, show_internal=False)
    assert [actions.index(r, 2).data() for r in range(actions.rowCount())] == ["Confirm in writing"]
    assert actions.index(0, 4).data() == "28/03/2003"
    meetings.set_meetings((meeting,), show_internal=False)
    assert meetings.index(0, 0).data() == "14/03/2003 · open\nGuildhall, Bath"
    assert meetings.index(0, 1).data() == "1"  # the internal open action is not counted
    meetings.set_meetings((meeting,), show_internal=True)
    assert meetings.index(0, 1).data() == "2"
    assert meeting.status is MeetingStatus.OPEN


def test_ticking_an_action_names_its_place_in_the_meeting_even_with_internal_ones_hidden(
    qtbot: QtBot, meeting: Meeting
) -> None:
    actions = ActionTableModel()
    actions.set_meeting(meeting, show_internal=False)
    with qtbot.waitSignal(actions.done_toggled) as ticked:
        assert actions.setData(
            actions.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
        )
    assert ticked.args == [1, True]  # the second action of the meeting: the first is internal
    # The model itself is unchanged: the undo command's write brings the tick back.
    assert actions.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
