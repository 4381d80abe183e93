"""Rows of a tree that grow to show their whole text, wrapped at the column's width.

QTreeView asks the delegate for a row's size without telling it how wide the column is, so
wrapped text came back one line high and long titles were cut off. Here the height is
measured at the width the column has on screen, and the rows are laid out again when a
column is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem, QTreeView

from ui.widgets.steady_rows import SteadyRowsTree

Index = QModelIndex | QPersistentModelIndex
_PADDING = 6  # the cell's margins, top and bottom together


def wrapped_height(
    tree: QTreeView, option: QStyleOptionViewItem, index: Index, base: QSize
) -> QSize:
    """``base`` made tall enough for the cell's text wrapped at its column's width."""
    if not tree.wordWrap() or tree.uniformRowHeights():
        return base
    if isinstance(tree, SteadyRowsTree) and tree.is_steady(index.column()):
        return base  # one line, so that the tree need not measure it again (steady_rows)
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if not isinstance(text, str) or not text:
        return base
    width = tree.header().sectionSize(index.column()) - 2 * _PADDING
    if index.column() == tree.treePosition():
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width -= tree.indentation() * (depth + 1)
    font = index.data(Qt.ItemDataRole.FontRole)
    metrics = QFontMetrics(font) if isinstance(font, QFont) else option.fontMetrics
    needed = metrics.boundingRect(
        QRect(0, 0, max(width, 20), 100_000), Qt.TextFlag.TextWordWrap, text
    ).height()
    return QSize(base.width(), max(base.height(), needed + _PADDING))


def relayout_on_resize(tree: QTreeView) -> None:
    """Lay the rows out again (once, after the last of a burst) when a column is resized."""
    timer = QTimer(tree)
    timer.setSingleShot(True)
    timer.setInterval(50)
    timer.timeout.connect(tree.doItemsLayout)
    tree.header().sectionResized.connect(lambda *_: timer.start())
