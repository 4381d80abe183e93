"""Running a meeting in the real window: open it, decisions and actions (undoable), close it,
minutes; and what presentation mode keeps off the wall."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from lpsa_desktop.domain.meetings import ItemKind, ItemRef, Meeting, MeetingStatus
from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.services.agreement_queries import agreement_history
from lpsa_desktop.services.meetings import list_meetings
from lpsa_desktop.services.rounds import list_rounds
from lpsa_desktop.storage.store import Store
from tests.ui.conftest import OpenWindow
from tests.ui.test_negotiation_window import take_round
from ui.dialogs.confirm_dialog import ConfirmDialog
from ui.dialogs.open_meeting_dialog import OpenMeetingDialog

DEMO = "bath-ne-somerset-lpsa1"
T3, F2 = ItemRef(ItemKind.TARGET, "3"), ItemRef(ItemKind.FREEDOM, "F2")


@contextmanager
def store_at(path: Path) -> Iterator[Store]:
    store = Store.open(str(path))
    try:
        yield store
    finally:
        store.close()


def stored_meeting(path: Path) -> Meeting:
    with store_at(path) as store:
        [meeting] = list_meetings(store, DEMO)
    return meeting


@pytest.fixture
def meeting(open_window: Callable[..., OpenWindow]) -> OpenWindow:
    """A window with a meeting open on target 3 and freedom F2."""
    opened = open_window()
    opened.window.window_actions.open_meeting.trigger()
    dialog = opened.controller.negotiating.dialog
    assert isinstance(dialog, OpenMeetingDialog)
    dialog.held_on.setDate(date(2003, 3, 14))
    dialog.place.setText("Guildhall, Bath")
    dialog.attendees.setPlainText("Jane Smith, B&NES Council\nRaj Patel, ODPM")
    dialog.tick(T3, F2)
    dialog.accept()
    opened.wait_idle()
    assert opened.window.meetings.chosen() is not None
    return opened


def record_decision(opened: OpenWindow, item: ItemRef, text: str, *, internal: bool) -> None:
    details = opened.window.meetings.details
    details.choose_agenda_item(item)
    details.decision_entry.text.setText(text)
    details.decision_entry.internal.setChecked(internal)
    details.decision_entry.submit()
    opened.wait_idle()


def add_action(opened: OpenWindow, text: str, owner: str, *, internal: bool) -> None:
    entry = opened.window.meetings.details.action_entry
    entry.text.setText(text)
    entry.owner.setEditText(owner)
    entry.due.setDate(date(2003, 3, 28))
    entry.internal.setChecked(internal)
    entry.submit()
    opened.wait_idle()


def test_opening_a_meeting_shows_it_with_its_attendees_and_agenda(
    meeting: OpenWindow, store_path: Path
) -> None:
    w = meeting.window
    stored = stored_meeting(store_path)
    assert (stored.held_on, stored.place, stored.agenda) == (
        date(2003, 3, 14),
        "Guildhall, Bath",
        (T3, F2),
    )
    assert stored.organisations() == {"B&NES Council": ["Jane Smith"], "ODPM": ["Raj Patel"]}
    assert w.tabs.currentWidget() is w.meetings
    assert w.meetings.model.index(0, 0).data() == "14/03/2003 · open\nGuildhall, Bath"
    assert "ODPM: Raj Patel" in w.meetings.details.attendees.text()
    assert w.meetings.details.agenda_item() == T3  # the first agenda item is chosen
    assert meeting.faults.errors == []


def test_a_decision_is_recorded_against_the_item_chosen_and_undo_takes_it_back(
    meeting: OpenWindow, store_path: Path
) -> None:
    stack = meeting.controller.stack_for(DEMO)
    record_decision(meeting, F2, "Home Office to confirm in writing.", internal=False)
    [decision] = stored_meeting(store_path).decisions
    assert (decision.item, decision.text, decision.internal) == (F2, "Home Office to confirm in writing.", False)  # fmt: skip
    assert stack.undoText().startswith("record decision “Home Office to confirm")
    model = meeting.window.meetings.details.decisions_model
    assert model.index(0, 0).data() == "freedom F2"
    stack.undo()
    meeting.wait_idle()
    assert stored_meeting(store_path).decisions == ()
    assert model.rowCount() == 0
    with store_at(store_path) as store:
        assert agreement_history(store, DEMO)[0].action == "undo record decision"
    stack.redo()
    meeting.wait_idle()
    assert [d.text for d in stored_meeting(store_path).decisions] == [
        "Home Office to confirm in writing."
    ]
    assert meeting.faults.errors == []


def test_an_action_item_and_its_tick_are_undoable_steps(
    meeting: OpenWindow, store_path: Path
) -> None:
    stack = meeting.controller.stack_for(DEMO)
    add_action(meeting, "Cost the mentoring scheme", "Raj Patel", internal=False)
    [action] = stored_meeting(store_path).actions
    assert (action.text, action.owner, action.due, action.item) == (
        "Cost the mentoring scheme",
        "Raj Patel",
        date(2003, 3, 28),
        T3,
    )
    actions = meeting.window.meetings.details.actions_model
    actions.setData(actions.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    meeting.wait_idle()
    assert stored_meeting(store_path).actions[0].done
    assert meeting.window.meetings.model.index(0, 1).data() == "0"  # no open actions left
    stack.undo()  # the tick
    meeting.wait_idle()
    assert not stored_meeting(store_path).actions[0].done
    stack.undo()  # the action
    meeting.wait_idle()
    assert stored_meeting(store_path).actions == ()
    stack.redo()
    meeting.wait_idle()
    assert [a.text for a in stored_meeting(store_path).actions] == ["Cost the mentoring scheme"]
    assert meeting.faults.errors == []


def test_closing_asks_first_then_records_the_joint_round_and_is_not_on_the_undo_list(
    meeting: OpenWindow, store_path: Path, tmp_path: Path
) -> None:
    w, stack = meeting.window, meeting.controller.stack_for(DEMO)
    record_decision(meeting, T3, "Target 3 agreed as proposed.", internal=False)
    steps = stack.count()
    assert "cannot be undone" in w.window_actions.close_meeting.text()
    w.window_actions.close_meeting.trigger()
    confirm = meeting.controller.negotiating.dialog
    assert isinstance(confirm, ConfirmDialog)
    assert "cannot be undone" in confirm.informativeText()
    assert confirm.defaultButton() is confirm.cancel_button
    confirm.confirm_button.click()
    meeting.wait_idle()
    closed = stored_meeting(store_path)
    assert (closed.status, closed.round_number) == (MeetingStatus.CLOSED, 1)
    with store_at(store_path) as store:
        [agreed] = list_rounds(store, DEMO)
    assert (agreed.party, agreed.name) == (Party.JOINT, "Agreed at meeting of 14 March 2003")
    assert stack.count() == steps
    assert w.meetings.model.index(0, 2).data() == "1"
    assert not w.meetings.details.decision_entry.isEnabled()
    assert not w.window_actions.record_decision.isEnabled()
    for name in ("minutes.pdf", "minutes.docx"):
        meeting.controller.negotiating.export_minutes(tmp_path / name)
        meeting.wait_idle()
        assert (tmp_path / name).stat().st_size > 1000
    assert "Wrote the minutes" in w.statusBar().currentMessage()
    assert meeting.faults.errors == []


def test_undoing_a_decision_after_the_meeting_closed_is_refused_in_plain_words(
    meeting: OpenWindow, store_path: Path
) -> None:
    record_decision(meeting, T3, "Agreed.", internal=False)
    meeting.controller.negotiation.close_meeting(stored_meeting(store_path).id or 0)
    meeting.wait_idle()
    meeting.controller.stack_for(DEMO).undo()
    meeting.wait_idle()
    assert len(stored_meeting(store_path).decisions) == 1
    refusal = meeting.window.findChild(QMessageBox, "refusalDialog")
    assert refusal is not None and "is closed" in refusal.text()
    assert meeting.faults.errors == []


def test_presentation_mode_hides_internal_rounds_decisions_and_actions(
    meeting: OpenWindow,
) -> None:
    w = meeting.window
    take_round(meeting, "Council proposal", Party.COUNCIL)
    take_round(meeting, "Our fall-back", Party.COUNCIL, internal=True)
    record_decision(meeting, T3, "Weights 60/40 agreed.", internal=False)
    record_decision(meeting, T3, "Fall back to 70% if pressed.", internal=True)
    add_action(meeting, "Confirm in writing", "Raj Patel", internal=False)
    add_action(meeting, "Check our costs", "Jane Smith", internal=True)
    details = w.meetings.details
    assert w.negotiation.rounds_model.rowCount() == 2
    assert details.decisions_model.rowCount() == 2 and details.actions_model.rowCount() == 2

    w.window_actions.presentation_mode.trigger()
    meeting.wait_idle()
    rounds = w.negotiation.rounds_model
    assert [rounds.index(r, 0).data().split("\n")[0] for r in range(rounds.rowCount())] == [
        "1. Council proposal"
    ]
    pickers = [w.negotiation.before.itemText(i) for i in range(w.negotiation.before.count())]
    assert not any("fall-back" in text for text in pickers)
    decisions = details.decisions_model
    assert [decisions.index(r, 1).data() for r in range(decisions.rowCount())] == [
        "Weights 60/40 agreed."
    ]
    assert details.actions_model.rowCount() == 1
    assert details.decision_entry.internal.isHidden()
    assert w.meetings.model.index(0, 1).data() == "1"  # the internal open action is not counted
    w.window_actions.show_negotiation.trigger()
    w.negotiation.choose_sides(1, "current")
    meeting.wait_idle()
    assert "round 2" not in " ".join(
        str(w.negotiation.changes_model.index(r, 6).data())
        for r in range(w.negotiation.changes_model.rowCount())
    )

    w.window_actions.presentation_mode.trigger()
    meeting.wait_idle()
    assert w.negotiation.rounds_model.rowCount() == 2
    assert details.decisions_model.rowCount() == 2 and details.actions_model.rowCount() == 2
    assert meeting.faults.errors == []
