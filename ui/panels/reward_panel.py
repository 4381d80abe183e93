"""The reward as it moves: the pot, each target's potential, what the outturns earn and what
each indicator needs for 60%, 80% and 100%.

It recomputes on every change to the agreement on screen, on every what-if outturn typed
here (kept in memory, never saved) and, while a value is being typed in the targets tree,
on that value before it is even committed.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.reward import RewardResult, compute_reward
from lpsa_desktop.domain.reward_memo import RewardMemo
from lpsa_desktop.errors import LpsaError
from lpsa_desktop.services.agreement_edits import FieldAddress, Part, with_field
from ui.compute import compute_after_layout, worth_a_thread
from ui.display import fraction_percent, money_text
from ui.item_models.reward_tree_model import STEADY_COLUMNS, RewardTreeModel
from ui.panels.targets_panel import WRAPPED_ROWS_AT_MOST
from ui.tasks import TaskRunner
from ui.widgets.cell_delegate import install_cell_delegate
from ui.widgets.column_widths import ColumnWidths
from ui.widgets.steady_rows import SteadyRowsTree
from ui.widgets.tree_expansion import expand_targets
from ui.widgets.wrapped_rows import relayout_on_resize

log = logging.getLogger(__name__)


class RewardPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RewardTreeModel(self)
        self._agreement: Agreement | None = None
        self._what_ifs: dict[str, Decimal | None] = {}
        self.result: RewardResult | None = None
        self.background: TaskRunner | None = None  # for very large agreements (ui.compute)
        self._generation = 0
        self._memo = RewardMemo()  # reuses the results of what an edit did not touch
        self.summary = QLabel()
        self.summary.setObjectName("rewardSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.what_if_label = QLabel()
        self.what_if_label.setObjectName("whatIfLabel")
        self.clear_button = QPushButton("&Clear what-ifs")
        self.clear_button.setToolTip("Go back to the stored outturns")
        self.tree = SteadyRowsTree()
        self.tree.set_steady_columns(STEADY_COLUMNS)
        self.tree.setObjectName("rewardTree")
        self.tree.setAccessibleName("Reward by target and indicator")
        self.tree.setModel(self.model)
        # A long title wraps (on the wall too, where the text is larger), never cut off.
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        relayout_on_resize(self.tree)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        install_cell_delegate(self.tree)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # In digits: '£298,162.50' needs 11; the "needs" columns take a figure and its unit.
        self._widths = ColumnWidths(
            self.tree, {1: 11.5, 2: 8, 3: 8.5, 4: 6.5, 5: 11.5, 6: 12, 7: 8, 8: 8.5}
        )
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.what_if_label)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        self._connect_signals()
        self._refresh()

    def _connect_signals(self) -> None:
        self.model.what_if_changed.connect(self._on_what_if_changed)
        self.model.modelReset.connect(self._after_reset)
        self.clear_button.clicked.connect(self.clear_what_ifs)

    def _after_reset(self) -> None:
        # A huge agreement keeps one row height, as the targets tree does (no measuring).
        rows = self.model.rowCount() + sum(
            self.model.rowCount(self.model.index(r, 0)) for r in range(self.model.rowCount())
        )
        self.tree.setUniformRowHeights(rows > WRAPPED_ROWS_AT_MOST)
        expand_targets(self.tree, self.model)

    def set_agreement(self, agreement: Agreement | None) -> None:
        if agreement is None or self._agreement is None or agreement.ref != self._agreement.ref:
            self._what_ifs.clear()  # what-ifs belong to the agreement they were typed for
        self._agreement = agreement
        self._refresh()

    def preview(self, address: FieldAddress | None, value: Any) -> None:
        """Show the effect of a value still being typed elsewhere (None: stop previewing)."""
        agreement = self._agreement
        if (
            address is None
            or agreement is None
            or address.part not in (Part.INDICATOR, Part.TARGET, Part.AGREEMENT)
        ):
            self._refresh()
            return
        try:
            self._refresh(with_field(agreement, address, value))
        except LpsaError:
            self._refresh()

    def set_what_if(self, indicator_ref: str, outturn: Decimal | None) -> None:
        self._on_what_if_changed(indicator_ref, outturn)

    def clear_what_ifs(self) -> None:
        self._what_ifs.clear()
        self._refresh()

    def _on_what_if_changed(self, indicator_ref: str, outturn: Decimal | None) -> None:
        if self._agreement is None:
            return
        found = self._agreement.find_indicator(indicator_ref)
        stored = found[1].actual if found else None
        if outturn == stored:
            self._what_ifs.pop(indicator_ref, None)  # back to the stored figure: no what-if
        else:
            self._what_ifs[indicator_ref] = outturn
        self._refresh()

    def _refresh(self, shown: Agreement | None = None) -> None:
        agreement = shown or self._agreement
        self._generation += 1
        if agreement is not None and self.background is not None and worth_a_thread(agreement):
            generation, what_ifs = self._generation, dict(self._what_ifs)
            self.summary.setText("Working out the reward…")
            compute_after_layout(
                self.background,
                lambda: compute_reward(agreement, what_ifs),
                lambda result: self._show(agreement, result, generation),
            )
            return
        result = self._memo.compute(agreement, self._what_ifs) if agreement else None
        self._show(agreement, result)

    def _show(
        self,
        agreement: Agreement | None,
        result: RewardResult | None,
        generation: int | None = None,
    ) -> None:
        if generation is not None and generation != self._generation:
            return  # a later change has been shown already
        self.result = result
        self.model.set_reward(agreement, self.result, self._what_ifs)
        self._show_summary(agreement, self.result)
        count = len(self._what_ifs)
        self.what_if_label.setText(
            f"{count} what-if outturn{'s' if count != 1 else ''}" if count else ""
        )
        self.clear_button.setEnabled(bool(count))

    def _show_summary(self, agreement: Agreement | None, result: RewardResult | None) -> None:
        if agreement is None or result is None:
            self.summary.setText("No agreement open.")
            return
        parts = [
            f"Pot <b>{money_text(result.pot)}</b>",
            f"Earned <b>{money_text(result.total_earned)}</b>"
            + (f" ({fraction_percent(result.total_earned / result.pot)})" if result.pot else ""),
            f"Threshold {fraction_percent(result.threshold)}",
        ]
        if result.capital is not None and result.revenue is not None:
            parts.append(
                f"capital {money_text(result.capital)} / revenue {money_text(result.revenue)}"
            )
        paid = [
            f"{money_text(p.amount)} in {p.financial_year}" for p in result.payments if p.amount
        ]
        if paid:
            parts.append("paid " + ", ".join(paid))
        self.summary.setText(" · ".join(parts))
