"""Every agreement in the store with its pot, forecast reward, reward at risk and the count
of its targets by status; sortable by any column (the view asks the model to sort)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from lpsa_desktop.domain.delivery.portfolio import PortfolioEntry
from lpsa_desktop.domain.delivery.trajectory import Status
from lpsa_desktop.domain.money import format_money

HEADERS = (
    "Agreement",
    "Council",
    "Pot",
    "Forecast reward",
    "Reward at risk",
    "On track",
    "Behind",
    "At risk",
    "No outturns",
)
_STATUSES = (Status.ON_TRACK, Status.BEHIND, Status.AT_RISK, Status.NO_DATA)
Index = QModelIndex | QPersistentModelIndex


class PortfolioTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Each row's values (to sort by) beside its display strings, made once per
        # portfolio: a paint asks for every visible cell, a sort for none.
        self._rows: list[tuple[tuple[Any, ...], tuple[str, ...]]] = []
        self._order: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    def set_pictures(self, pictures: list[PortfolioEntry]) -> None:
        self.beginResetModel()
        values = (
            (
                p.ref,
                p.council,
                p.pot,
                p.forecast_reward,
                p.at_risk,
                *(p.count(s) for s in _STATUSES),
            )
            for p in pictures
        )
        self._rows = [(row, tuple(_text(v) for v in row)) for row in values]
        self._sort_rows()
        self.endResetModel()

    def row_values(self, row: int) -> tuple[Any, ...]:
        return self._rows[row][0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][1][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return _RIGHT
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._order = (column, order)
        self._sort_rows()
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._order
        self._rows.sort(
            key=lambda r: (r[0][column], r[0][0]), reverse=order == Qt.SortOrder.DescendingOrder
        )


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _text(value: Any) -> str:
    return format_money(value, pence=True) if isinstance(value, Decimal) else str(value)
