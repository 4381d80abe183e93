"""An import plan as two tables: what would change (old → new), and the problems, by cell.

The rows come ready made from the child process that read the return (``PlanSummary``):
plain strings, so a plan of tens of thousands of changes is shown at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from ui.item_models.cells import ERROR_TINT, WARNING_TINT
from ui.item_models.record_rows_model import RecordRowsModel, long_text_tip

if TYPE_CHECKING:
    from ui.import_child import ChangeRow, IssueRow, PlanSummary

_CHANGE_HEADERS = ("Agreement", "What", "Field", "Was", "Becomes")
_ISSUE_HEADERS = ("", "Where", "Column", "Value", "Problem")
_ADDED = QColor("#e6f4ea")


class ImportChangesModel(RecordRowsModel["ChangeRow"]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_CHANGE_HEADERS, parent)

    def set_plan(self, plan: PlanSummary | None) -> None:
        self.replace_rows(plan.changes if plan else ())

    def cell(self, row: ChangeRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return row[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return long_text_tip(row[column])
        if role == Qt.ItemDataRole.BackgroundRole and row[2] == "(added)":
            return _ADDED
        return None


class ImportIssuesModel(RecordRowsModel["IssueRow"]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_ISSUE_HEADERS, parent)

    def set_plan(self, plan: PlanSummary | None) -> None:
        self.replace_rows(plan.issues if plan else ())

    def cell(self, issue: IssueRow, column: int, role: int) -> Any:
        is_error, *texts = issue
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = ("Error" if is_error else "Check", *texts)
            if role == Qt.ItemDataRole.ToolTipRole:
                return values[4] if column == 4 else None
            return values[column]
        if role == Qt.ItemDataRole.BackgroundRole and column == 0:
            return ERROR_TINT if is_error else WARNING_TINT
        return None
