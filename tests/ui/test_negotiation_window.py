"""Rounds, the comparison and item status in the real window over a real store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from lpsa_desktop.domain.enums import NegotiationStatus as N
from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.services.agreement_edits import FieldAddress, Part, read_field
from lpsa_desktop.services.agreement_queries import agreement_history, load_agreement
from lpsa_desktop.services.rounds import list_rounds
from lpsa_desktop.storage.store import Store
from tests.ui.conftest import OpenWindow
from ui.commands.edit_field_command import EditFieldCommand
from ui.commands.item_commands import RemoveItemCommand
from ui.commands.negotiation_commands import SetItemStatusCommand
from ui.dialogs.take_round_dialog import TakeRoundDialog
from ui.item_models.cells import FieldEdit
from ui.item_models.target_columns import COLUMN_INDEX

DEMO = "bath-ne-somerset-lpsa1"
STATUS_3 = FieldAddress(Part.TARGET, "3", "negotiation")


@contextmanager
def store_at(path: Path) -> Iterator[Store]:
    store = Store.open(str(path))
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def opened(open_window: Callable[..., OpenWindow]) -> OpenWindow:
    return open_window()


def take_round(opened: OpenWindow, name: str, party: Party, *, internal: bool = False) -> None:
    opened.window.window_actions.take_round.trigger()
    dialog = opened.controller.negotiating.dialog
    assert isinstance(dialog, TakeRoundDialog)
    assert not dialog.take_button.isEnabled()  # a round needs a name
    dialog.name.setText(name)
    dialog.party.setCurrentIndex(dialog.party.findData(party.value))
    dialog.internal.setChecked(internal)
    dialog.take_button.click()
    opened.wait_idle()


def negotiate(opened: OpenWindow) -> None:
    """Round 1 from the demo; then two stretches raised and target 3 dropped."""
    take_round(opened, "Council proposal 1", Party.COUNCIL)
    session = opened.controller.session
    stack = opened.controller.stack_for(DEMO)
    for indicator, old, new in (("1a", "73", "74"), ("2", "7.6", "7.5")):
        address = FieldAddress(Part.INDICATOR, indicator, "with_")
        stack.push(EditFieldCommand(session, FieldEdit(DEMO, address, Decimal(old), Decimal(new))))
    three = session.agreement.target("3")
    stack.push(RemoveItemCommand(session, DEMO, Part.TARGET, three, 2))
    opened.wait_idle()


def shown_changes(opened: OpenWindow) -> set[tuple[str, ...]]:
    model = opened.window.negotiation.changes_model
    return {
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    }


def test_a_round_taken_in_the_window_is_stored_listed_and_cannot_be_undone(
    opened: OpenWindow, store_path: Path
) -> None:
    w = opened.window
    assert "cannot be undone" in w.window_actions.take_round.text()
    take_round(opened, "Council proposal 1", Party.COUNCIL)
    with store_at(store_path) as store:
        [taken] = list_rounds(store, DEMO)
        assert (taken.number, taken.name, taken.party) == (1, "Council proposal 1", Party.COUNCIL)
        assert agreement_history(store, DEMO)[0].action == "take round"
    assert w.negotiation.rounds_model.rowCount() == 1
    assert opened.controller.stack_for(DEMO).count() == 0  # nothing on the undo list
    assert "cannot be undone" in w.statusBar().currentMessage()
    assert opened.faults.errors == []


def test_comparing_round_1_with_the_current_state_shows_each_change_and_the_reward(
    opened: OpenWindow,
) -> None:
    negotiate(opened)
    w = opened.window
    w.window_actions.show_negotiation.trigger()
    w.negotiation.choose_sides(1, "current")
    opened.wait_idle()
    changes = shown_changes(opened)
    assert {row[:5] for row in changes} == {
        ("Changed", "target 1 / indicator 1a", "With LPSA", "73%", "74%"),
        ("Changed", "target 2 / indicator 2", "With LPSA", "7.6%", "7.5%"),
        ("Removed", "target 3", "", "Improve the education and employment of young people leaving care", ""),
    }  # fmt: skip
    assert {row[6] for row in changes} == {"current state"}
    assert "3 changes from round 1: Council proposal 1" in w.negotiation.summary.text()
    potentials = w.negotiation.potentials_model
    assert potentials.index(0, 1).data() == potentials.index(0, 2).data() == "£3,577,950.00"
    assert potentials.index(1, 1).data() == "£298,162.50"  # 12 targets before, 11 after
    assert potentials.index(1, 2).data() == "£325,268.18"
    w.negotiation.swap_sides()
    opened.wait_idle()
    assert ("Added", "target 3") in {row[:2] for row in shown_changes(opened)}
    assert opened.faults.errors == []


def test_a_later_edit_refreshes_a_comparison_with_the_current_state(opened: OpenWindow) -> None:
    negotiate(opened)
    w = opened.window
    w.window_actions.show_negotiation.trigger()
    w.negotiation.choose_sides(1, "current")
    opened.wait_idle()
    address = FieldAddress(Part.INDICATOR, "4a", "with_")
    edit = FieldEdit(DEMO, address, Decimal("90"), Decimal("91"))
    opened.controller.stack_for(DEMO).push(EditFieldCommand(opened.controller.session, edit))
    opened.wait_idle()
    assert (
        "Changed",
        "target 4 / indicator 4a",
        "With LPSA",
        "90.0 per 1,000",
        "91.0 per 1,000",
    ) in {row[:5] for row in shown_changes(opened)}


def test_marking_an_item_agreed_is_an_undoable_audited_step_with_who_and_when(
    opened: OpenWindow, store_path: Path
) -> None:
    w, session = opened.window, opened.controller.session
    stack = opened.controller.stack_for(DEMO)
    index = w.target_model.index_of("3", None, COLUMN_INDEX["negotiation"])
    assert w.target_model.setData(index, "agreed")  # the Agreed? column, as the officer picks it
    assert isinstance(stack.command(0), SetItemStatusCommand)
    assert stack.undoText() == "mark target 3 agreed"
    assert read_field(session.agreement, STATUS_3) is N.AGREED  # on screen at once
    opened.wait_idle()
    with store_at(store_path) as store:
        assert read_field(load_agreement(store, DEMO), STATUS_3) is N.AGREED
        newest = agreement_history(store, DEMO)[0]
        assert (newest.action, newest.entity, newest.old, newest.new) == (
            "mark target 3 agreed",
            "target 3",
            "open",
            "agreed",
        )
    tooltip = w.target_model.index_of("3", None, COLUMN_INDEX["negotiation"]).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert tooltip.startswith("Agreed: marked by Test Officer on ")
    assert "Targets: 12 open, 1 agreed" in w.overview.negotiation_label.text()
    stack.undo()
    opened.wait_idle()
    with store_at(store_path) as store:
        assert read_field(load_agreement(store, DEMO), STATUS_3) is N.OPEN
        assert agreement_history(store, DEMO)[0].action == "undo mark target 3 agreed"
    assert read_field(session.agreement, STATUS_3) is N.OPEN
    assert "Targets: 13 open" in w.overview.negotiation_label.text()
    stack.redo()
    opened.wait_idle()
    assert read_field(session.agreement, STATUS_3) is N.AGREED
    assert opened.faults.errors == []


def test_a_freedom_is_marked_from_the_freedoms_table_with_who_and_when(
    opened: OpenWindow,
) -> None:
    w = opened.window
    column = [c.field for c in w.freedom_model.columns].index("negotiation")
    assert w.freedom_model.setData(w.freedom_model.index(1, column), "parked")
    opened.wait_idle()
    tooltip = w.freedom_model.index(1, column).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("Parked: marked by Test Officer")
    assert "Freedoms: 6 open, 1 parked" in w.overview.negotiation_label.text()
    assert date.today().strftime("%d/%m/%Y") in tooltip
