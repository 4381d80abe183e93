"""The reward, target by target and indicator by indicator, with what-if outturns.

Rows are the targets that carry reward (reserve ones carry none) and their indicators. The
Outturn column is editable: a value typed there is a what-if, used for the sums but never
saved (``what_if_changed``); the stored outturn is edited in the targets tree.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from lpsa_desktop.domain.agreement import Agreement, Indicator
from lpsa_desktop.domain.enums import Direction
from lpsa_desktop.domain.reward import IndicatorReward, RewardResult, TargetReward
from ui import display
from ui.display import ParseError, fraction_percent, money_text
from ui.item_models.target_rows import (
    LEAF_EDITABLE,
    LEAF_READ_ONLY,
    READ_ONLY,
    TOP,
    TargetRowsModel,
    shape,
)

Index = QModelIndex | QPersistentModelIndex
HEADERS = (
    "Ref",
    "Potential",
    "Outturn",
    "Achieved",
    "Paid",
    "Earned",
    "Needs for 60%",
    "for 80%",
    "for 100%",
)
OUTTURN_COLUMN = 2
STEADY_COLUMNS = frozenset(range(1, len(HEADERS)))  # figures: one line each (steady_rows)
_NEEDED_FIRST = 6
_LEVELS = {7: Decimal("0.80"), 8: Decimal("1.00")}
WHAT_IF_COLOUR = QColor("#1f5fbf")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_TOOLTIPS = {
    1: "The most this target or indicator can earn",
    3: "Share of the stretch achieved by the outturn",
    4: "Share of the potential paid: nil below the threshold, capped at 100%",
    6: "Outturn needed to earn the threshold share (60% unless agreed otherwise)",
}


class RewardTreeModel(TargetRowsModel):
    what_if_changed = Signal(str, object)  # indicator ref, Decimal | None (None: clear it)
    edit_refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(len(HEADERS), parent)
        self._rewards: tuple[TargetReward, ...] = ()
        self._what_ifs: dict[str, Decimal | None] = {}
        self._threshold = Decimal("0.60")

    def set_reward(
        self,
        agreement: Agreement | None,
        result: RewardResult | None,
        what_ifs: dict[str, Decimal | None],
    ) -> None:
        """Show a new reward; repaints only the rows whose figures changed."""
        targets = agreement.active_targets if agreement else ()
        rewards = result.targets if result else ()
        threshold = result.threshold if result is not None else self._threshold
        if shape(targets) != shape(self._targets) or threshold != self._threshold:
            self.beginResetModel()
            self._targets, self._rewards, self._what_ifs = targets, rewards, dict(what_ifs)
            self._threshold = threshold
            self.endResetModel()
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, _NEEDED_FIRST, _NEEDED_FIRST)
            return
        old_targets, old_rewards, old_what_ifs = self._targets, self._rewards, self._what_ifs
        self._targets, self._rewards, self._what_ifs = targets, rewards, dict(what_ifs)
        last = len(HEADERS) - 1
        for row, target in enumerate(targets):
            parent = self.index(row, 0)
            now, was, old = rewards[row], old_rewards[row], old_targets[row]
            if target is not old or (now.potential, now.earned) != (was.potential, was.earned):
                left = 0 if (target.ref, target.title) != (old.ref, old.title) else 1
                self.dataChanged.emit(self.index(row, left), self.index(row, last))
            # One signal per run of changed rows, from the first changed column: the Ref
            # column (the only one that wraps) is left out when it did not change, so the
            # tree need not measure the rows again (steady_rows).
            runs: list[list[int]] = []  # [first row, last row, first column]
            for child, indicator in enumerate(target.indicators):
                before = old.indicators[child]
                if (
                    indicator is not before
                    or now.indicators[child] != was.indicators[child]
                    or self._what_ifs.get(indicator.ref) != old_what_ifs.get(indicator.ref)
                    or (indicator.ref in self._what_ifs) != (indicator.ref in old_what_ifs)
                ):
                    same_ref = (indicator.ref, indicator.description) == (
                        before.ref,
                        before.description,
                    )
                    left = 1 if same_ref else 0
                    if runs and runs[-1][1] == child - 1 and runs[-1][2] == left:
                        runs[-1][1] = child
                    else:
                        runs.append([child, child, left])
            for first, end, left in runs:
                self.dataChanged.emit(
                    self.index(first, left, parent), self.index(end, last, parent)
                )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == _NEEDED_FIRST:
                return f"Needs for {fraction_percent(self._threshold)}"
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _TOOLTIPS.get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == TOP:
            return READ_ONLY
        return LEAF_EDITABLE if index.column() == OUTTURN_COLUMN else LEAF_READ_ONLY

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == TOP:
            return self._target_data(index, role)
        return self._indicator_data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        indicator = self._indicator(index)
        try:
            typed = display.parse_number(str(value))
        except ParseError as problem:
            self.edit_refused.emit(f"what-if outturn for {indicator.ref}: {problem}")
            return False
        self.what_if_changed.emit(indicator.ref, typed)
        return True

    def _target_data(self, index: Index, role: int) -> Any:
        target, reward = self._targets[index.row()], self._rewards[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{target.ref}  {target.title}"
            if column == 1:
                return money_text(reward.potential)
            if column == 5:
                return money_text(reward.earned)
            return ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return target.title
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return _RIGHT
        return None

    def _indicator_data(self, index: Index, role: int) -> Any:
        indicator = self._indicator(index)
        reward = self._rewards[index.internalId() - 1].indicators[index.row()]
        column = index.column()
        what_if = indicator.ref in self._what_ifs
        if role == Qt.ItemDataRole.DisplayRole:
            return self._indicator_text(indicator, reward, column)
        if role == Qt.ItemDataRole.EditRole and column == OUTTURN_COLUMN:
            outturn = self._what_ifs[indicator.ref] if what_if else indicator.actual
            return display.edit_text(outturn)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return indicator.description
            if column == OUTTURN_COLUMN:
                return "What-if outturn (not saved)" if what_if else "Type a what-if outturn"
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == OUTTURN_COLUMN and what_if:
            return WHAT_IF_COLOUR
        if role == Qt.ItemDataRole.FontRole and column == OUTTURN_COLUMN and what_if:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return _RIGHT
        return None

    def _indicator_text(self, indicator: Indicator, reward: IndicatorReward, column: int) -> str:
        unit, places = indicator.unit, indicator.decimals
        if column == 0:
            return indicator.ref
        if column == 1:
            return money_text(reward.potential)
        if column == OUTTURN_COLUMN:
            outturn = self._what_ifs.get(indicator.ref, indicator.actual)
            return display.value_text(outturn, unit, places)
        if column == 3:
            return fraction_percent(reward.achieved_fraction)
        if column == 4:
            return (
                fraction_percent(reward.payable_fraction)
                if reward.achieved_fraction is not None
                else "–"
            )
        if column == 5:
            return money_text(reward.earned)
        level = self._threshold if column == _NEEDED_FIRST else _LEVELS[column]
        needed = next((value for fraction, value in reward.needed if fraction == level), None)
        if needed is None:
            return "–"
        return display.value_text(_round_safe(indicator, needed, places + 1), unit, places + 1)

    def _indicator(self, index: Index) -> Indicator:
        return self._targets[index.internalId() - 1].indicators[index.row()]


def _round_safe(indicator: Indicator, value: Decimal, places: int) -> Decimal:
    """Round a needed outturn so that reaching the shown figure does earn the share."""
    rounding = ROUND_CEILING if indicator.direction is Direction.HIGHER else ROUND_FLOOR
    return value.quantize(Decimal(1).scaleb(-places), rounding=rounding)
