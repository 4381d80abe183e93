"""The audit trail of one agreement: who changed what, when, from what to what."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.display import recorded_value_text
from lpsa_desktop.domain.vocabulary import where_text
from ui.display import date_text
from ui.item_models.record_rows_model import ROOT, RecordRowsModel, long_text_tip

if TYPE_CHECKING:
    from lpsa_desktop.storage.audit_repository import AuditEvent

_HEADERS = ("When", "Officer", "Action", "What", "From", "To")
_WHOLE = {"agreement", "added", "removed", "changed"}  # the last three: early development stores


class AuditTableModel(RecordRowsModel["AuditEvent"]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_HEADERS, parent)
        self._agreement: Agreement | None = None

    def set_agreement(self, agreement: Agreement | None) -> None:
        """The agreement the trail is of: its indicators give the levels their units."""
        if agreement is self._agreement:
            return
        self._agreement = agreement
        if self.rows:
            self.dataChanged.emit(self.index(0, 4), self.index(len(self.rows) - 1, 5))

    def set_events(self, events: list[AuditEvent]) -> None:
        """Newest first. New events arrive at the top: inserted, so the view keeps its place."""
        if events == list(self.rows):
            return
        added = len(events) - len(self.rows)
        if added > 0 and events[added:] == list(self.rows):
            self.beginInsertRows(ROOT, 0, added - 1)
            self._rows = list(events)
            self.endInsertRows()
            return
        self.replace_rows(list(events))

    def cell(self, event: AuditEvent, column: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        what = where_text(event.entity, event.field)
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
            recorded_value_text(event.entity, event.field, event.old, self._agreement) or "",
            recorded_value_text(event.entity, event.field, event.new, self._agreement) or "",
        )
        text = values[column]
        return long_text_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
