"""Exporting the agreement on screen as a PDF, draft or final (the export service does it)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.lifecycle import shows_draft_mark
from ui.session import AgreementSession
from ui.tasks import TaskControl
from ui.widgets.path_picker import PathPicker

if TYPE_CHECKING:
    from lpsa_desktop.exporting.agreement_pdf import ExportResult
    from lpsa_desktop.storage.store import Store

PDF_FILTER = "PDF documents (*.pdf)"


def _work() -> Any:
    from ui import document_work  # noqa: PLC0415 (reportlab loads on the worker, when used)

    return document_work


class ExportDialog(QDialog):
    exported = Signal(Path, str)  # where, and what was written (for the status bar)

    def __init__(
        self,
        session: AgreementSession,
        agreement: Agreement,
        folder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export the agreement as a PDF")
        self._session = session
        self._agreement = agreement
        self.destination = PathPicker("Export the agreement to", PDF_FILTER, save=True)
        self.destination.set_path(Path(folder) / f"{agreement.ref}.pdf")
        status_draft = shows_draft_mark(agreement.status)
        self.draft = QCheckBox("Mark every page &DRAFT")
        self.draft.setChecked(status_draft)
        # A draft-status agreement is always marked; only an agreed one may be printed clean.
        self.draft.setEnabled(not status_draft)
        self.status = QLabel(
            "Internal notes are never exported."
            + (" The agreement is not yet agreed, so it is marked DRAFT." if status_draft else "")
        )
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            "&Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        form = QFormLayout()
        form.addRow("&Save as", self.destination)
        form.addRow("", self.draft)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        # As tall as its contents (a fixed 220 px left a gap over the buttons), wide enough
        # for a path; the progress bar takes its room only while it shows.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        self.resize(640, self.sizeHint().height())
        self.export_button.clicked.connect(self._on_export)
        self.buttons.rejected.connect(self.reject)

    def _on_export(self) -> None:
        destination = self.destination.path()
        if destination is None:
            self.status.setText("Choose where to save the PDF.")
            return
        if destination.suffix.lower() != ".pdf":
            destination = destination.with_suffix(".pdf")
        ref, draft = self._agreement.ref, self.draft.isChecked()

        def work(store: Store, _control: TaskControl) -> ExportResult:
            result: ExportResult = _work().export_pdf(store, ref, destination, draft=draft)
            return result

        self.export_button.setEnabled(False)
        self.progress.show()
        self.status.setText(f"Writing {destination.name}…")
        self._session.run(
            work,
            writes=False,
            on_done=lambda result: self._on_done(destination, result),
            on_failure=self._on_failed,
        )

    def _on_done(self, destination: Path, result: ExportResult) -> None:
        self.progress.hide()
        mark = ", marked DRAFT" if result.draft else ""
        summary = (
            f"Wrote {destination}: {result.pages} pages{mark}; fingerprint {result.fingerprint}"
        )
        self.status.setText(summary)
        self.exported.emit(destination, summary)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.status.setText(f"<b>The PDF was not written.</b> {error}")
