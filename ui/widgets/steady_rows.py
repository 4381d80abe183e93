"""A tree of rows that grow, which does not measure a row again for a change that cannot
make it taller.

QTreeView answers every ``dataChanged`` by asking the delegate for the height of each cell
of each changed row (all columns, on screen or not), whatever the columns and roles
announced. With wrapped titles that is a dozen Python calls a row: a paste of 1,000
outturns spent 2.7 s in them. Here the view is told which columns can change a row's
height (their text can wrap); a change confined to the other columns (figures, which never
contain a break), or to roles that do not affect size (tints, tooltips), only repaints.
``wrapped_height`` gives the other columns one line, so skipping the measure is exact.
(Accessibility is not told of such a multi-row change cell by cell; the view repaints.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

Index = QModelIndex | QPersistentModelIndex
_SIZELESS_ROLES = frozenset(
    {
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.StatusTipRole,
        Qt.ItemDataRole.WhatsThisRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
    }
)


class SteadyRowsTree(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steady: frozenset[int] = frozenset()

    def set_steady_columns(self, columns: Iterable[int]) -> None:
        """The columns whose cells are always one line high (their text never wraps)."""
        self._steady = frozenset(columns)

    def is_steady(self, column: int) -> bool:
        return column in self._steady

    def dataChanged(self, topLeft: Index, bottomRight: Index, roles: Sequence[int] = ()) -> None:
        if not self._no_height_change(topLeft, bottomRight, roles):
            super().dataChanged(topLeft, bottomRight, list(roles))
        elif topLeft == bottomRight:
            # Qt's own repaint of the cell (and of its open editor), without QTreeView's
            # re-measuring of the row.
            QAbstractItemView.dataChanged(self, topLeft, bottomRight, list(roles))
        else:
            self._repaint(topLeft, bottomRight, list(roles))

    def _repaint(self, top_left: Index, bottom_right: Index, roles: list[int]) -> None:
        """Repaint what is on screen. Qt would work out the rectangle of each changed row,
        which measures every row between the top of the view and it (1,000 rows below the
        fold: 1.7 s); painting measures only the rows it paints."""
        current = self.currentIndex()
        if (
            self.state() is QAbstractItemView.State.EditingState
            and current.parent() == top_left.parent()
            and top_left.row() <= current.row() <= bottom_right.row()
            and top_left.column() <= current.column() <= bottom_right.column()
        ):
            QAbstractItemView.dataChanged(self, current, current, roles)  # its editor's text
        self.viewport().update()

    def _no_height_change(self, top_left: Index, bottom_right: Index, roles: Sequence[int]) -> bool:
        if self.uniformRowHeights() or not self.wordWrap():
            return False  # Qt measures nothing per row then anyway; keep its behaviour
        if roles and all(Qt.ItemDataRole(role) in _SIZELESS_ROLES for role in roles):
            return True
        return all(
            self.is_steady(column) for column in range(top_left.column(), bottom_right.column() + 1)
        )
