"""A table of one kind of record of an agreement: freedoms, partners or signatories.

Like the targets tree it shows a frozen Agreement and announces edits (``edit_requested``)
instead of making them. Freedoms are addressed by ref; partners and signatories, which have
no ref, by row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import NegotiationStatus
from lpsa_desktop.domain.meetings import ItemKind
from lpsa_desktop.domain.validation import ValidationIssue
from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from ui.display import ParseError
from ui.item_models import cells
from ui.item_models.cells import ADDRESS_ROLE, CHOICES_ROLE, KIND_ROLE, CellKind, FieldEdit
from ui.item_models.status_marks import Marks, status_tooltip
from ui.item_models.write_permission import WritePermission

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, Qt's default parent
_COLLECTIONS = {Part.FREEDOM: "freedoms", Part.PARTNER: "partners", Part.SIGNATORY: "signatories"}


@dataclass(frozen=True)
class RecordColumn:
    header: str
    field: str
    kind: CellKind = CellKind.TEXT
    choices: type[Enum] | None = None
    optional: bool = False
    tooltip: str = ""
    in_table: bool = True  # else edited in the detail form under the table
    internal: bool = False  # never shown in presentation mode


class RecordTableModel(WritePermission, QAbstractTableModel):
    edit_requested = Signal(object)  # FieldEdit
    edit_refused = Signal(str)

    def __init__(
        self, part: Part, columns: tuple[RecordColumn, ...], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.part = part
        self.columns = columns
        self._agreement: Agreement | None = None
        self._records: tuple[Any, ...] = ()
        self._issues: dict[tuple[str, str], list[ValidationIssue]] = {}
        self._marks: Marks = {}

    def set_agreement(self, agreement: Agreement | None) -> None:
        """Show ``agreement``; repaints only the records that changed."""
        records = getattr(agreement, _COLLECTIONS[self.part]) if agreement else ()
        old = self._records
        if [self._key(r, i) for i, r in enumerate(records)] != [
            self._key(r, i) for i, r in enumerate(old)
        ]:
            self.beginResetModel()
            self._agreement, self._records = agreement, records
            self.endResetModel()
            return
        self._agreement, self._records = agreement, records
        for row, (was, now) in enumerate(zip(old, records, strict=True)):
            if was is not now:
                self._repaint_row(row)

    def set_issues(self, issues: list[ValidationIssue]) -> None:
        """Mark the cells validation found wrong (only freedoms have located issues)."""
        if self.part is not Part.FREEDOM:
            return
        found: dict[tuple[str, str], list[ValidationIssue]] = defaultdict(list)
        for issue in issues:
            if issue.location.freedom is not None:
                found[(issue.location.freedom, issue.location.field or "ref")].append(issue)
        changed = {
            key
            for key in found.keys() | self._issues.keys()
            if found.get(key) != self._issues.get(key)
        }
        self._issues = dict(found)
        for row, record in enumerate(self._records):
            if any(key[0] == str(record.ref) for key in changed):
                self._repaint_row(row)

    def set_status_marks(self, marks: Marks) -> None:
        """Who marked each freedom's status and when (the "Agreed?" column's tooltips)."""
        if self.part is Part.FREEDOM and marks != self._marks:
            self._marks = marks
            for row in range(len(self._records)):
                self._repaint_row(row)

    def _repaint_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def record_at(self, row: int) -> Any:
        return self._records[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.header
            if role == Qt.ItemDataRole.ToolTipRole:
                return column.tooltip or None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].kind is CellKind.COMPUTED:
            return base
        return self.permitted(base | Qt.ItemFlag.ItemIsEditable)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        record = self._records[index.row()]
        value = getattr(record, column.field)
        if role == Qt.ItemDataRole.DisplayRole:
            return cells.display_text(column.kind, value)
        if role == Qt.ItemDataRole.EditRole:
            return cells.edit_text(column.kind, value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return cells.alignment(column.kind)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole):
            issues = self._issues.get((self._key_text(record, index.row()), column.field), [])
            if role == Qt.ItemDataRole.BackgroundRole:
                return cells.issue_tint(issues)
            if isinstance(value, NegotiationStatus) and not issues:
                return status_tooltip(self._marks, ItemKind.FREEDOM, record.ref, value)
            text = cells.display_text(column.kind, value)
            return cells.issue_tooltip(issues) or (text if len(text) > 30 else None)
        if role == ADDRESS_ROLE:
            return self._address(index)
        if role == CHOICES_ROLE:
            return column.choices
        if role == KIND_ROLE:
            return column.kind.value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole:
            return False
        try:
            edit = self.proposed_edit(index, str(value))
        except ParseError as problem:
            address = self._address(index)
            self.edit_refused.emit(f"{address.label() if address else 'cell'}: {problem}")
            return False
        if edit is None:
            return False
        self.edit_requested.emit(edit)
        return True

    def proposed_edit(self, index: Index, text: str) -> FieldEdit | None:
        """The edit that typing or pasting ``text`` into the cell asks for; None when the
        cell is read-only or already holds it; ParseError when it is not a value there."""
        address = self._address(index)
        if address is None or self._agreement is None:
            return None
        column = self.columns[index.column()]
        old = getattr(self._records[index.row()], column.field)
        new = cells.parse_text(column.kind, text, choices=column.choices, optional=column.optional)
        if new == old:
            return None
        return FieldEdit(self._agreement.ref, address, old, new)

    def _address(self, index: Index) -> FieldAddress | None:
        if not index.isValid() or self.columns[index.column()].kind is CellKind.COMPUTED:
            return None
        key = self._key(self._records[index.row()], index.row())
        return FieldAddress(self.part, key, self.columns[index.column()].field)

    def _key(self, record: Any, row: int) -> str | int:
        return str(record.ref) if self.part is Part.FREEDOM else row

    def _key_text(self, record: Any, row: int) -> str:
        return str(self._key(record, row))
