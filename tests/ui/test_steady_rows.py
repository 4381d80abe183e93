"""A paste of figures repaints without measuring rows again; a changed title still does."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QApplication, QTreeView

from tests.ui.conftest import OpenWindow
from ui.clipboard.view_cells import visible_rows
from ui.item_models.reward_tree_model import OUTTURN_COLUMN as OUTTURN_IN_REWARD
from ui.item_models.target_columns import COLUMN_INDEX
from ui.widgets.cell_delegate import CellDelegate

OUTTURN = COLUMN_INDEX["actual"]
TITLE = COLUMN_INDEX["title"]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The delegate's size measurements (counted from before the window is made: Qt finds
    a Python override once per object)."""
    made: list[int] = []
    size_hint = CellDelegate.sizeHint

    def counted(self: CellDelegate, option: Any, index: Any) -> Any:
        made.append(index.column())
        return size_hint(self, option, index)

    monkeypatch.setattr(CellDelegate, "sizeHint", counted)
    return made


@pytest.fixture
def opened(open_window: Callable[..., OpenWindow], calls: list[int]) -> OpenWindow:
    opened = open_window()
    opened.window.window_actions.show_targets.trigger()
    tree = opened.window.targets.tree
    tree.header().resizeSection(TITLE, 220)  # the demo's titles wrap onto several lines
    opened.qtbot.wait(120)  # the relayout after a resize is coalesced
    QApplication.processEvents()
    return opened


def heights(tree: QTreeView) -> list[int]:
    return [tree.visualRect(row).height() for row in visible_rows(tree)]


def test_pasted_outturns_show_in_every_cell_and_leave_row_heights_alone(
    opened: OpenWindow, calls: list[int]
) -> None:
    tree = opened.window.targets.tree
    rows = [r for r in visible_rows(tree) if r.parent().isValid()]
    before = heights(tree)
    assert max(before) > min(before)  # wrapped titles: rows of several heights
    tree.setFocus()
    tree.selectionModel().setCurrentIndex(
        rows[0].siblingAtColumn(OUTTURN), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    calls.clear()
    block = [[f"{40 + n}.5"] for n in range(len(rows))]
    opened.controller.clipboard.paste_into(tree, block, "paste")
    QApplication.processEvents()
    # Without steady rows every cell of every pasted row was measured again (12 a row).
    assert len(calls) < len(rows), len(calls)
    opened.wait_idle()
    assert heights(tree) == before
    tree.doItemsLayout()  # measured from scratch: the heights kept were the right ones
    assert heights(tree) == before
    for n, row in enumerate(rows):
        cell = row.siblingAtColumn(OUTTURN)
        shown = tree.model().data(cell)
        assert Decimal(shown.strip("%£").replace(",", "")) == Decimal(f"{40 + n}.5"), (n, shown)
    agreement = opened.controller.session.agreement
    assert agreement is not None
    stored = [i.actual for t in agreement.targets for i in t.indicators]
    assert stored == [Decimal(f"{40 + n}.5") for n in range(len(rows))]
    reward = opened.window.reward.model  # the reward shows them too (reserves carry none)
    shown_there = [
        reward.data(reward.index(child, OUTTURN_IN_REWARD, reward.index(top, 0)))
        for top in range(reward.rowCount())
        for child in range(reward.rowCount(reward.index(top, 0)))
    ]
    active = [i.actual for t in agreement.active_targets for i in t.indicators]
    assert [Decimal(text.strip("%£").replace(",", "")) for text in shown_there] == active
    assert opened.faults.errors == []


def test_a_longer_title_still_makes_its_row_taller(opened: OpenWindow) -> None:
    tree = opened.window.targets.tree
    row = next(r for r in visible_rows(tree) if r.parent().isValid())
    cell: QModelIndex = row.siblingAtColumn(TITLE)
    was = tree.visualRect(cell).height()
    assert tree.model().setData(cell, "A much longer description " * 8)
    opened.wait_idle()
    QApplication.processEvents()
    taller = tree.visualRect(row.siblingAtColumn(TITLE)).height()
    assert taller > was
    assert tree.model().setData(row.siblingAtColumn(TITLE), "Short")
    opened.wait_idle()
    QApplication.processEvents()
    assert tree.visualRect(row.siblingAtColumn(TITLE)).height() < taller
