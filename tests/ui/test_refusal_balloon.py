"""A value a cell refuses is said at the cell, where the officer is looking (and in the
status bar); nothing is changed."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QRect, Qt

from lpsa_desktop.services.agreement_edits import FieldAddress, Part, read_field
from tests.ui.conftest import OpenWindow
from tests.ui.test_main_window import type_into_cell


def test_a_refused_outturn_is_named_in_a_note_at_its_cell(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    w = opened.window
    balloon = opened.controller.refusal_balloon
    assert not balloon.isVisible()
    type_into_cell(opened.qtbot, opened, "1", "1a", "actual", "seventy")
    opened.qtbot.waitUntil(balloon.isVisible, timeout=2000)
    assert "Not changed" in balloon.text() and "1a" in balloon.text()
    assert balloon.text() in w.statusBar().currentMessage()
    tree = w.targets.tree
    cell = tree.visualRect(tree.currentIndex())
    at = QRect(tree.viewport().mapTo(w, cell.topLeft()), cell.size())
    # Just under (or over) the cell, beside it horizontally: not at the foot of the window.
    assert abs(balloon.y() - at.bottom()) < 12 or abs(balloon.geometry().bottom() - at.top()) < 12
    assert balloon.x() <= at.right()
    agreement = opened.controller.session.agreement
    assert agreement is not None
    assert read_field(agreement, FieldAddress(Part.INDICATOR, "1a", "actual")) is None
    opened.qtbot.mouseClick(balloon, Qt.MouseButton.LeftButton)  # read: a click puts it away
    assert not balloon.isVisible()
    type_into_cell(opened.qtbot, opened, "1", "1a", "actual", "71")
    opened.wait_idle()
    agreement = opened.controller.session.agreement
    assert agreement is not None
    assert read_field(agreement, FieldAddress(Part.INDICATOR, "1a", "actual")) == Decimal(71)
