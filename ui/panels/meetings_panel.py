"""The Meetings tab: the agreement's meetings with their status, open actions and round, and
the one chosen in full (``MeetingDetails``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.meetings import Meeting
from ui.item_models.meeting_models import MeetingListModel, meeting_shown_first
from ui.panels.meeting_details import MeetingDetails, button_row
from ui.widgets.font_scaled_splitter import FontScaledSplitter
from ui.widgets.read_only_table import ReadOnlyTable


class MeetingsPanel(QWidget):
    meeting_chosen = Signal(object)  # Meeting | None

    def __init__(
        self,
        list_actions: list[QAction],
        meeting_actions: list[QAction],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = MeetingListModel(self)
        self.details = MeetingDetails(meeting_actions)
        self._meetings: tuple[Meeting, ...] = ()
        self._agreement: Agreement | None = None
        self._show_internal = True
        self._chosen_id: int | None = None
        self._pending_id: int | None = None  # a meeting just opened, not yet read back
        self.table = ReadOnlyTable(
            self.model,
            "meetingsTable",
            "Meetings",
            {1: 11.5, 2: 5.5},
            stretch=0,
        )
        listing = QGroupBox("Meetings")
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(4, 4, 4, 4)
        buttons = button_row(list_actions)
        buttons.addStretch(1)
        listing_layout.addLayout(buttons)
        listing_layout.addWidget(self.table)
        splitter = FontScaledSplitter(first_chars=40)
        splitter.addWidget(listing)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._on_row_changed())

    def set_meetings(self, meetings: tuple[Meeting, ...], agreement: Agreement | None) -> None:
        """Show ``meetings``; the one chosen stays chosen, else the open one, else the last."""
        self._meetings, self._agreement = meetings, agreement
        self._refresh()

    def set_show_internal(self, show: bool) -> None:
        if show != self._show_internal:
            self._show_internal = show
            self._refresh()

    def chosen(self) -> Meeting | None:
        return self.details.meeting

    def choose(self, meeting_id: int | None) -> None:
        row = self.model.row_of(meeting_id)
        if row >= 0:
            self.table.selectRow(row)

    def choose_later(self, meeting_id: int | None) -> None:
        """Choose the meeting once it is shown (it has just been opened)."""
        self._pending_id = meeting_id
        self._refresh()

    def _refresh(self) -> None:
        self.model.set_meetings(self._meetings, show_internal=self._show_internal)
        ids = [m.id for m in self._meetings]
        if self._pending_id in ids:
            self._chosen_id, self._pending_id = self._pending_id, None
        if self._chosen_id not in ids:
            first = meeting_shown_first(self._meetings)
            self._chosen_id = first.id if first is not None else None
        row = self.model.row_of(self._chosen_id)
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectRow(row)
        self._show_chosen()

    def _on_row_changed(self) -> None:
        meeting = self.model.row_at(self.table.currentIndex().row())
        if meeting is not None and meeting.id != self._chosen_id:
            self._chosen_id = meeting.id
            self._show_chosen()

    def _show_chosen(self) -> None:
        meeting = next((m for m in self._meetings if m.id == self._chosen_id), None)
        self.details.show_meeting(meeting, self._agreement, show_internal=self._show_internal)
        self.meeting_chosen.emit(meeting)
