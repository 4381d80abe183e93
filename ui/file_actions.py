"""The File, Edit ▸ Preferences and Help commands: stores, import, export, sign, verify, print.

Each opens its dialog with the narrow things it needs (the session for store work, the
agreement on screen) and reports back through the status bar. No import, PDF or signing
logic lives here or in the dialogs: they call the core's services on the worker.
"""

# Each dialog's module is imported when the dialog is first opened, not at start-up.
# ruff: noqa: PLC0415

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui.app_settings import AppSettings
from ui.main_window import MainWindow
from ui.session import AgreementSession
from ui.tasks import TaskControl
from ui.widgets.dialog_focus import return_focus_when_closed

if TYPE_CHECKING:
    from lpsa_desktop.domain.agreement import Agreement
    from ui.dialogs.preferences_dialog import PreferencesDialog
    from ui.dialogs.sign_dialog import SignDialog

WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")
WORKBOOK_FILTER = "Council returns (*.xlsx *.xlsm *.xls *.ods)"
STORE_FILTER = "LPSA Desk stores (*.sqlite *.db);;All files (*)"
PACKAGE_FILTER = "Agreement packages (*.lpsa)"
STATUS_MS = 10_000


class FileActions(QObject):
    def __init__(
        self,
        window: MainWindow,
        session: AgreementSession,
        *,
        settings: AppSettings,
        stack_for: Callable[[str], QUndoStack],
        presentation_active: Callable[[], bool],
        open_store: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._settings = settings
        self._stack_for = stack_for
        self._presentation_active = presentation_active
        self._open_store = open_store
        self.last_pdf: Path | None = None
        self.dialog: Any = None  # the dialog open now (tests drive it)
        self._connect_signals()

    def _connect_signals(self) -> None:
        a = self._window.window_actions
        a.open_store.triggered.connect(self.choose_store)
        a.recent_stores.aboutToShow.connect(self._fill_recent_stores)
        # triggered(bool) would pass its flag as the path: these slots take no argument.
        a.import_return.triggered.connect(self._on_import_triggered)
        a.revert_import.triggered.connect(self.revert_import)
        a.send_agreement.triggered.connect(self.send_agreement)
        a.receive_agreement.triggered.connect(self._on_receive_triggered)
        a.export_pdf.triggered.connect(self.export_pdf)
        a.sign_pdf.triggered.connect(self.sign_pdf)
        a.verify_pdf.triggered.connect(self._on_verify_triggered)
        a.print_preview.triggered.connect(self.print_preview)
        a.print_agreement.triggered.connect(self.print_agreement)
        a.preferences.triggered.connect(self.preferences)
        a.shortcuts_help.triggered.connect(self.shortcuts_help)
        a.about.triggered.connect(self.about)
        self._window.files_dropped.connect(self.open_dropped)

    def _on_import_triggered(self) -> None:
        self.import_return()

    def _on_verify_triggered(self) -> None:
        self.verify_pdf()

    def choose_store(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self._window,
            "Open a store (a new name makes a new, empty store)",
            self._settings.last_folder,
            STORE_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if chosen:
            self._open_store(chosen)

    def _fill_recent_stores(self) -> None:
        menu = self._window.window_actions.recent_stores
        menu.clear()
        for number, location in enumerate(self._settings.recent_stores, start=1):
            action = menu.addAction(f"&{number} {location}")
            action.triggered.connect(lambda _checked=False, where=location: self._open_store(where))
        if menu.isEmpty():
            menu.addAction("(none yet)").setEnabled(False)

    def open_dropped(self, paths: list[Path]) -> None:
        """A workbook dropped on the window is imported; a PDF is verified; an agreement
        package is received (merged, conflicts shown first)."""
        for path in paths:
            if path.suffix.lower() == ".lpsa":
                self.receive_agreement(path)
                return
            if path.suffix.lower() in WORKBOOKS:
                self.import_return(path)
                return
            if path.suffix.lower() == ".pdf":
                self.verify_pdf(path)
                return
        self._say(
            f"{paths[0].name}: drop a council return (.xlsx, .xls, .ods), a signed PDF or an "
            "agreement package (.lpsa)"
        )

    def import_return(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self._window, "Import a council return", self._settings.last_folder, WORKBOOK_FILTER
            )
            if not chosen:
                return
            path = Path(chosen)
        from ui.dialogs.import_dialog import ImportDialog

        self._settings.last_folder = str(path.parent)
        agreement = self._session.agreement
        dialog = ImportDialog(
            self._session,
            path,
            current_ref=agreement.ref if agreement else None,
            parent=self._window,
        )
        dialog.applied.connect(self._on_import_applied)
        self._show(dialog)

    def _on_import_applied(self, applied: Any) -> None:
        from ui.commands.import_command import ImportReturnCommand

        plan = applied.summary
        if applied.batch_ids and plan.agreements:
            ref = plan.agreements[0].ref
            self._stack_for(ref).push(ImportReturnCommand(self._session, applied))
            self._session.select(ref)
        self._say(
            f"Imported {plan.file} (Ctrl+Z undoes it; File ▸ Revert an import takes it back later)"
        )

    def revert_import(self) -> None:
        from ui.dialogs.revert_import_dialog import RevertImportDialog

        agreement = self._session.agreement
        self._show(
            RevertImportDialog(self._session, agreement.ref if agreement else None, self._window)
        )

    def send_agreement(self) -> None:
        from ui.dialogs.send_package_dialog import SendPackageDialog

        agreement = self._session.agreement
        if agreement is None:
            return
        dialog = SendPackageDialog(
            self._session,
            agreement,
            folder=self._settings.last_folder,
            identity_file=self._settings.identity_file,
            parent=self._window,
        )
        dialog.sent.connect(self._on_sent)
        self._show(dialog)

    def _on_sent(self, path: Path, summary: str) -> None:
        self._settings.last_folder = str(path.parent)
        self._say(summary)

    def _on_receive_triggered(self) -> None:
        self.receive_agreement()

    def receive_agreement(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self._window, "Receive an agreement", self._settings.last_folder, PACKAGE_FILTER
            )
            if not chosen:
                return
            path = Path(chosen)
        from ui.dialogs.merge_dialog import MergeDialog

        self._settings.last_folder = str(path.parent)
        dialog = MergeDialog(self._session, path, self._window)
        dialog.merged.connect(lambda _ref, summary: self._say(summary))
        self._show(dialog)

    def export_pdf(self) -> None:
        from ui.dialogs.export_dialog import ExportDialog

        agreement = self._session.agreement
        if agreement is None:
            return
        dialog = ExportDialog(self._session, agreement, self._settings.last_folder, self._window)
        dialog.exported.connect(self._on_exported)
        self._show(dialog)

    def _on_exported(self, path: Path, summary: str) -> None:
        self.last_pdf = path
        self._settings.last_folder = str(path.parent)
        self._say(summary)

    def sign_pdf(self) -> None:
        from ui.dialogs.draft_warning import draft_warning

        agreement = self._session.agreement
        if agreement is None:
            return
        warning = draft_warning(agreement, self._window)
        if warning is None:
            self._open_sign_dialog(agreement)
            return
        warning.confirm_button.clicked.connect(lambda: self._open_sign_dialog(agreement))
        self._show(warning)

    def _open_sign_dialog(self, agreement: Agreement) -> None:
        from ui.dialogs.sign_dialog import SignDialog

        dialog = SignDialog(
            self._session,
            agreement,
            source=self.last_pdf,
            identity_file=self._settings.identity_file,
            parent=self._window,
        )
        dialog.signed.connect(self._on_signed)
        dialog.accepted.connect(lambda: self._remember_identity(dialog))
        self._show(dialog)

    def _remember_identity(self, dialog: SignDialog) -> None:
        identity = dialog.identity.path()
        if identity is not None:
            self._settings.identity_file = str(identity)  # the path only, never the passphrase

    def _on_signed(self, path: Path, summary: str) -> None:
        self.last_pdf = path
        self._say(summary)

    def verify_pdf(self, path: Path | None = None) -> None:
        from ui.dialogs.verify_dialog import VerifyDialog

        self._show(VerifyDialog(self._session, path or self.last_pdf, self._window))

    def print_preview(self) -> None:
        from ui.printing import show_print_preview

        agreement = self._session.agreement
        if agreement is not None:
            self.dialog = show_print_preview(
                self._window, agreement, include_reserve=not self._presentation_active()
            )

    def print_agreement(self) -> None:
        from ui.printing import print_with_dialog

        agreement = self._session.agreement
        if agreement is not None:
            print_with_dialog(
                self._window, agreement, include_reserve=not self._presentation_active()
            )

    def preferences(self) -> None:
        from ui.dialogs.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(
            self._session.officer, self._settings.presentation_scale, self._window
        )
        dialog.accepted.connect(lambda: self._save_preferences(dialog))
        self._show(dialog)

    def _save_preferences(self, dialog: PreferencesDialog) -> None:
        self._settings.presentation_scale = dialog.scale.value()
        name = dialog.officer.text().strip()
        if name and name != self._session.officer:

            def work(store: Any, _control: TaskControl) -> str:
                from ui import store_work  # loaded on the worker

                return store_work.change_officer(store, name)

            self._session.run(
                work,
                writes=True,
                on_done=self._officer_changed,
                on_failure=lambda e: self._say(str(e)),
            )

    def _officer_changed(self, name: str) -> None:
        self._session.officer = name
        self._say(f"Changes are now recorded as made by {name}")

    def shortcuts_help(self) -> None:
        lines = [
            f"{action.text().replace('&', '')}: {', '.join(k.toString() for k in action.shortcuts())}"
            for action in self._window.window_actions.all()
        ]
        QMessageBox.information(self._window, "Keyboard shortcuts", "\n".join(lines))

    def about(self) -> None:
        from lpsa_desktop.licences import bundled_licences
        from lpsa_desktop.version import app_version
        from ui.dialogs.about_dialog import AboutDialog

        self._show(AboutDialog(app_version(), bundled_licences(), self._window))

    def _show(self, dialog: Any) -> None:
        self.dialog = dialog
        return_focus_when_closed(dialog)
        dialog.open()

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MS)
