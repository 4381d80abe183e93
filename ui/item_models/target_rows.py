"""The two-level shape shared by the targets tree and the reward tree: targets, then their
indicators. Qt calls these methods for every row it lays out (4,000 targets in a generated
20,000-row return), so they stay lean: bounds checked in Python, no enum arithmetic."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from lpsa_desktop.domain.agreement import Target

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, Qt's default parent
TOP = 0  # internalId of a target row; an indicator row stores its target's row + 1

READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
EDITABLE = READ_ONLY | Qt.ItemFlag.ItemIsEditable
CHECKABLE = READ_ONLY | Qt.ItemFlag.ItemIsUserCheckable
# Indicators never have children: Qt then skips asking, row by row, while laying out.
LEAF_READ_ONLY = READ_ONLY | Qt.ItemFlag.ItemNeverHasChildren
LEAF_EDITABLE = EDITABLE | Qt.ItemFlag.ItemNeverHasChildren


class TargetRowsModel(QAbstractItemModel):
    def __init__(self, column_count: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._targets: tuple[Target, ...] = ()
        self._column_count = column_count

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if row < 0 or not 0 <= column < self._column_count:
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._targets):
                return self.createIndex(row, column, TOP)
            return QModelIndex()
        if parent.internalId() != TOP or parent.column() != 0:
            return QModelIndex()
        if row < len(self._targets[parent.row()].indicators):
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, child: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, TOP)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self._targets)
        if parent.internalId() == TOP and parent.column() == 0:
            return len(self._targets[parent.row()].indicators)
        return 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return self._column_count

    def indicator_rows(self) -> int:
        return sum(len(t.indicators) for t in self._targets)


def shape(targets: tuple[Target, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The refs of targets and indicators: when it changes, the model is reset."""
    return tuple((t.ref, tuple(i.ref for i in t.indicators)) for t in targets)
