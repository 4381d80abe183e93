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


def test_in_presentation_mode_the_title_and_the_councils_are_shown_whole(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    w = opened.window
    w.resize(1366, 768)
    w.window_actions.show_overview.trigger()
    w.window_actions.presentation_mode.trigger()
    opened.qtbot.wait(120)
    QApplication.processEvents()
    overview = w.overview
    title = overview.fields["title"]
    # Across the panel, not in a third of it: the whole title fits in the box.
    assert title.width() > overview.viewport().width() * 0.8
    assert title.fontMetrics().horizontalAdvance(title.text()) < title.contentsRect().width()
    councils = overview.councils.list
    assert councils.wordWrap() and not councils.horizontalScrollBar().isVisible()
    first = councils.item(0)
    assert councils.visualItemRect(first).height() >= 2 * councils.fontMetrics().height()
    assert not first.isSelected()  # nothing reads as chosen on the wall
    assert opened.faults.errors == []
