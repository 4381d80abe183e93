"""Rounds, comparisons and meetings: the negotiation commands and panels, connected.

Decisions, actions and ticks are undo commands on the agreement's stack, like any edit.
Taking a round and closing a meeting cannot be undone (rounds are read-only by design): they
ask first, and their menu entries say so. Nothing here touches the store: the negotiation
session does that on the worker.
"""

# Each dialog's module is imported when the dialog is first opened, not at start-up.
# ruff: noqa: PLC0415

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFileDialog

from lpsa_desktop.domain.meetings import ItemRef, Meeting, MeetingStatus
from ui.app_settings import AppSettings
from ui.commands.negotiation_commands import (
    AddActionCommand,
    MarkActionDoneCommand,
    RecordDecisionCommand,
)
from ui.dialogs.error_dialog import show_refusal
from ui.main_window import MainWindow
from ui.negotiation_session import NegotiationSession
from ui.session import AgreementSession
from ui.widgets.dialog_focus import return_focus_when_closed
from ui.widgets.round_picker import Side

if TYPE_CHECKING:
    from ui.dialogs.open_meeting_dialog import OpenMeetingDialog
    from ui.dialogs.take_round_dialog import TakeRoundDialog
    from ui.negotiation_work import NegotiationRecord
    from ui.panels.meetings_panel import MeetingsPanel
    from ui.panels.negotiation_panel import NegotiationPanel

MINUTES_FILTER = "PDF (*.pdf);;Word document, editable (*.docx)"
STATUS_MS = 8000


