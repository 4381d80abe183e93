"""One meeting: who came, the agenda, and its decisions and action items.

While the meeting is open, a decision or action is typed under its table and recorded
against the agenda item chosen on the left ("general" if none). Once it is closed its
record is read-only, but actions can still be ticked off: that is follow-up.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.meetings import ItemKind, ItemRef, Meeting, MeetingStatus
from ui.item_models.meeting_models import ActionTableModel, DecisionTableModel
from ui.panels.meeting_entry import ActionEntry, DecisionEntry
from ui.widgets.font_scaled_splitter import FontScaledSplitter
from ui.widgets.read_only_table import ReadOnlyTable

_ITEM_ROLE = Qt.ItemDataRole.UserRole


class MeetingDetails(QGroupBox):
    decision_entered = Signal(object, str, bool)  # ItemRef | None, text, internal
    action_entered = Signal(object, str, str, object, bool)  # item, text, owner, due, internal
    incomplete = Signal(str)

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__("No meeting chosen", parent)
        self.decisions_model = DecisionTableModel(self)
        self.actions_model = ActionTableModel(self)
        self.meeting: Meeting | None = None
        self.attendees = QLabel()
        self.attendees.setObjectName("meetingAttendees")
        self.attendees.setWordWrap(True)
        self.attendees.setTextFormat(Qt.TextFormat.PlainText)
        self.state = QLabel()
        self.state.setObjectName("meetingState")
        self.state.setWordWrap(True)
        self.agenda = QListWidget()
        self.agenda.setObjectName("meetingAgenda")
        self.agenda.setAccessibleName("Agenda")
        self.agenda.setToolTip("Decisions and actions are recorded against the item chosen here")
        self.agenda.setWordWrap(True)  # long target titles read whole in a narrow list
        self.decision_entry = DecisionEntry()
        self.action_entry = ActionEntry()
        self.decisions_table = ReadOnlyTable(
            self.decisions_model, "decisionsTable", "Decisions", {0: 11, 2: 7}, stretch=1
        )
        self.actions_table = ReadOnlyTable(
            self.actions_model,
            "actionsTable",
            "Action items",
            {0: 4.5, 1: 10, 3: 12, 4: 9.5, 5: 7},
            stretch=2,
        )
        splitter = FontScaledSplitter(first_chars=22)
        splitter.addWidget(_titled("Agenda", self.agenda))
        # The tables' own headers (Decision, Action) name them; no titles over them, so that
        # the tab needs no more height than the others and the reward panel keeps its room.
        tables = QSplitter(Qt.Orientation.Vertical)
        tables.addWidget(_titled("", self.decisions_table, self.decision_entry))
        tables.addWidget(_titled("", self.actions_table, self.action_entry))
        for table in (self.decisions_table, self.actions_table):
            table.setMinimumHeight(table.fontMetrics().lineSpacing() * 3)
        splitter.addWidget(tables)
        splitter.setStretchFactor(1, 1)
        top = button_row(actions)
        top.insertWidget(0, self.state, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.attendees)
        layout.addWidget(splitter, 1)
        self.decision_entry.entered.connect(
            lambda text, internal: self.decision_entered.emit(self.agenda_item(), text, internal)
        )
        self.action_entry.entered.connect(self._on_action_entered)
        self.action_entry.incomplete.connect(self.incomplete)
        self.show_meeting(None, None, show_internal=True)

    def show_meeting(
        self, meeting: Meeting | None, agreement: Agreement | None, *, show_internal: bool
    ) -> None:
        same = meeting is not None and self.meeting is not None and meeting.id == self.meeting.id
        self.meeting = meeting
        self.decisions_model.set_meeting(meeting, show_internal=show_internal)
        self.actions_model.set_meeting(meeting, show_internal=show_internal)
        for entry in (self.decision_entry, self.action_entry):
            entry.internal.setVisible(show_internal)
            entry.setEnabled(meeting is not None and meeting.status is MeetingStatus.OPEN)
        if meeting is None:
            self.setTitle("No meeting chosen")
            self.attendees.setText("")
            self.state.setText("Open a meeting to record its decisions and action items.")
            self.agenda.clear()
            return
        self.setTitle(f"{meeting.title} ({meeting.status.value})")
        self.attendees.setText(_attendees_text(meeting))
        self.state.setText(_state_text(meeting))
        self.action_entry.set_people([a.name for a in meeting.attendees])
        self._show_agenda(meeting, agreement, keep=same)

    def agenda_item(self) -> ItemRef | None:
        current = self.agenda.currentItem()
        data = current.data(_ITEM_ROLE) if current is not None else None
        return data if isinstance(data, ItemRef) else None

    def choose_agenda_item(self, item: ItemRef | None) -> None:
        for row in range(self.agenda.count()):
            if self.agenda.item(row).data(_ITEM_ROLE) == item:
                self.agenda.setCurrentRow(row)

    def _show_agenda(self, meeting: Meeting, agreement: Agreement | None, *, keep: bool) -> None:
        kept = self.agenda_item() if keep else None
        self.agenda.clear()
        general = QListWidgetItem("General (no one item)")
        general.setData(_ITEM_ROLE, None)
        self.agenda.addItem(general)
        for item in meeting.agenda:
            entry = QListWidgetItem(_agenda_text(item, agreement))
            entry.setData(_ITEM_ROLE, item)
            entry.setToolTip(entry.text())
            self.agenda.addItem(entry)
        self.agenda.setCurrentRow(1 if meeting.agenda and not keep else 0)
        if kept is not None:
            self.choose_agenda_item(kept)

    def _on_action_entered(self, text: str, owner: str, due: date | None, internal: bool) -> None:
        self.action_entered.emit(self.agenda_item(), text, owner, due, internal)


def button_row(actions: list[QAction]) -> QHBoxLayout:
    """The actions as text buttons, left to right."""
    row = QHBoxLayout()
    for action in actions:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        row.addWidget(button)
    return row


def _titled(title: str, main: QWidget, *below: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 2, 0, 0)
    layout.setSpacing(2)
    if title:
        layout.addWidget(QLabel(f"<b>{title}</b>"))
    layout.addWidget(main, 1)
    for widget in below:
        layout.addWidget(widget)
    return box


def _agenda_text(item: ItemRef, agreement: Agreement | None) -> str:
    name = ""
    if agreement is not None:
        if item.kind is ItemKind.TARGET and (target := agreement.target(item.ref)):
            name = target.title
        elif item.kind is ItemKind.INDICATOR and (found := agreement.find_indicator(item.ref)):
            name = found[1].description
        elif item.kind is ItemKind.FREEDOM:
            name = next((f.description for f in agreement.freedoms if f.ref == item.ref), "")
    return f"{item}: {name}" if name else str(item)


def _attendees_text(meeting: Meeting) -> str:
    groups = meeting.organisations()
    if not groups:
        return "Attendees: none recorded"
    return "Attendees: " + " · ".join(f"{org}: {', '.join(names)}" for org, names in groups.items())


def _state_text(meeting: Meeting) -> str:
    if meeting.status is MeetingStatus.OPEN:
        return "Open: decisions and actions go against the agenda item chosen."
    return (
        f"Closed: the values agreed are round {meeting.round_number}; actions can still "
        "be ticked off."
    )
