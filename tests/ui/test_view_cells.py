"""The rows a paste runs down are the rows on show, in the order ``indexBelow`` gives."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeView

from tests.ui.conftest import OpenWindow
from ui.clipboard.view_cells import shown_rows, visible_rows


def _below(tree: QTreeView) -> list[tuple[int, int]]:
    rows, index = [], tree.model().index(0, 0)
    while index.isValid():
        rows.append((index.row(), index.internalId()))
        index = tree.indexBelow(index)
    return rows


def test_shown_rows_walk_the_tree_as_index_below_does(
    open_window: Callable[..., OpenWindow],
) -> None:
    tree = open_window().window.targets.tree
    model = tree.model()
    assert len(_below(tree)) > model.rowCount()  # targets and their indicators
    tree.collapse(model.index(1, 0))  # a folded target: its indicators are not on show
    tree.setRowHidden(0, model.index(2, 0), True)  # nor is a hidden row
    walked = shown_rows(tree)
    assert [(r.row(), r.internalId()) for r, _parent in walked] == _below(tree)
    assert all(r.parent() == parent for r, parent in walked)
    assert [(r.row(), r.internalId()) for r in visible_rows(tree)] == _below(tree)
    assert walked[0][1] == QModelIndex()
