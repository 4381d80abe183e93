"""A titled table of records (freedoms, partners, signatories) with its buttons, and under it
the chosen record's whole text beside a detail form for the fields the table leaves out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.item_models.cells import CellKind
from ui.item_models.record_table_model import RecordTableModel
from ui.widgets.cell_delegate import install_cell_delegate
from ui.widgets.column_widths import ColumnWidths
from ui.widgets.details_toggle import DetailsToggle
from ui.widgets.field_widgets import BoundLineEdit
from ui.widgets.full_text import FullText

# In digits of the table's font (see ui.widgets.column_widths).
_WIDTHS = {
    "ref": 4,
    "targets": 6.5,
    "kind": 26,
    "name": 24,
    "position": 28,
    "status": 19,
    "delivery": 12,
    "negotiation": 7.5,
    "department": 20,
}
_DEFAULT_CHARS = 20


class RecordsPanel(QWidget):
    def __init__(
        self,
        title: str,
        model: RecordTableModel,
        actions: list[QAction],
        *,
        stretch_column: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.table = self._build_table(title, stretch_column)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<b>{title}</b>"))
        top.addStretch(1)
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        self._show_internal = True
        self._detail_widgets: list[BoundLineEdit] = []
        self._internal_rows: list[BoundLineEdit] = []
        detail_columns = [c for c in model.columns if not c.in_table]
        self.splitter: QSplitter | None = None
        if detail_columns:
            self.details = QGroupBox("Details")
            self.full_text = FullText()
            form_widget = QWidget()
            self._detail_form = QFormLayout(form_widget)
            self._detail_form.setContentsMargins(0, 0, 0, 0)
            detail_row = QHBoxLayout(self.details)
            detail_row.addWidget(self.full_text, 2)
            detail_row.addWidget(form_widget, 3)
            for column in detail_columns:
                widget = BoundLineEdit(column.field, column.kind, optional=column.optional)
                widget.setObjectName(f"detail_{column.field}")
                widget.committed.connect(self._on_detail_committed)
                self._detail_form.addRow(column.header, widget)
                self._detail_widgets.append(widget)
                if column.internal:
                    self._internal_rows.append(widget)
            splitter = self.splitter = QSplitter(Qt.Orientation.Vertical)
            splitter.setObjectName(f"{model.part.value}Splitter")  # sizes kept in the settings
            splitter.addWidget(self.table)
            splitter.addWidget(self.details)
            splitter.setStretchFactor(0, 3)
            splitter.setCollapsible(0, False)
            self.details_toggle = DetailsToggle(splitter, 1)  # folded on a short screen
            top.addWidget(self.details_toggle)
            layout.addWidget(splitter)
            self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
            model.dataChanged.connect(lambda *_: self._show_details())
            model.modelReset.connect(self._show_details)
            self._show_details()
        else:
            layout.addWidget(self.table)

    def set_show_internal(self, show: bool) -> None:
        self._show_internal = show
        for widget in self._internal_rows:
            self._detail_form.setRowVisible(widget, show)
        if self._detail_widgets:
            self._show_details()

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _build_table(self, title: str, stretch_column: int) -> QTableView:
        table = QTableView()
        table.setObjectName(f"{self.model.part.value}Table")
        table.setAccessibleName(title)
        table.setModel(self.model)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)  # a long request reads whole; the row grows to fit it
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        install_cell_delegate(table)
        header = table.horizontalHeader()
        header.setMinimumSectionSize(48)
        widths = {}
        for index, column in enumerate(self.model.columns):
            table.setColumnHidden(index, not column.in_table)
            if index == stretch_column:
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
            else:
                widths[index] = _WIDTHS.get(column.field, _DEFAULT_CHARS)
        self._widths = ColumnWidths(table, widths)
        return table

    def _show_details(self) -> None:
        row = self.current_row()
        record = self.model.record_at(row) if row >= 0 else None
        self.details.setEnabled(record is not None)
        for widget in self._detail_widgets:
            widget.show_value(getattr(record, widget.field) if record is not None else None)
        self._show_full_text(record)

    def _show_full_text(self, record: Any) -> None:
        if record is None:
            self.full_text.show_text("", [])
            return
        texts = [
            (column.header, str(getattr(record, column.field) or ""))
            for column in self.model.columns
            if column.kind is CellKind.TEXT and (self._show_internal or not column.internal)
        ]
        ref = getattr(record, "ref", "")
        self.full_text.show_text(
            f"{self.model.part.value.capitalize()} {ref}" if ref else "", texts
        )

    def _on_detail_committed(self, field: str, value: Any) -> None:
        row = self.current_row()
        column = next(i for i, c in enumerate(self.model.columns) if c.field == field)
        index = self.model.index(row, column) if row >= 0 else QModelIndex()
        if index.isValid():
            # Through the model, so a detail edit is parsed, checked and undone like a cell's.
            self.model.setData(index, "" if value is None else str(value))


def side_by_side(*panels: QWidget) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Horizontal)
    for panel in panels:
        splitter.addWidget(panel)
    return splitter
