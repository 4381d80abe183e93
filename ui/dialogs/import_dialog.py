"""Importing a council return: read it, show the plan, and write it only on Apply.

Reading runs on the worker with a progress bar and a Cancel button (cancelling while
reading writes nothing, since reading never writes). The plan shows what would be added and
changed (old → new) and each problem by its cell. Apply writes it in one transaction; the
import can then be undone with Ctrl+Z or reverted later from File ▸ Revert an import.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.item_models.import_plan_models import ImportChangesModel, ImportIssuesModel
from ui.session import AgreementSession
from ui.tasks import TaskCancelledError, TaskControl, TaskHandle

if TYPE_CHECKING:
    from lpsa_desktop.importing.import_plan import ImportPlan
    from lpsa_desktop.storage.store import Store
    from ui.document_work import AppliedImport

AUTOMATIC = ""


def _work() -> Any:
    from ui import document_work  # noqa: PLC0415 (heavy: loaded on the worker when used)

    return document_work


class ImportDialog(QDialog):
    applied = Signal(object)  # AppliedImport

    def __init__(
        self,
        session: AgreementSession,
        path: Path,
        *,
        current_ref: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(f"Import {path.name}")
        self.resize(1000, 600)
        self._session = session
        self.path = path
        self.plan: ImportPlan | None = None
        self._task: TaskHandle[Any] | None = None
        self._build(current_ref)
        self._connect_signals()
        self.read()

    def _build(self, current_ref: str | None) -> None:
        self.destination = QComboBox()
        self.destination.addItem("The agreement named in the file", AUTOMATIC)
        if current_ref:
            self.destination.addItem(f"The agreement on screen ({current_ref})", current_ref)
        self.read_again = QPushButton("&Read again")
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # the reader reports no fractions: a busy bar
        self.changes_model = ImportChangesModel(self)
        self.issues_model = ImportIssuesModel(self)
        self.changes_view = _table(self.changes_model, "importChanges", (170, 230, 150, 170))
        self.issues_view = _table(self.issues_model, "importIssues", (60, 130, 150, 130))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.changes_view, "&Changes")
        self.tabs.addTab(self.issues_view, "&Problems")
        self.accept_rejects = QCheckBox(
            "Apply the rows that were read, leaving out the refused ones"
        )
        self.accept_rejects.hide()
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton("&Apply", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.setEnabled(False)
        form = QFormLayout()
        form.addRow("&Into", self.destination)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.read_again, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.accept_rejects)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.apply_button.clicked.connect(self._on_apply)
        self.cancel_button.clicked.connect(self.reject)
        self.read_again.clicked.connect(self.read)
        self.accept_rejects.toggled.connect(self._update_apply)

    def read(self) -> None:
        """(Re-)read the file and make the plan; nothing is written."""
        path, agreement = self.path, self.destination.currentData() or None
        self._busy(f"Reading {path.name} and working out what it would change…")

        def work(store: Store, control: TaskControl) -> ImportPlan:
            control.report(None, f"Reading {path.name}")
            plan: ImportPlan = _work().plan_return(store, path, agreement)
            control.check_cancelled()
            return plan

        self._task = self._session.run(
            work, writes=False, on_done=self._show_plan, on_failure=self._on_failed
        )

    def reject(self) -> None:
        if self._task is not None and not self._task.done:
            self._task.cancel()  # reading only: cancelling loses nothing
        super().reject()

    def _on_apply(self) -> None:
        plan = self.plan
        if plan is None:
            return
        accept, officer = self.accept_rejects.isChecked(), self._session.officer
        self._busy(f"Writing {plan.file} to the store…")
        # One transaction: stopping it half-way is not possible, and it takes seconds at most.
        self.cancel_button.setEnabled(False)
        self.cancel_button.setToolTip(
            "The import is being written in one step; it cannot be stopped now"
        )

        def work(store: Store, _control: TaskControl) -> AppliedImport:
            applied: AppliedImport = _work().apply_return(
                store, plan, officer=officer, accept_rejects=accept
            )
            return applied

        self._task = self._session.run(
            work, writes=True, on_done=self._on_applied, on_failure=self._on_failed
        )

    def _on_applied(self, applied: AppliedImport) -> None:
        self._task = None
        self.applied.emit(applied)
        self.accept()

    def _show_plan(self, plan: ImportPlan) -> None:
        self._task = None
        self.plan = plan
        self.progress.hide()
        self.read_again.setEnabled(True)
        self.changes_model.set_plan(plan)
        self.issues_model.set_plan(plan)
        self.tabs.setTabText(0, f"&Changes ({self.changes_model.rowCount():,})")
        self.tabs.setTabText(1, f"&Problems ({len(plan.issues):,})")
        if plan.issues and not plan.has_changes:
            self.tabs.setCurrentIndex(1)
        self.status.setText(describe_plan(plan))
        self.accept_rejects.setVisible(plan.has_errors)
        self._update_apply()

    def _update_apply(self) -> None:
        plan = self.plan
        ok = plan is not None and plan.has_changes
        ok = ok and (not plan.has_errors or self.accept_rejects.isChecked())  # type: ignore[union-attr]
        self.apply_button.setEnabled(bool(ok))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setToolTip("")

    def _on_failed(self, error: BaseException) -> None:
        self._task = None
        self.progress.hide()
        self.read_again.setEnabled(True)
        self.cancel_button.setEnabled(True)
        if isinstance(error, TaskCancelledError):
            return
        self.status.setText(f"<b>Nothing was written.</b> {error}")
        self.status.setStyleSheet("color: #a61b1b;")
        self.apply_button.setEnabled(False)

    def _busy(self, message: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(message)
        self.progress.show()
        self.apply_button.setEnabled(False)
        self.read_again.setEnabled(False)


def describe_plan(plan: ImportPlan) -> str:
    """The plan in a few plain lines (rich text)."""
    lines = []
    for part in plan.agreements:
        counts = part.counts()
        if part.is_new:
            head = f"<b>New agreement</b> {part.ref} for {part.council}"
        elif not part.has_changes:
            head = f"<b>No change</b> to {part.ref}: the store already holds all of it"
        else:
            head = f"<b>Changes to</b> {part.ref} ({part.council})"
        detail = ", ".join(
            f"{n:,} {label}"
            for label, n in (
                ("targets added", counts["targets_added"]),
                ("indicators added", counts["indicators_added"]),
                ("indicators changed", counts["indicators_changed"]),
                ("unchanged", counts["indicators_unchanged"]),
                ("freedoms added", counts["freedoms_added"]),
                ("freedoms changed", counts["freedoms_changed"]),
            )
            if n
        )
        lines.append(head + (f": {detail}" if detail else ""))
    errors, warnings = len(plan.errors), len(plan.warnings)
    if errors:
        lines.append(
            f"<b>{errors:,} error(s)</b> ({len(plan.rejected):,} rows refused): correct the file "
            "and read it again, or apply only the rows that were read."
        )
    if warnings:
        lines.append(f"{warnings:,} thing(s) to check: see Problems.")
    for earlier in plan.earlier_imports:
        lines.append(
            f"This same file was imported into {earlier.agreement_ref} on {earlier.imported_at} "
            f"(batch {earlier.batch_id})."
        )
    return "<br>".join(lines) or "The file holds nothing to import."


def _table(model: Any, name: str, widths: tuple[int, ...]) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
    return view
