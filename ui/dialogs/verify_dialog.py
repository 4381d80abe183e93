"""Checking the signatures of a PDF dropped on the dialog, and saying in plain words whether
the document can be trusted: the same verdict, words and colours as `lpsa verify`.

The trust list is the store's (the one `lpsa trust` keeps); a certificate chosen under
Trust is added for this check only, or for good with "Trust from now on". The check runs
in a child process waited for on its own thread (``ui.verify_job``), never on the store
worker, so edits keep saving while a large or hostile file is checked.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.domain.periods import format_long_date
from ui.session import AgreementSession
from ui.tasks import TaskControl
from ui.verify_job import VerifyJob
from ui.widgets.path_picker import PathPicker

if TYPE_CHECKING:
    from lpsa_desktop.exporting.verdict.model import DocumentVerdict, SignatureCheck
    from lpsa_desktop.storage.store import Store

PDF_FILTER = "PDF documents (*.pdf)"
CERT_FILTER = "Certificates (*.pem *.crt *.cer *.der)"
GOOD, DOUBT, BAD = "#1e7b34", "#8a6100", "#a61b1b"
COLOURS = {"good": GOOD, "doubt": DOUBT, "bad": BAD}


class VerifyDialog(QDialog):
    def __init__(
        self, session: AgreementSession, path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowTitle("Verify a signed PDF")
        self.resize(720, 480)
        self.setAcceptDrops(True)
        self._session = session
        self._job: VerifyJob | None = None
        # Each Check is numbered: the answer of an earlier one (its trust list read, its
        # child) arriving late must not replace the answer to the latest.
        self._generation = 0
        self.report: DocumentVerdict | None = None
        self.file = PathPicker("The PDF to check", PDF_FILTER)
        self.trust = PathPicker("A signer's certificate to trust for this check", CERT_FILTER)
        self.verdict = QLabel("Drop a signed PDF here, or choose one.")
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.details = QTextBrowser()
        self.details.setObjectName("verifyDetails")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = self.buttons.addButton("&Check", QDialogButtonBox.ButtonRole.ActionRole)
        self.remember_button = self.buttons.addButton(
            "Trust from &now on", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.remember_button.setToolTip(
            "Add the certificate under Trust to this store's trust list (as `lpsa trust add`)"
        )
        form = QFormLayout()
        form.addRow("&PDF", self.file)
        form.addRow("&Trust", self.trust)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.check_button.clicked.connect(self.check)
        self.remember_button.clicked.connect(self.remember)
        self.file.set_path(path)
        if path is not None:
            self.check()

    @property
    def checking(self) -> bool:
        return self._job is not None and self._job.running

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".pdf"):
                self.file.set_path(url.toLocalFile())
                event.acceptProposedAction()
                self.check()
                return

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop()
        super().closeEvent(event)

    def reject(self) -> None:
        self._stop()
        super().reject()

    def check(self) -> None:
        path = self.file.path()
        if path is None:
            self.verdict.setText("Choose the PDF to check.")
            return
        certificate = self.trust.path()
        extra: tuple[Path, ...] = (certificate,) if certificate else ()

        def read_trust_list(store: Store, _control: TaskControl) -> tuple[bytes, ...]:
            from lpsa_desktop.services.trust_list import trusted_for_run  # noqa: PLC0415

            return tuple(trusted_for_run(store, extra))

        self._stop()
        self._generation += 1
        generation = self._generation
        self.report = None
        self.verdict.setText(f"Checking {path.name}…")
        self.details.clear()

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self._failed(error)

        self._session.run(
            read_trust_list,
            writes=False,
            on_done=lambda trusted: self._start(path, trusted, generation),
            on_failure=failed,
        )

    def remember(self) -> None:
        certificate = self.trust.path()
        if certificate is None:
            self.verdict.setText("Choose the certificate to trust under Trust first.")
            return

        def add(store: Store, _control: TaskControl) -> str:
            from lpsa_desktop.services.trust_list import add_trusted  # noqa: PLC0415

            info, added = add_trusted(store, certificate)
            state = "Now trusting" if added else "Already trusted:"
            return f"{state} {info.label} (SHA-256 {info.sha256})."

        self._session.run(add, writes=False, on_done=self.verdict.setText, on_failure=self._failed)

    def _start(self, path: Path, trusted: tuple[bytes, ...], generation: int) -> None:
        if generation != self._generation:
            return  # a later Check (another file, another certificate) has replaced this one
        self._stop()
        job = VerifyJob()
        job.finished.connect(self._show)
        job.failed.connect(self._failed)
        self._job = job
        job.start(path, trusted)

    def _stop(self) -> None:
        if self._job is not None:
            self._job.stop()
            self._job.finished.disconnect(self._show)
            self._job.failed.disconnect(self._failed)
            self._job = None

    def _show(self, report: DocumentVerdict) -> None:
        self.report = report
        text, colour = verdict_text(report)
        self.verdict.setText(f"<span style='font-size:large; color:{colour}'><b>{text}</b></span>")
        self.details.setHtml(
            "".join(_signature_html(n, s) for n, s in enumerate(report.signatures, 1))
        )

    def _failed(self, error: BaseException) -> None:
        self.report = None
        self.verdict.setText(
            f"<span style='color:{BAD}'><b>Cannot check this file.</b></span> {error}"
        )


def verdict_text(report: DocumentVerdict) -> tuple[str, str]:
    """The CLI's one line (``DocumentVerdict.reason``) and its colour."""
    return report.reason(), COLOURS[report.tone]


def _signature_html(number: int, s: SignatureCheck) -> str:
    when = (
        f"{format_long_date(s.signed_at)} at {s.signed_at:%H:%M}"
        if s.signed_at
        else "at an unknown time"
    )
    state = "valid" if s.valid else "<b>NOT valid</b>"
    lines = [f"<p><b>{number}. {s.signatory}</b>: {state}<br>Signed by {s.signer}, {when}."]
    if s.intact:
        lines.append("<br>Signed content intact.")
    else:
        lines.append(f"<br><b>The signature {s.problem or 'is broken'}.</b>")
    if s.block_problem:
        lines.append(f"<br><b>Wrong block: {s.block_problem}.</b>")
    lines.append(
        "<br>Trusted certificate."
        if s.trusted
        else f"<br>Certificate not on the trust list (SHA-256 {s.fingerprint or 'unknown'})."
    )
    if s.changes:
        lines.append(f"<br><b>Changed after it: {'; '.join(s.changes)}.</b>")
    elif s.later_signatures:
        lines.append(f"<br>After it, only the signatures of {'; '.join(s.later_signatures)}.")
    if s.certified:
        lines.append("<br>It certifies the document.")
    return "".join(lines) + "</p>"
