"""An import plan as two tables: what would change (old → new), and the problems, by cell.

The rows come ready made from the child process that read the return (``PlanSummary``):
plain strings, so a plan of tens of thousands of changes is shown at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ui.item_models.cells import ERROR_TINT, WARNING_TINT

if TYPE_CHECKING:
    from ui.import_child import ChangeRow, IssueRow, PlanSummary

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, Qt's default parent
_CHANGE_HEADERS = ("Agreement", "What", "Field", "Was", "Becomes")
_ISSUE_HEADERS = ("", "Where", "Column", "Value", "Problem")
_ADDED = QColor("#e6f4ea")


class ImportChangesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ChangeRow, ...] = ()

    def set_plan(self, plan: PlanSummary | None) -> None:
        self.beginResetModel()
        self._rows = plan.changes if plan else ()
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(_CHANGE_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_CHANGE_HEADERS)
        ):
            return _CHANGE_HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = row[index.column()]
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if len(text) > 30 else None
            return text
        if role == Qt.ItemDataRole.BackgroundRole and row[2] == "(added)":
            return _ADDED
        return None


class ImportIssuesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._issues: tuple[IssueRow, ...] = ()

    def set_plan(self, plan: PlanSummary | None) -> None:
        self.beginResetModel()
        self._issues = plan.issues if plan else ()
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(_ISSUE_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_ISSUE_HEADERS)
        ):
            return _ISSUE_HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        is_error, *texts = self._issues[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = ("Error" if is_error else "Check", *texts)
            if role == Qt.ItemDataRole.ToolTipRole:
                return values[4] if index.column() == 4 else None
            return values[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 0:
            return ERROR_TINT if is_error else WARNING_TINT
        return None
