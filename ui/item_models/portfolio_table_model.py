"""Every agreement in the store with its pot, forecast reward, reward at risk and the count
of its targets by status; sortable by any column (the view asks the model to sort)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from lpsa_desktop.domain.delivery.assessment import AgreementDelivery
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
        self._rows: list[tuple[Any, ...]] = []
        self._order: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    def set_pictures(self, pictures: list[AgreementDelivery]) -> None:
        self.beginResetModel()
        self._rows = [
            (
                p.agreement.ref,
                p.agreement.lead_council.name,
                p.pot,
                p.forecast_total,
                p.at_risk,
                *(p.count(s) for s in _STATUSES),
            )
            for p in pictures
        ]
        self._sort_rows()
        self.endResetModel()

    def row_values(self, row: int) -> tuple[Any, ...]:
        return self._rows[row]

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
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if isinstance(value, Decimal):
            return format_money(value, pence=True)
        return str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._order = (column, order)
        self._sort_rows()
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._order
        self._rows.sort(
            key=lambda r: (r[column], r[0]), reverse=order == Qt.SortOrder.DescendingOrder
        )
