"""After a round is taken the comparison starts on that round → the current state (not
"Current state → Current state"); with nothing changed since, on the last two rounds."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from tests.ui.conftest import OpenWindow
from tests.ui.test_negotiation_window import DEMO, shown_changes, take_round
from ui.commands.edit_field_command import EditFieldCommand
from ui.item_models.cells import FieldEdit


def test_the_comparison_starts_on_the_newest_round_then_the_last_two(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    w = opened.window
    w.window_actions.show_negotiation.trigger()
    take_round(opened, "Council proposal 1", Party.COUNCIL)
    assert w.negotiation.sides() == (1, "current")
    address = FieldAddress(Part.INDICATOR, "1a", "with_")
    edit = FieldEdit(DEMO, address, Decimal("73"), Decimal("74"))
    opened.controller.stack_for(DEMO).push(EditFieldCommand(opened.controller.session, edit))
    opened.wait_idle()
    assert w.negotiation.sides() == (1, "current")
    assert ("Changed", "target 1 / indicator 1a") in {r[:2] for r in shown_changes(opened)}
    take_round(opened, "Government response", Party.GOVERNMENT)
    # Round 2 is the current state: what it changed from round 1 is shown instead.
    opened.qtbot.waitUntil(lambda: w.negotiation.sides() == (1, 2), timeout=5000)
    opened.wait_idle()
    assert ("Changed", "target 1 / indicator 1a") in {r[:2] for r in shown_changes(opened)}
    # A side the officer picks stays picked when the record is read again.
    w.negotiation.choose_sides(2, "current")
    opened.wait_idle()
    opened.controller.stack_for(DEMO).undo()
    opened.wait_idle()
    assert w.negotiation.sides() == (2, "current")
    assert opened.faults.errors == []