class NegotiationActions(QObject):
    def __init__(
        self,
        window: MainWindow,
        session: AgreementSession,
        negotiation: NegotiationSession,
        *,
        settings: AppSettings,
        stack_for: Callable[[str], QUndoStack],
        presentation_active: Callable[[], bool],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._negotiation = negotiation
        self._settings = settings
        self._stack_for = stack_for
        self._presentation_active = presentation_active
        self.dialog: Any = None  # the dialog open now (tests drive it)
        self._connect_signals()
        self._on_meeting_chosen(None)

    def _connect_signals(self) -> None:
        w, a, n = self._window, self._window.window_actions, self._negotiation
        a.take_round.triggered.connect(self.take_round)
        a.open_meeting.triggered.connect(self.open_meeting)
        a.close_meeting.triggered.connect(self.close_meeting)
        a.export_minutes.triggered.connect(self._on_export_triggered)
        a.record_decision.triggered.connect(lambda: self._focus_entry(decision=True))
        a.add_action_item.triggered.connect(lambda: self._focus_entry(decision=False))
        a.show_negotiation.triggered.connect(lambda: w.tabs.setCurrentWidget(w.negotiation))
        a.show_meetings.triggered.connect(lambda: w.tabs.setCurrentWidget(w.meetings))
        n.record_changed.connect(self._on_record_changed)
        n.refused.connect(self._on_refused)
        n.done.connect(self._say)
        # The two tabs are wired, and given the record, when first shown (ui.lazy_tabs).
        w.lazy_tabs.negotiation.when_built(self._on_negotiation_built)
        w.lazy_tabs.meetings.when_built(self._on_meetings_built)

    def _on_negotiation_built(self, panel: NegotiationPanel) -> None:
        panel.compare_requested.connect(self._on_compare_requested)
        record = self._negotiation.record
        panel.set_record(record.rounds if record else (), self._session.agreement)

    def _on_meetings_built(self, panel: MeetingsPanel) -> None:
        panel.meeting_chosen.connect(self._on_meeting_chosen)
        details = panel.details
        details.decision_entered.connect(self._on_decision_entered)
        details.action_entered.connect(self._on_action_entered)
        details.incomplete.connect(self._say)
        details.actions_model.done_toggled.connect(self._on_done_toggled)
        record = self._negotiation.record
        panel.set_meetings(record.meetings if record else (), self._session.agreement)

    # -- rounds ------------------------------------------------------------------------------

    def take_round(self) -> None:
        from ui.dialogs.take_round_dialog import TakeRoundDialog

        if self._session.agreement is None:
            return
        record = self._negotiation.record
        taken = max((r.number for r in record.rounds), default=0) if record else 0
        dialog = TakeRoundDialog(
            taken + 1, allow_internal=not self._presentation_active(), parent=self._window
        )
        dialog.accepted.connect(lambda: self._take_round(dialog))
        self._show(dialog)

    def _take_round(self, dialog: TakeRoundDialog) -> None:
        self._negotiation.take_round(
            name=dialog.name.text().strip(),
            party=dialog.chosen_party(),
            held_on=dialog.chosen_date(),
            internal=dialog.is_internal(),
        )
        self._window.tabs.setCurrentWidget(self._window.negotiation)

    def _on_compare_requested(self, before: Side, after: Side, request: int) -> None:
        panel = self._window.negotiation
        self._negotiation.compare(
            before,
            after,
            shared_only=not panel.show_internal,
            then=lambda comparison: panel.show_comparison(comparison, request),
        )

    # -- meetings ------------------------------------------------------------------------------

    def open_meeting(self) -> None:
        from ui.dialogs.open_meeting_dialog import OpenMeetingDialog

        agreement = self._session.agreement
        if agreement is None:
            return
        dialog = OpenMeetingDialog(
            agreement, include_reserve=not self._presentation_active(), parent=self._window
        )
        dialog.accepted.connect(lambda: self._open_meeting(dialog))
        self._show(dialog)

    def _open_meeting(self, dialog: OpenMeetingDialog) -> None:
        meetings = self._window.meetings
        self._negotiation.open_meeting(
            held_on=dialog.chosen_date(),
            place=dialog.place.text().strip(),
            attendees=dialog.chosen_attendees(),
            agenda=dialog.chosen_agenda(),
            then=lambda meeting: meetings.choose_later(meeting.id),
        )
        self._window.tabs.setCurrentWidget(meetings)

    def close_meeting(self) -> None:
        from ui.dialogs.confirm_dialog import ConfirmDialog

        meeting = self._window.meetings.chosen()
        if meeting is None or meeting.id is None or meeting.status is MeetingStatus.CLOSED:
            self._say("Choose an open meeting to close (Meetings tab).")
            return
        meeting_id = meeting.id
        dialog = ConfirmDialog(
            "Close the meeting",
            f"Close the {meeting.title_in_sentence}?",
            "The values as they stand now are recorded as a new round, agreed jointly, and "
            "the meeting's decisions and actions become final (actions can still be ticked "
            "off). This cannot be undone.",
            "Close meeting (cannot be undone)",
            self._window,
        )
        dialog.confirm_button.clicked.connect(lambda: self._negotiation.close_meeting(meeting_id))
        self._show(dialog)

    def _on_export_triggered(self) -> None:
        self.export_minutes()  # triggered(bool) would pass its flag as the destination

    def export_minutes(self, destination: Path | None = None) -> None:
        meeting = self._window.meetings.chosen()
        if meeting is None or meeting.id is None:
            self._say("Choose the meeting whose minutes to export (Meetings tab).")
            return
        if destination is None:
            destination = self._ask_minutes_path(meeting)
            if destination is None:
                return
        self._settings.last_folder = str(destination.parent)
        self._negotiation.export_minutes(meeting.id, destination)

    def _ask_minutes_path(self, meeting: Meeting) -> Path | None:
        name = f"minutes-{meeting.agreement_ref}-{meeting.held_on.isoformat()}.pdf"
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self._window,
            "Export the minutes",
            str(Path(self._settings.last_folder) / name),
            MINUTES_FILTER,
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".pdf", ".docx"):
            path = path.with_suffix(".docx" if "docx" in chosen_filter else ".pdf")
        return path

    def _on_decision_entered(self, item: ItemRef | None, text: str, internal: bool) -> None:
        meeting = self._window.meetings.chosen()
        if meeting is not None and meeting.id is not None:
            command = RecordDecisionCommand(
                self._negotiation, meeting.id, item, text, internal=internal
            )
            self._push(meeting, command)

    def _on_action_entered(
        self, item: ItemRef | None, text: str, owner: str, due: date | None, internal: bool
    ) -> None:
        meeting = self._window.meetings.chosen()
        if meeting is not None and meeting.id is not None:
            command = AddActionCommand(
                self._negotiation, meeting.id, item, text, owner=owner, due=due, internal=internal
            )
            self._push(meeting, command)

    def _on_done_toggled(self, index: int, done: bool) -> None:
        meeting = self._window.meetings.chosen()
        if meeting is not None and meeting.id is not None:
            self._push(
                meeting, MarkActionDoneCommand(self._negotiation, meeting.id, index, done=done)
            )

    def _on_meeting_chosen(self, meeting: Meeting | None) -> None:
        a = self._window.window_actions
        running = meeting is not None and meeting.status is MeetingStatus.OPEN
        a.close_meeting.setEnabled(running)
        a.record_decision.setEnabled(running)
        a.add_action_item.setEnabled(running)
        a.export_minutes.setEnabled(meeting is not None)

    def _focus_entry(self, *, decision: bool) -> None:
        meetings = self._window.meetings
        self._window.tabs.setCurrentWidget(meetings)
        entry = meetings.details.decision_entry if decision else meetings.details.action_entry
        entry.text.setFocus()

    # -- the record and what went wrong ----------------------------------------------------------

    def _on_record_changed(self, record: NegotiationRecord | None) -> None:
        w, agreement = self._window, self._session.agreement
        rounds, meetings = (record.rounds, record.meetings) if record else ((), ())
        w.lazy_tabs.negotiation.if_built(lambda panel: panel.set_record(rounds, agreement))
        w.lazy_tabs.meetings.if_built(lambda panel: panel.set_meetings(meetings, agreement))
        if not w.lazy_tabs.meetings.built:  # the menu acts on the meeting the tab would show
            from ui.item_models.meeting_models import meeting_shown_first

            self._on_meeting_chosen(meeting_shown_first(meetings))
        marks = record.marks if record else {}
        w.target_model.set_status_marks(marks)
        w.freedom_model.set_status_marks(marks)

    def _on_refused(self, message: str) -> None:
        show_refusal(self._window, "Not done", message)

    def _push(self, meeting: Meeting, command: QUndoCommand) -> None:
        self._stack_for(meeting.agreement_ref).push(command)
        self._say(f"{command.text()[:1].upper()}{command.text()[1:]} (Ctrl+Z to undo)")

    def _show(self, dialog: Any) -> None:
        self.dialog = dialog
        return_focus_when_closed(dialog)
        dialog.open()

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MS)
