"""A read-only table view set up the window's way: whole rows selected, Tab leaves it, column
widths in characters (so presentation mode's larger font never cuts a figure)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.widgets.column_widths import ColumnWidths


class ReadOnlyTable(QTableView):
    def __init__(
        self,
        model: QAbstractItemModel,
        name: str,
        title: str,
        widths: Mapping[int, float],
        *,
        stretch: int,
        parent: QWidget | None = None,
    ) -> None:
        """``widths``: column → characters; column ``stretch`` takes the room left."""
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(title)
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.widths = ColumnWidths(self, widths)
