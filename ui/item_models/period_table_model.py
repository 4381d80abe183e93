"""One indicator's reporting periods as a table: the trajectory, the outturn, whether it is
audited, when it was reported and its note. Edits (typed or pasted) are not applied here:
they are asked for as outturn states, which an undoable command writes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from lpsa_desktop.domain.delivery.assessment import IndicatorDelivery
from lpsa_desktop.domain.delivery.outturns import Outturn
from lpsa_desktop.domain.delivery.reporting_periods import ReportingPeriod
from lpsa_desktop.domain.display import indicator_value
from lpsa_desktop.domain.periods import format_date
from ui.item_models.write_permission import WritePermission

HEADERS = ("Period", "Trajectory", "Outturn", "Audited", "Reported on", "Note")
VALUE, AUDITED, NOTE = 2, 3, 5
EDITABLE = {VALUE, AUDITED, NOTE}
State = tuple[str, str, Outturn | None]
Index = QModelIndex | QPersistentModelIndex


class PasteRefusedError(ValueError):
    """A cell that cannot be taken; nothing is changed."""


class PeriodTableModel(WritePermission, QAbstractTableModel):
    states_requested = Signal(list, list, str)  # new states, old states, description
    edit_refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._item: IndicatorDelivery | None = None
        self._periods: tuple[ReportingPeriod, ...] = ()
        self._by_period: dict[str, Outturn] = {}

    def set_indicator(
        self, item: IndicatorDelivery | None, periods: tuple[ReportingPeriod, ...]
    ) -> None:
        self.beginResetModel()
        self._item, self._periods = item, periods
        self._by_period = {v.period.label: v.outturn for v in item.series} if item else {}
        self.endResetModel()

    @property
    def indicator_ref(self) -> str | None:
        return self._item.indicator.ref if self._item else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._item is None else len(self._periods)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return (
            self.permitted(base | Qt.ItemFlag.ItemIsEditable)
            if index.column() in EDITABLE
            else base
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._item is None or not index.isValid():
            return None
        period = self._periods[index.row()]
        outturn = self._by_period.get(period.label)
        ind = self._item.indicator
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in {1, 2}:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.EditRole:
            return {
                VALUE: f"{outturn.value}" if outturn else "",
                AUDITED: "yes" if outturn and outturn.audited else "no",
                NOTE: outturn.note if outturn else "",
            }.get(column)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return period.label
        if column == 1:
            line = self._item.trajectory
            return indicator_value(ind, line[period.index - 1]) if line else "–"
        if outturn is None:
            return ""
        return {
            VALUE: indicator_value(ind, outturn.value, exact=True),
            AUDITED: "audited" if outturn.audited else "provisional",
            4: format_date(outturn.recorded_on),
            NOTE: outturn.note,
        }.get(column)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        try:
            self.request_cells([(index.row(), index.column(), str(value))])
        except PasteRefusedError as error:
            self.edit_refused.emit(str(error))
            return False
        return True

    def request_cells(
        self, cells: list[tuple[int, int, str]], *, what: str = "edit outturn"
    ) -> None:
        """Ask for the cells (row, column, text) to be written as one step. Raises
        PasteRefusedError naming the first cell that cannot be taken."""
        if self._item is None:
            return
        ref = self._item.indicator.ref
        changed: dict[str, Outturn | None] = {}
        for row, column, text in cells:
            if not 0 <= row < len(self._periods) or column not in EDITABLE:
                continue
            label = self._periods[row].label
            current = changed.get(label, self._by_period.get(label))
            changed[label] = _with_cell(current, ref, label, column, text.strip())
        new = [(ref, label, o) for label, o in changed.items() if o != self._by_period.get(label)]
        if not new:
            return
        old = [(ref, label, self._by_period.get(label)) for _r, label, _o in new]
        self.states_requested.emit(
            new, old, f"{what} {ref} ({len(new)} period{'s' if len(new) > 1 else ''})"
        )


def _with_cell(
    current: Outturn | None, ref: str, label: str, column: int, text: str
) -> Outturn | None:
    where = f"{ref} {label} ({HEADERS[column]})"
    if column == VALUE:
        if text == "":
            return None
        try:
            value = Decimal(text.replace(",", "").replace("£", "").rstrip("%").strip())
        except InvalidOperation:
            raise PasteRefusedError(f"{where}: {text!r} is not a number") from None
        if not value.is_finite():
            raise PasteRefusedError(f"{where}: {text!r} is not a number")
        if current is None:
            return Outturn(ref, label, value, date.today())
        return replace(current, value=value)
    if current is None:
        if text == "":
            return None
        raise PasteRefusedError(f"{where}: type the outturn first")
    if column == AUDITED:
        folded = text.casefold()
        if folded in {"yes", "y", "audited", "true", "1"}:
            return replace(current, audited=True)
        if folded in {"no", "n", "provisional", "false", "0", ""}:
            return replace(current, audited=False)
        raise PasteRefusedError(f"{where}: {text!r} is not audited or provisional")
    return replace(current, note=text)
