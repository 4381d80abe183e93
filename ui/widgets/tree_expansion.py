"""Opening a tree of targets without freezing the window on a very large agreement."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeView

from ui.item_models.target_rows import TargetRowsModel

# expandAll() lays out every row at once: instant for a real agreement (a few dozen
# indicators), over a second for a generated one of 20,000. Past this many rows only the
# first targets are opened; the others open on a click.
EXPAND_ALL_LIMIT = 2000
EXPANDED_WHEN_LARGE = 25


def expand_targets(tree: QTreeView, model: TargetRowsModel) -> None:
    targets = model.rowCount()
    if targets + model.indicator_rows() <= EXPAND_ALL_LIMIT:
        tree.expandAll()
        return
    for row in range(min(targets, EXPANDED_WHEN_LARGE)):
        tree.expand(model.index(row, 0))
