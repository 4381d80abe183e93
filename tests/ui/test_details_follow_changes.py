"""The details pane shows the current item as it is now: a paste or edit of its row (or its
target's) is shown there; changes to other rows leave the pane alone."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from tests.ui.conftest import OpenWindow
from ui.item_models.target_columns import COLUMN_INDEX


def test_details_follow_the_current_row_and_its_target(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    panel, session = opened.window.targets, opened.controller.session
    model, tree = panel.model, panel.tree
    target_row = model.index(0, 0)
    current = model.index(0, COLUMN_INDEX["actual"], target_row)
    tree.setCurrentIndex(current)
    shown: list[object] = []
    original = panel.details.show_item
    panel.details.show_item = lambda item, target=None: (  # type: ignore[method-assign]
        shown.append(item),
        original(item, target),
    )[1]
    other = model.index(0, COLUMN_INDEX["actual"], model.index(1, 0))
    assert model.setData(other, "6.9")  # another target's indicator: not news for the pane
    opened.wait_idle()
    assert shown == []
    assert model.setData(current, "7.3")
    opened.wait_idle()
    indicator = panel.current_indicator()
    assert indicator is not None and indicator.actual == Decimal("7.3")
    assert shown and shown[-1] is indicator  # the pane shows the edited indicator itself
    shown.clear()
    assert model.setData(target_row.siblingAtColumn(COLUMN_INDEX["title"]), "A new title")
    opened.wait_idle()
    assert shown, "the indicator's target changed: the pane reads its title too"
    assert session.agreement is not None and not opened.faults.errors
