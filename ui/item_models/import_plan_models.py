"""An import plan as two tables: what would change (old → new), and the problems, by cell.

A 20,000-row return can plan a few hundred thousand changes; the models keep the plan's
own tuples and format a row only when the view asks for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ui.item_models.cells import ERROR_TINT, WARNING_TINT

if TYPE_CHECKING:
    from lpsa_desktop.domain.diff import Change
    from lpsa_desktop.importing.import_plan import ImportPlan
    from lpsa_desktop.importing.issues import ImportIssue

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, Qt's default parent
_CHANGE_HEADERS = ("Agreement", "What", "Field", "Was", "Becomes")
_ISSUE_HEADERS = ("", "Where", "Column", "Value", "Problem")
_ADDED = QColor("#e6f4ea")


class ImportChangesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, Change]] = []

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self._rows = (
            [(part.ref, change) for part in plan.agreements for change in part.changes]
            if plan
            else []
        )
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
        ref, change = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if change.kind == "added":
                values = (
                    ref,
                    change.entity or "the whole agreement",
                    "(added)",
                    "",
                    change.new or "",
                )
            elif change.kind == "removed":
                values = (ref, change.entity, "(removed)", change.old or "", "")
            else:
                field = (change.field or "").replace("_", " ")
                values = (
                    ref,
                    change.entity or "agreement",
                    field,
                    change.old or "",
                    change.new or "",
                )
            text = values[index.column()]
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if len(text) > 30 else None
            return text
        if role == Qt.ItemDataRole.BackgroundRole and change.kind == "added":
            return _ADDED
        return None


class ImportIssuesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._issues: tuple[ImportIssue, ...] = ()

    def set_plan(self, plan: ImportPlan | None) -> None:
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
        issue = self._issues[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            problem = issue.message + (f"; expected {issue.expected}" if issue.expected else "")
            values = (
                "Error" if issue.is_error else "Check",
                issue.cell or issue.file,
                issue.header or "",
                issue.value or "",
                problem,
            )
            text = values[index.column()]
            if role == Qt.ItemDataRole.ToolTipRole:
                return problem if index.column() == 4 else None
            return text
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 0:
            return ERROR_TINT if issue.is_error else WARNING_TINT
        return None
