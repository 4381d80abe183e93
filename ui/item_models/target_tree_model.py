"""Targets and their indicators as a two-level tree, with validation marked in place.

The model shows one Agreement (a frozen domain object) and never changes it: an edit is
parsed, then announced with ``edit_requested``; the controller turns it into an undo command
whose redo hands the model the changed agreement. A new agreement with the same targets
and indicators only repaints (no reset), so selection, expansion and an open editor survive
typing.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from lpsa_desktop.domain.agreement import Agreement, Indicator, Target
from lpsa_desktop.domain.enums import NegotiationStatus
from lpsa_desktop.domain.meetings import ItemKind
from lpsa_desktop.domain.validation import ValidationIssue
from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from ui.display import ParseError
from ui.item_models import cells
from ui.item_models.cells import ADDRESS_ROLE, CHOICES_ROLE, KIND_ROLE, CellKind, FieldEdit
from ui.item_models.status_marks import Marks, status_tooltip
from ui.item_models.target_cells import ItemKey, issues_by_cell, stretch_text
from ui.item_models.target_columns import COLUMN_INDEX, FIELD_COLUMNS, TREE_COLUMNS, TreeColumn
from ui.item_models.target_rows import (
    CHECKABLE,
    EDITABLE,
    LEAF_EDITABLE,
    LEAF_READ_ONLY,
    READ_ONLY,
    TOP,
    TargetRowsModel,
    shape,
)
from ui.item_models.write_permission import WritePermission

Index = QModelIndex | QPersistentModelIndex
_STATUS_COLUMN = COLUMN_INDEX["negotiation"]
_MARK_ROLES = [Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole]
_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.FontRole,
        ADDRESS_ROLE,
        CHOICES_ROLE,
        KIND_ROLE,
    }
)


class TargetTreeModel(WritePermission, TargetRowsModel):
    edit_requested = Signal(object)  # FieldEdit
    edit_refused = Signal(str)  # why typed text was not accepted

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(len(TREE_COLUMNS), parent)
        self._agreement: Agreement | None = None
        self._show_internal = True
        self._issues: dict[ItemKey, dict[int, list[ValidationIssue]]] = {}
        self._last_column = len(TREE_COLUMNS) - 1
        self._marks: Marks = {}

    # -- what is shown -------------------------------------------------------------------

    @property
    def agreement(self) -> Agreement | None:
        return self._agreement

    def set_agreement(self, agreement: Agreement | None) -> None:
        """Show ``agreement``. Only the rows whose target or indicator changed are repainted:
        an edit replaces one indicator object and keeps every other one (frozen dataclasses)."""
        targets = self._visible_targets(agreement)
        if shape(targets) != shape(self._targets):
            self.beginResetModel()
            self._agreement, self._targets = agreement, targets
            self.endResetModel()
            return
        old_targets = self._targets
        self._agreement, self._targets = agreement, targets
        for row, (old, new) in enumerate(zip(old_targets, targets, strict=True)):
            if old is not new:
                self._repaint_target(row, old, new)

    def set_issues(self, issues: list[ValidationIssue]) -> None:
        """Mark the cells that validation found wrong (validation runs after the edit has
        been shown, so typing never waits for it); repaints the rows whose marks changed."""
        found = issues_by_cell(self._agreement, issues)
        changed = {
            key
            for key in found.keys() | self._issues.keys()
            if found.get(key) != self._issues.get(key)
        }
        self._issues = found
        for target_ref, indicator_ref in changed:  # marks only: tint and tooltip, same size
            first = self.index_of(target_ref, indicator_ref)
            if first.isValid():
                last = first.siblingAtColumn(self._last_column)
                self.dataChanged.emit(first, last, _MARK_ROLES)

    def set_status_marks(self, marks: Marks) -> None:
        """Who marked each item's status and when (the "Agreed?" column's tooltips)."""
        if marks == self._marks:
            return
        self._marks = marks
        for row, target in enumerate(self._targets):
            parent = self.index(row, _STATUS_COLUMN)
            self.dataChanged.emit(parent, parent, [Qt.ItemDataRole.ToolTipRole])
            if target.indicators:
                first = self.index(0, _STATUS_COLUMN, self.index(row, 0))
                last = self.index(len(target.indicators) - 1, _STATUS_COLUMN, self.index(row, 0))
                self.dataChanged.emit(first, last, [Qt.ItemDataRole.ToolTipRole])

    def set_show_internal(self, show: bool) -> None:
        """Presentation mode hides reserve targets (internal columns are hidden by views)."""
        if show != self._show_internal:
            self._show_internal = show
            self.set_agreement(self._agreement)

    def target_at(self, index: Index) -> Target | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == TOP else index.internalId() - 1
        return self._targets[row]

    def indicator_at(self, index: Index) -> Indicator | None:
        if not index.isValid() or index.internalId() == TOP:
            return None
        return self._targets[index.internalId() - 1].indicators[index.row()]

    def index_of(
        self, target_ref: str, indicator_ref: str | None = None, column: int = 0
    ) -> QModelIndex:
        for row, target in enumerate(self._targets):
            if target.ref != target_ref:
                continue
            if indicator_ref is None:
                return self.index(row, column)
            for child, indicator in enumerate(target.indicators):
                if indicator.ref == indicator_ref:
                    return self.index(child, column, self.index(row, 0))
        return QModelIndex()

    # -- Qt model interface ----------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(TREE_COLUMNS):
            return None
        column = TREE_COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return cells.alignment(column.kind)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return self.permitted(self._flags(index))

    def _flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        leaf = index.internalId() != TOP
        column = TREE_COLUMNS[index.column()]
        field = column.indicator_field if leaf else column.target_field
        if field is None or column.kind is CellKind.COMPUTED:
            return LEAF_READ_ONLY if leaf else READ_ONLY
        if column.kind is CellKind.FLAG:
            return CHECKABLE
        return LEAF_EDITABLE if leaf else EDITABLE

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None  # a painted cell asks for seven roles: the others cost nothing here
        column = TREE_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return cells.alignment(column.kind)
        target = self.target_at(index)
        indicator = self.indicator_at(index)
        assert target is not None
        item: Target | Indicator = indicator or target
        field = self._field(index)
        value = getattr(item, field) if field else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, item, value)
        if role == Qt.ItemDataRole.EditRole:
            return cells.edit_text(column.kind, value) if field else None
        if role == Qt.ItemDataRole.CheckStateRole and column.kind is CellKind.FLAG and field:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole):
            issues = self._cell_issues(target, indicator, index.column())
            if role == Qt.ItemDataRole.BackgroundRole:
                return cells.issue_tint(issues)
            if isinstance(value, NegotiationStatus) and not issues:
                kind = ItemKind.INDICATOR if indicator else ItemKind.TARGET
                return status_tooltip(self._marks, kind, item.ref, value)
            return cells.issue_tooltip(issues) or self._plain_tooltip(column, value)
        if role == Qt.ItemDataRole.FontRole and indicator is None:
            font = QFont()
            font.setBold(True)
            font.setItalic(target.reserve)
            return font
        if role == ADDRESS_ROLE:
            return self._address(index)
        if role == CHOICES_ROLE:
            return column.choices
        if role == KIND_ROLE:
            return column.kind.value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = TREE_COLUMNS[index.column()] if index.isValid() else None
        if role == Qt.ItemDataRole.CheckStateRole and column and column.kind is CellKind.FLAG:
            value = "yes" if Qt.CheckState(value) == Qt.CheckState.Checked else "no"
        elif role != Qt.ItemDataRole.EditRole:
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
        # ``_address`` and the item, found once (a paste asks this for each of 1,000 cells).
        column = TREE_COLUMNS[index.column()]
        leaf = index.internalId() != TOP
        field = column.indicator_field if leaf else column.target_field
        if (
            field is None
            or column.kind is CellKind.COMPUTED
            or not index.isValid()
            or self._agreement is None
        ):
            return None
        target = self._targets[index.internalId() - 1 if leaf else index.row()]
        item: Target | Indicator = target.indicators[index.row()] if leaf else target
        address = FieldAddress(Part.INDICATOR if leaf else Part.TARGET, item.ref, field)
        old = getattr(item, field)
        if column.kind is CellKind.FLAG:
            new: Any = cells.parse_flag(text)
        else:
            new = cells.parse_text(
                column.kind, text, choices=column.choices, optional=column.optional
            )
        if new == old:
            return None
        return FieldEdit(self._agreement.ref, address, old, new)

    # -- helpers ---------------------------------------------------------------------------

    def _visible_targets(self, agreement: Agreement | None) -> tuple[Target, ...]:
        if agreement is None:
            return ()
        if self._show_internal:
            return agreement.targets
        return tuple(t for t in agreement.targets if not t.reserve)

    def _field(self, index: Index) -> str | None:
        column = TREE_COLUMNS[index.column()]
        return column.target_field if index.internalId() == TOP else column.indicator_field

    def _address(self, index: Index) -> FieldAddress | None:
        field = self._field(index)
        column = TREE_COLUMNS[index.column()]
        if field is None or column.kind is CellKind.COMPUTED or not index.isValid():
            return None
        indicator = self.indicator_at(index)
        if indicator is not None:
            return FieldAddress(Part.INDICATOR, indicator.ref, field)
        target = self.target_at(index)
        assert target is not None
        return FieldAddress(Part.TARGET, target.ref, field)

    def _display(self, column: TreeColumn, item: Target | Indicator, value: Any) -> str:
        if column.kind is CellKind.FLAG:
            return ""
        if isinstance(item, Indicator):
            if column.key == "stretch":
                return stretch_text(item)
            return cells.display_text(column.kind, value, unit=item.unit, decimals=item.decimals)
        if column.key == "title" and item.reserve:
            return f"{value} (reserve)"
        return cells.display_text(column.kind, value)

    def _plain_tooltip(self, column: TreeColumn, value: Any) -> str | None:
        if column.kind is CellKind.TEXT and isinstance(value, str) and len(value) > 40:
            return value
        return column.tooltip or None

    def _cell_issues(
        self, target: Target, indicator: Indicator | None, column: int
    ) -> list[ValidationIssue]:
        by_column = self._issues.get((target.ref, indicator.ref if indicator else None), {})
        return by_column.get(column, [])

    def _repaint_target(self, row: int, old: Target, new: Target) -> None:
        parent = self.index(row, 0)
        if _target_fields_changed(old, new):
            self._repaint_row(parent)
        # One signal per run of rows with the same changed columns (a paste changes many rows
        # at once), naming only those columns: outturns alone leave row heights alone.
        runs: list[tuple[int, int, tuple[int, int]]] = []
        for child, (was, now) in enumerate(zip(old.indicators, new.indicators, strict=True)):
            if was is now:
                continue
            span = changed_columns(was, now, self._last_column)
            if runs and runs[-1][1] == child - 1 and runs[-1][2] == span:
                runs[-1] = (runs[-1][0], child, span)
            else:
                runs.append((child, child, span))
        for first, last, (left, right) in runs:
            self.dataChanged.emit(self.index(first, left, parent), self.index(last, right, parent))

    def _repaint_row(self, first: QModelIndex) -> None:
        if first.isValid():
            last = first.siblingAtColumn(self._last_column)
            self.dataChanged.emit(first, last)


def _target_fields_changed(old: Target, new: Target) -> bool:
    """Whether the target's own row shows something new (not only its indicators)."""
    return any(getattr(old, name) != getattr(new, name) for name in _TARGET_FIELDS)


def changed_columns(was: Indicator, now: Indicator, last_column: int) -> tuple[int, int]:
    """The first and last column whose cells show something new for the indicator."""
    before, after = was.__dict__, now.__dict__  # the fields, without 34 getattr calls a row
    names = [f for f in _INDICATOR_FIELDS if before[f] != after[f]]
    if not names or any(f not in FIELD_COLUMNS or f in _ALL_CELLS_FIELDS for f in names):
        return 0, last_column
    columns = [FIELD_COLUMNS[f] for f in names]
    if any(f in _STRETCH_FIELDS for f in names):
        columns.append(COLUMN_INDEX["stretch"])
    return min(columns), max(columns)


_INDICATOR_FIELDS = tuple(f.name for f in fields(Indicator))
_STRETCH_FIELDS = frozenset({"with_", "without", "direction"})
_ALL_CELLS_FIELDS = frozenset({"unit", "decimals"})  # how every figure of the row is shown
_TARGET_FIELDS = tuple(f.name for f in fields(Target) if f.name != "indicators")
