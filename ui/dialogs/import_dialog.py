"""Importing a council return: read it, show the plan, and write it only on Apply.

Reading runs in a child process (``ui.import_job``), waited for on the worker, with a
progress bar (rows read of the sheet's rows, then planning) and a Cancel button that stops
the child (reading never writes, so nothing is lost). A blank cell leaves the stored value
as it is unless "Blank cells clear" is ticked; the plan says how many were left as stored. The
plan shows what would be added and changed (old → new) and each problem by its cell. Apply
writes it in one transaction; the import can then be undone with Ctrl+Z or reverted later
from File ▸ Revert an import.
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

from ui.import_child import PlanSummary
from ui.import_job import AppliedImport, ImportJob
from ui.item_models.import_plan_models import ImportChangesModel, ImportIssuesModel
from ui.session import AgreementSession
from ui.tasks import TaskCancelledError, TaskControl, TaskHandle

if TYPE_CHECKING:
    from lpsa_desktop.storage.store import Store

AUTOMATIC = ""


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
        self.plan: PlanSummary | None = None
        self._task: TaskHandle[Any] | None = None
        self._job: ImportJob | None = None
        self._agreement: str | None = None
        self._clear_blanks = False
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
        self.progress.setRange(0, 0)  # busy until the child reports its first fraction
        self.progress.setFormat("%p%")
        self.clear_blanks = QCheckBox("&Blank cells clear the stored values")
        self.clear_blanks.setObjectName("clearBlanks")
        self.clear_blanks.setToolTip(
            "Unticked, a cell left blank in the file keeps what the store holds (an older "
            "return does not clear an outturn typed since)"
        )
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
        layout.addWidget(self.clear_blanks)
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
        self.clear_blanks.toggled.connect(self.read)

    def read(self) -> None:
        """(Re-)read the file and make the plan; nothing is written."""
        if self._task is not None and not self._task.done:
            return  # the box was ticked while reading: read again once this one is shown
        path, agreement = self.path, self.destination.currentData() or None
        clear_blanks = self._clear_blanks = self.clear_blanks.isChecked()
        self._busy(f"Reading {path.name} and working out what it would change…")
        self.plan, self._agreement = None, agreement
        job = self._job = self._job or ImportJob(
            self._session.store.url if self._session.store else ""
        )

        def work(_store: Store, control: TaskControl) -> PlanSummary:
            return job.plan(path, agreement, control, clear_blanks=clear_blanks)

        self._task = self._session.run(
            work,
            writes=False,
            on_done=self._show_plan,
            on_failure=self._on_failed,
            on_progress=self._on_progress,
        )

    def _on_progress(self, fraction: float | None, message: str) -> None:
        if fraction is None:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(round(fraction * 1000))
        if message:
            self.status.setText(message)

    def reject(self) -> None:
        if self._task is not None and not self._task.done:
            self._task.cancel()  # reading only: cancelling stops the child, loses nothing
        self._close_job()
        super().reject()

    def _close_job(self) -> None:
        job, self._job = self._job, None
        if job is not None:  # on the worker: after the task that may still be using it
            self._session.run(
                lambda _store, _control: job.close(),
                writes=False,
                on_done=lambda _r: None,
                on_failure=lambda _e: None,
            )

    def _on_apply(self) -> None:
        plan, job = self.plan, self._job
        if plan is None or job is None:
            return
        accept, officer = self.accept_rejects.isChecked(), self._session.officer
        path, agreement, clear_blanks = self.path, self._agreement, self._clear_blanks
        self._busy(f"Writing {plan.file} to the store…")
        # One transaction: stopping it half-way is not possible, and it takes seconds at most.
        self.cancel_button.setEnabled(False)
        self.cancel_button.setToolTip(
            "The import is being written in one step; it cannot be stopped now"
        )

        def work(_store: Store, _control: TaskControl) -> AppliedImport:
            batches = job.apply(officer=officer, accept_rejects=accept)
            return AppliedImport(plan, path, agreement, batches, clear_blanks)

        self._task = self._session.run(
            work, writes=True, on_done=self._on_applied, on_failure=self._on_failed
        )

    def _on_applied(self, applied: AppliedImport) -> None:
        self._task = None
        self._close_job()
        self.applied.emit(applied)
        self.accept()

    def _show_plan(self, plan: PlanSummary) -> None:
        self._task = None
        if self.clear_blanks.isChecked() != self._clear_blanks:
            self.read()  # ticked or unticked while reading: the plan shown must match it
            return
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
        self.progress.setRange(0, 0)
        self.progress.show()
        self.apply_button.setEnabled(False)
        self.read_again.setEnabled(False)


def describe_plan(plan: PlanSummary) -> str:
    """The plan in a few plain lines (rich text)."""
    lines = []
    for part in plan.agreements:
        counts = part.counts
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
    if plan.errors:
        lines.append(
            f"<b>{plan.errors:,} error(s)</b> ({plan.rejected:,} rows refused): correct the file "
            "and read it again, or apply only the rows that were read."
        )
    if plan.left_as_stored:
        shown = ", ".join(plan.left_as_stored[:3])
        more = f" and {len(plan.left_as_stored) - 3:,} more" if len(plan.left_as_stored) > 3 else ""
        lines.append(
            f"{len(plan.left_as_stored):,} blank cell(s) left as stored ({shown}{more}); tick "
            "“Blank cells clear” to clear them."
        )
    if plan.warnings:
        lines.append(f"{plan.warnings:,} thing(s) to check: see Problems.")
    for batch_id, agreement_ref, imported_at in plan.earlier_imports:
        lines.append(
            f"This same file was imported into {agreement_ref} on {imported_at} (batch {batch_id})."
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
