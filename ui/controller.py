"""What happens when the officer acts: the window's signals, connected in one place.

The window lays out; the session reaches the store; this controller joins them. Every
change an officer makes becomes one undo command on the stack of the agreement it changes
(``QUndoGroup`` keeps one stack per agreement, so Ctrl+Z never undoes something in an
agreement that is not on screen).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoGroup, QUndoStack
from PySide6.QtWidgets import QApplication, QSplitter

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.validation import ValidationIssue, validate_agreement
from lpsa_desktop.domain.validation_memo import ValidationMemo
from lpsa_desktop.errors import InvalidValueError
from lpsa_desktop.services import agreement_edits
from ui import structure_edits
from ui.agreement_lifecycle_actions import AgreementLifecycleActions
from ui.app_settings import AppSettings
from ui.clipboard.clipboard_actions import TableClipboard
from ui.commands.edit_field_command import EditFieldCommand
from ui.commands.negotiation_commands import SetItemStatusCommand
from ui.commands.paste_command import PasteCommand
from ui.compute import compute_after_layout, worth_a_thread
from ui.delivery_actions import DeliveryActions
from ui.dialogs.error_dialog import show_refusal
from ui.edit_problems import EditProblems
from ui.edit_warnings import edit_warning, edit_warnings
from ui.file_actions import FileActions
from ui.item_models.cells import FieldEdit
from ui.main_window import WINDOW_TITLE, MainWindow
from ui.negotiation_actions import NegotiationActions
from ui.negotiation_session import NegotiationSession
from ui.officer_prompt import OfficerPrompt
from ui.presentation import PresentationMode
from ui.session import AgreementSession
from ui.store_file_actions import StoreFileActions
from ui.tasks import TaskRunner
from ui.widgets import start_folder
from ui.widgets.refusal_balloon import RefusalBalloon
from ui.write_access import WriteAccessGate

if TYPE_CHECKING:
    from lpsa_desktop.storage.audit_repository import AuditEvent
    from ui.panels.audit_panel import AuditPanel
    from ui.panels.overview_panel import OverviewPanel
    from ui.panels.records_panel import RecordsPanel
    from ui.panels.targets_panel import TargetsPanel
    from ui.window_tabs import PeoplePanels

log = logging.getLogger(__name__)
STATUS_MS = 6000


class WindowController:
    def __init__(
        self,
        window: MainWindow,
        session: AgreementSession,
        undo_group: QUndoGroup,
        settings: AppSettings,
        compute: TaskRunner,
    ) -> None:
        self.window = window
        self.compute = compute  # a second thread, for validation and rewards of huge agreements
        window.reward.background = compute
        self.session = session
        self.undo_group = undo_group
        self.settings = settings
        self.presentation = PresentationMode(window, lambda: settings.presentation_scale)
        self.structure = structure_edits.StructureEdits(window, session, self.stack_for)
        self.edit_problems = EditProblems(window, session, self.stack_for)
        self.files = FileActions(
            window,
            session,
            settings=settings,
            stack_for=self.stack_for,
            presentation_active=lambda: self.presentation.active,
            open_store=self.open_store,
        )
        self.store_files = StoreFileActions(window, session, open_store=self.open_store)
        # Not Restore from a backup: it is a damaged store's way out, and works on files only.
        self.write_access = WriteAccessGate(window, session, [])
        self.lifecycle = AgreementLifecycleActions(window, session, stack_for=self.stack_for)
        self.negotiation = NegotiationSession(session, window)
        self.negotiating = NegotiationActions(
            window,
            session,
            self.negotiation,
            settings=settings,
            stack_for=self.stack_for,
            presentation_active=lambda: self.presentation.active,
        )
        self._stacks: dict[str, QUndoStack] = {}
        self.delivery = DeliveryActions(window, session, stack_for=self.stack_for)
        self.officer = OfficerPrompt(
            window, session, lambda message: window.statusBar().showMessage(message, 10_000)
        )
        # Validation runs once per change, just after the change is on screen (a zero-time
        # timer coalesces a burst of edits): typing never waits for it.
        self._validation = QTimer(window)
        self._validation.setSingleShot(True)
        self._validation.setInterval(0)
        self._validation.timeout.connect(self._validate)
        self._validation_memo = ValidationMemo()  # works out again only what an edit touched
        self._store_location = ""
        self._issues: list[ValidationIssue] = []  # of the agreement on screen, for tabs built later
        self._history: list[AuditEvent] = []  # likewise its audit trail
        self.clipboard = self._build_clipboard()
        self.refusal_balloon = RefusalBalloon(window)
        start_folder.use_settings(settings)  # every file dialog opens where the last one did
        self._connect_signals()

    def _connect_signals(self) -> None:
        w, a, s = self.window, self.window.window_actions, self.session
        s.store_opened.connect(self._on_store_opened)
        s.store_failed.connect(self._on_store_failed)
        s.agreements_listed.connect(w.agreement_list_model.set_summaries)
        s.agreement_changed.connect(self._on_agreement_changed)
        s.history_loaded.connect(self._on_history_loaded)
        s.edit_failed.connect(self._on_edit_failed)
        s.saving_changed.connect(self._on_saving_changed)
        w.navigator.agreement_chosen.connect(self._on_agreement_chosen)
        for model in (w.target_model, w.freedom_model, w.partner_model, w.signatory_model):
            model.edit_requested.connect(self._on_edit_requested)
            model.edit_refused.connect(self._on_edit_refused)
        # The tabs' panels are wired (and given what the window shows) when they are built.
        tabs = w.lazy_tabs
        tabs.overview.when_built(self._on_overview_built)
        tabs.targets.when_built(self._on_targets_built)
        tabs.freedoms.when_built(self._on_freedoms_built)
        tabs.people.when_built(self._on_people_built)
        tabs.audit.when_built(self._on_audit_built)
        for tab in tabs.by_name().values():  # however a tab comes to be built, after it is fed
            tab.when_built(lambda _panel: self.write_access.apply())
        w.reward.model.edit_refused.connect(self._on_edit_refused)
        w.banner.leave_requested.connect(lambda: self.presentation.set_active(False))
        w.closing.connect(self._on_closing)
        a.presentation_mode.toggled.connect(self.presentation.set_active)
        a.find_agreement.triggered.connect(self._on_find_agreement)
        a.reload.triggered.connect(s.reload)
        a.quit.triggered.connect(w.close)
        for index, action in enumerate(
            (a.show_overview, a.show_targets, a.show_freedoms, a.show_people, a.show_audit)
        ):  # Negotiation and Meetings: ui.negotiation_actions
            action.triggered.connect(lambda _checked=False, i=index: w.tabs.setCurrentIndex(i))
        self.structure.connect_actions(a)

    def _on_overview_built(self, overview: OverviewPanel) -> None:
        overview.edit_requested.connect(self._on_edit_requested)
        overview.issue_activated.connect(self._on_issue_activated)
        overview.set_agreement(self.session.agreement)
        overview.set_issues(self._issues)

    def _on_targets_built(self, targets: TargetsPanel) -> None:
        targets.edit_requested.connect(self._on_edit_requested)
        targets.preview_changed.connect(self.window.reward.preview)
        self._restore_splitter(targets.splitter)
        targets.details_toggle.follow_splitter()
        self.clipboard.add_view(targets.tree)

    def _on_freedoms_built(self, freedoms: RecordsPanel) -> None:
        if freedoms.splitter is not None:
            self._restore_splitter(freedoms.splitter)
            freedoms.details_toggle.follow_splitter()
        self.clipboard.add_view(freedoms.table)

    def _on_people_built(self, people: PeoplePanels) -> None:
        self.clipboard.add_view(people.partners.table)
        self.clipboard.add_view(people.signatories.table)

    def _on_audit_built(self, audit: AuditPanel) -> None:
        audit.model.set_agreement(self.session.agreement)  # first: it gives levels their units
        audit.model.set_events(self._history)

    # -- starting and stopping ---------------------------------------------------------------

    def start(self, location: str | None, *, add_demo: bool) -> None:
        """Show the window now; open the store on the worker and fill the window when ready."""
        self._store_location = location or ""
        self._restore_layout()
        self.session.open(location, add_demo=add_demo, remembered=self.settings.last_agreement)

    def open_store(self, location: str) -> None:
        """Switch to another store: its agreements, its undo history (none yet)."""
        for stack in self._stacks.values():
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self._stacks.clear()
        self.window.heading.setText("Opening the store…")
        self.session.open(location, add_demo=False, remembered=self.settings.last_agreement)

    def stack_for(self, agreement_ref: str) -> QUndoStack:
        stack = self._stacks.get(agreement_ref)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self._stacks[agreement_ref] = stack
        return stack

    def _restore_layout(self) -> None:
        w = self.window
        if (geometry := self.settings.window_geometry) is not None:
            w.restoreGeometry(geometry)
        if (state := self.settings.window_state) is not None:
            w.restoreState(state)
        # Only the tab in front is built now; the others when they are first shown.
        w.tabs.setCurrentIndex(min(self.settings.current_tab, w.tabs.count() - 1))
        w.tabs.build_current()

    def _restore_splitter(self, splitter: QSplitter) -> None:
        if (divided := self.settings.splitter_state(splitter.objectName())) is not None:
            splitter.restoreState(divided)

    def _remembered_splitters(self) -> list[QSplitter]:
        """The splitters of the tabs built (an unbuilt tab's remembered sizes stay as they
        were in the settings)."""
        tabs = self.window.lazy_tabs
        panels = [tab.panel for tab in (tabs.targets, tabs.freedoms) if tab.built]
        return [p.splitter for p in panels if p.splitter is not None]

    def _on_closing(self) -> None:
        self.presentation.set_active(False)  # so the saved layout is the everyday one
        w = self.window
        self.settings.window_geometry = w.saveGeometry()
        self.settings.window_state = w.saveState()
        for splitter in self._remembered_splitters():
            self.settings.set_splitter_state(splitter.objectName(), splitter.saveState())
        self.settings.current_tab = w.tabs.currentIndex()
        agreement = self.session.agreement
        if self.session.store is not None:
            self.settings.set_last_agreement(
                str(self.session.store), agreement.ref if agreement else None
            )
        self.settings.sync()
        self.session.close()
        self.compute.shutdown()

    # -- the store and the agreement on screen -----------------------------------------------------

    def _on_store_opened(self, where: str) -> None:
        self.settings.add_recent_store(where)
        # The file's name only: a full path pushed the status messages off the bar.
        store = self.session.store
        if store is not None and store.on_server:
            # The database and its server, not the URL: the bar has no room for it.
            self.window.store_label.setText(f"Store: {store.short_name}")
        else:
            self.window.store_label.setText(f"Store: {Path(where).name or where}")
        self.window.store_label.setToolTip(
            f"{where}\nOfficer recorded in the audit trail: {self.session.officer}"
        )
        self.window.saved_label.setText("All changes saved")

    def _on_store_failed(self, message: str) -> None:
        self.window.heading.setText("No store is open")
        show_refusal(self.window, "The store could not be opened", message)

    def _on_agreement_chosen(self, ref: str) -> None:
        self.session.select(ref)

    def _on_agreement_changed(self, agreement: Agreement | None) -> None:
        w = self.window
        w.target_model.set_agreement(agreement)
        w.freedom_model.set_agreement(agreement)
        w.partner_model.set_agreement(agreement)
        w.signatory_model.set_agreement(agreement)
        w.lazy_tabs.overview.if_built(lambda overview: overview.set_agreement(agreement))
        w.reward.set_agreement(agreement)
        w.lazy_tabs.audit.if_built(lambda audit: audit.model.set_agreement(agreement))
        self._validation.start()
        w.navigator.show_chosen(agreement.ref if agreement else None)
        if agreement is None:
            w.heading.setText("No agreement: File ▸ New agreement… (Ctrl+N), or import a return")
            w.setWindowTitle(WINDOW_TITLE)
            return
        self.undo_group.setActiveStack(self.stack_for(agreement.ref))
        w.heading.setTextFormat(Qt.TextFormat.PlainText)  # a title is text, never markup
        w.heading.setText(agreement.title)
        w.setWindowTitle(
            f"{agreement.lead_council.name} ({agreement.generation.value}) – {WINDOW_TITLE}"
        )

    def _validate(self) -> None:
        agreement = self.session.agreement
        if agreement is None:
            self._show_issues(None, [])
        elif worth_a_thread(agreement):
            compute_after_layout(
                self.compute,
                lambda: validate_agreement(agreement),
                lambda issues: self._show_issues(agreement, issues),
            )
        else:
            self._show_issues(agreement, self._validation_memo.validate(agreement))

    def _show_issues(self, agreement: Agreement | None, issues: list[ValidationIssue]) -> None:
        if agreement is not self.session.agreement:
            return  # worked out for a version that has been replaced meanwhile
        w = self.window
        self._issues = issues
        w.target_model.set_issues(issues)
        w.freedom_model.set_issues(issues)
        w.lazy_tabs.overview.if_built(lambda overview: overview.set_issues(issues))

    # -- edits -----------------------------------------------------------------------------

    def _on_edit_requested(self, edit: FieldEdit) -> None:
        try:
            agreement_edits.check_value(edit.address, edit.new)
        except InvalidValueError as problem:
            self._on_edit_refused(str(problem))
            return
        stack = self.stack_for(edit.agreement_ref)
        if edit.address.field == "negotiation":  # "Agreed?": marked as `lpsa status` marks it
            ref, address = edit.agreement_ref, edit.address
            stack.push(SetItemStatusCommand(self.session, ref, address, edit.old, edit.new))
        else:
            stack.push(EditFieldCommand(self.session, edit))
        warning = edit_warning(self.session.agreement, edit)
        if warning:
            self.window.statusBar().showMessage(f"Check: {warning}", STATUS_MS)
            QApplication.beep()

    def _build_clipboard(self) -> TableClipboard:
        w, a = self.window, self.window.window_actions
        clipboard = TableClipboard(
            [],  # each tab's tables join when the tab is built
            self.push_edits,
            lambda message: show_refusal(w, "Not pasted", message),
            lambda message: w.statusBar().showMessage(message, STATUS_MS),
            w,
        )
        a.cut.triggered.connect(clipboard.cut)
        a.copy.triggered.connect(clipboard.copy)
        a.paste.triggered.connect(clipboard.paste)
        return clipboard

    def push_edits(self, edits: list[FieldEdit], label: str) -> None:
        """Several edits (a paste) as one undo command: one Ctrl+Z takes them all back."""
        if not edits:
            return
        stack = self.stack_for(edits[0].agreement_ref)
        if any(edit.address.field == "negotiation" for edit in edits):
            # "Agreed?" marks are recorded as `lpsa status` records them, one by one.
            stack.beginMacro(label)
            for edit in edits:
                self._on_edit_requested(edit)
            stack.endMacro()
            return
        warnings = edit_warnings(self.session.agreement, edits)
        stack.push(PasteCommand(self.session, edits, label))
        if warnings:
            more = f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else ""
            self.window.statusBar().showMessage(f"Check: {warnings[0]}{more}", STATUS_MS)

    def _on_edit_refused(self, message: str) -> None:
        self.window.statusBar().showMessage(f"Not changed: {message}", STATUS_MS)
        self.refusal_balloon.show_for(f"Not changed: {message}")  # at the cell, too
        QApplication.beep()

    def _on_edit_failed(self, _agreement_ref: str, message: str) -> None:
        # Nothing reached the store (no store open, or refused on screen already). Writes
        # the store did not take are ``EditProblems``' to handle, step by step.
        show_refusal(self.window, "The change was not saved", message)

    def _on_history_loaded(self, events: list[AuditEvent]) -> None:
        self._history = events
        self.window.lazy_tabs.audit.if_built(lambda audit: audit.model.set_events(events))

    def _on_saving_changed(self, saving: bool) -> None:
        self.window.saved_label.setText("Saving…" if saving else "All changes saved")

    def _on_issue_activated(self, issue: ValidationIssue) -> None:
        where = issue.location
        w = self.window
        if where.freedom is not None:
            w.tabs.setCurrentWidget(w.freedoms)
        elif where.target is not None:
            w.tabs.setCurrentWidget(w.targets)
            column = {
                "with_": "with",
                "without": "without",
                "baseline": "baseline",
                "weight": "weight",
            }
            w.targets.select(where.target, where.indicator, column.get(where.field or "", "title"))

    def _on_find_agreement(self, _checked: bool = False) -> None:
        if self.presentation.active:
            self.window.navigator_dock.show()
        self.window.navigator_dock.raise_()
        self.window.navigator.focus_filter()
