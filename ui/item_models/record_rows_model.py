"""A read-only table of records, one per row, with fixed column headers.

The agreements list, the audit trail, import batches and plans, rounds, comparisons and
meetings are all this shape: only what a cell shows differs. Subclasses implement
``cell(record, column, role)``; rows, columns, headers and the invalid-index checks Qt's
model tester asks for live here once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, Qt's default parent
R = TypeVar("R")
LONG_TEXT = 30  # characters: a longer cell text is repeated as its tooltip


class RecordRowsModel(QAbstractTableModel, Generic[R]):
    def __init__(
        self,
        headers: Sequence[str],
        parent: QObject | None = None,
        *,
        header_tips: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._header_tips = tuple(header_tips)
        self._rows: Sequence[R] = ()

    @property
    def rows(self) -> Sequence[R]:
        return self._rows

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def replace_rows(self, rows: Sequence[R]) -> None:
        """Show ``rows`` instead (a reset: views lose their selection)."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def cell(self, record: R, column: int, role: int) -> Any:
        """What ``record`` shows in ``column`` for ``role`` (None: nothing)."""
        raise NotImplementedError

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section < len(self._header_tips):
            return self._header_tips[section] or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)


def long_text_tip(text: str) -> str | None:
    """A cell's own text as its tooltip when it may be cut off in a narrow column."""
    return text if len(text) > LONG_TEXT else None
