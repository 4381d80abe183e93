"""Targets and indicators: the tree, and a detail form for the fields the tree leaves out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.domain.agreement import Indicator, Target
from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from ui.item_models.cells import FieldEdit
from ui.item_models.target_columns import COLUMN_INDEX, STEADY_COLUMNS, TREE_COLUMNS
from ui.item_models.target_tree_model import TargetTreeModel
from ui.panels.target_details import TargetDetails
from ui.widgets.cell_delegate import install_cell_delegate
from ui.widgets.column_widths import ColumnWidths
from ui.widgets.details_toggle import DetailsToggle
from ui.widgets.steady_rows import SteadyRowsTree
from ui.widgets.tree_expansion import expand_targets
from ui.widgets.wrapped_rows import relayout_on_resize

# In digits of the tree's font (see ui.widgets.column_widths); the title takes the rest.
_WIDTHS = {
    "ref": 5.5,
    "unit": 11,  # "rate per 1,000" on one line (the unit words are the PDF's)
    "direction": 7,
    "baseline": 7,
    "without": 10.5,
    "with": 8.5,
    "stretch": 7,
    "actual": 7,
    "weight": 6,
    "negotiation": 7.5,
    "reserve": 6.5,
}


WRAPPED_ROWS_AT_MOST = 2000


class TargetsPanel(QWidget):
    edit_requested = Signal(object)  # FieldEdit, from the detail form
    preview_changed = Signal(object, object)  # FieldAddress | None, value being typed

    def __init__(
        self, model: TargetTreeModel, actions: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.tree = SteadyRowsTree()
        self.tree.set_steady_columns(STEADY_COLUMNS)
        self.tree.setObjectName("targetsTree")
        self.tree.setAccessibleName("Targets and indicators")
        self.tree.setModel(model)
        self.tree.setAlternatingRowColors(True)
        # Long titles and descriptions wrap and rows grow to show them whole; a huge
        # agreement keeps one row height, which lays 20,000 rows out without measuring each.
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        relayout_on_resize(self.tree)
        self.tree.setIndentation(14)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.delegate = install_cell_delegate(self.tree)
        self.delegate.preview_changed.connect(self.preview_changed)
        self._configure_columns()
        self.details = TargetDetails()
        self.details.committed.connect(self._on_detail_committed)
        buttons = QHBoxLayout()
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        buttons.addStretch(1)
        splitter = self.splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("targetsSplitter")  # its sizes are kept in the settings
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setCollapsible(0, False)
        splitter.setCollapsible(1, True)  # dragged to the bottom, the tree has it all
        self.details_toggle = DetailsToggle(splitter, 1)
        buttons.addWidget(self.details_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(splitter)
        self._kept: tuple[str, str | None, int] | None = None
        self._kept_scroll = 0
        model.modelAboutToBeReset.connect(self._before_reset)
        model.modelReset.connect(self._after_reset)
        model.dataChanged.connect(self._on_data_changed)
        self.tree.selectionModel().currentChanged.connect(
            lambda current, _previous: self._show_details(current)
        )
        # As after a reset: a panel built when its tab is first shown gets a model that
        # already holds the agreement, and its targets open as they would have then.
        self._after_reset()

    def current_target(self) -> Target | None:
        return self.model.target_at(self.tree.currentIndex())

    def current_indicator(self) -> Indicator | None:
        return self.model.indicator_at(self.tree.currentIndex())

    def select(
        self, target_ref: str, indicator_ref: str | None = None, column: str = "title"
    ) -> None:
        index = self.model.index_of(target_ref, indicator_ref, COLUMN_INDEX[column])
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.tree.scrollTo(index)

    def set_show_internal(self, show: bool) -> None:
        self.model.set_show_internal(show)
        for index, column in enumerate(TREE_COLUMNS):
            if column.internal and column.in_tree:
                self.tree.setColumnHidden(index, not show)
        self.details.set_show_internal(show)
        # On the wall the table is what matters: the detail form gives it its room.
        self.details.setVisible(show)
        self.details_toggle.setVisible(show)

    def _configure_columns(self) -> None:
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        for index, column in enumerate(TREE_COLUMNS):
            self.tree.setColumnHidden(index, not column.in_tree)
            if column.key == "title":
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
        self._widths = ColumnWidths(
            self.tree, {COLUMN_INDEX[key]: chars for key, chars in _WIDTHS.items()}
        )

    def _before_reset(self) -> None:
        target, indicator = self.current_target(), self.current_indicator()
        column = max(self.tree.currentIndex().column(), 0)
        self._kept = (target.ref, indicator.ref if indicator else None, column) if target else None
        self._kept_scroll = self.tree.verticalScrollBar().value()

    def _after_reset(self) -> None:
        rows = self.model.rowCount() + sum(
            self.model.rowCount(self.model.index(r, 0)) for r in range(self.model.rowCount())
        )
        self.tree.setUniformRowHeights(rows > WRAPPED_ROWS_AT_MOST)
        expand_targets(self.tree, self.model)
        if self._kept is not None:  # the same item stays current (e.g. entering presentation)
            target_ref, indicator_ref, column = self._kept
            index = self.model.index_of(target_ref, indicator_ref, column)
            if index.isValid():
                self.tree.setCurrentIndex(index)
        # Where the officer was looking, too (a target added elsewhere resets the model).
        self.tree.verticalScrollBar().setValue(self._kept_scroll)
        self._show_details(self.tree.currentIndex())

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_: Any) -> None:
        # Only a change to the current item's row is news for the details pane (a paste
        # announces a run of rows per target: a dozen signals, one of them the current row's).
        # The pane also shows an indicator's target, so a change to that row is news too.
        current = self.tree.currentIndex()
        shown = (current, current.parent()) if current.isValid() else ()
        if not shown or any(_covers(top_left, bottom_right, row) for row in shown):
            self._show_details(current)

    def _show_details(self, index: QModelIndex) -> None:
        indicator, target = self.model.indicator_at(index), self.model.target_at(index)
        self.details.show_item(indicator or target, target)

    def _on_detail_committed(self, field: str, value: Any) -> None:
        agreement = self.model.agreement
        target, indicator = self.current_target(), self.current_indicator()
        if agreement is None or target is None:
            return
        item: Target | Indicator = indicator or target
        part = Part.INDICATOR if indicator else Part.TARGET
        address = FieldAddress(part, item.ref, field)
        self.edit_requested.emit(FieldEdit(agreement.ref, address, getattr(item, field), value))


def _covers(top_left: QModelIndex, bottom_right: QModelIndex, row: QModelIndex) -> bool:
    return (
        row.isValid()
        and row.parent() == top_left.parent()
        and top_left.row() <= row.row() <= bottom_right.row()
    )
