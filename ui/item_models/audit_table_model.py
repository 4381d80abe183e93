"""The audit trail of one agreement: who changed what, when, from what to what."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ui.display import date_text

if TYPE_CHECKING:
    from lpsa_desktop.storage.audit_repository import AuditEvent

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, Qt's default parent
_HEADERS = ("When", "Officer", "Action", "What", "From", "To")
_WHOLE = {"agreement", "added", "removed", "changed"}  # the last three: early development stores


class AuditTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: list[AuditEvent] = []

    def set_events(self, events: list[AuditEvent]) -> None:
        """Newest first. New events arrive at the top: inserted, so the view keeps its place."""
        if events == self._events:
            return
        added = len(events) - len(self._events)
        if added > 0 and events[added:] == self._events:
            self.beginInsertRows(QModelIndex(), 0, added - 1)
            self._events = list(events)
            self.endInsertRows()
            return
        self.beginResetModel()
        self._events = list(events)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_HEADERS)
        ):
            return _HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event = self._events[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            what = " / ".join(p for p in (event.entity, (event.field or "").replace("_", " ")) if p)
            if event.entity in _WHOLE and not event.field:  # the agreement itself
                what = (
                    "the whole agreement"
                    if event.entity == "agreement"
                    else f"the whole agreement ({event.entity})"
                )
            values = (
                date_text(event.at),
                event.officer,
                event.action,
                what,
                event.old or "",
                event.new or "",
            )
            text = values[index.column()]
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if len(text) > 30 else None
            return text
        return None
