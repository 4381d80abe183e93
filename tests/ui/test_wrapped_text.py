"""Long titles and requests wrap, and their rows grow to show them whole."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from tests.ui.conftest import OpenWindow
from ui.item_models.target_columns import COLUMN_INDEX


def test_a_long_target_title_wraps_onto_a_taller_row(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    opened.window.window_actions.show_targets.trigger()
    tree = opened.window.targets.tree
    title = COLUMN_INDEX["title"]
    tree.header().resizeSection(title, 220)
    opened.qtbot.wait(120)  # the relayout after a resize is coalesced
    QApplication.processEvents()
    line = tree.fontMetrics().height()
    first = tree.model().index(0, title)  # "Raise the attainment of 14-year-olds in English…"
    assert tree.visualRect(first).height() >= 2 * line
    assert tree.wordWrap()


def test_a_long_freedom_request_wraps(open_window: Callable[..., OpenWindow]) -> None:
    opened = open_window()
    opened.window.window_actions.show_freedoms.trigger()
    table = opened.window.freedoms.table
    assert table.wordWrap()
    table.resizeRowsToContents()
    tallest = max(table.rowHeight(r) for r in range(table.model().rowCount()))
    assert tallest >= 2 * table.fontMetrics().height()
