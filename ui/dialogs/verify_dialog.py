"""Checking the signatures of a PDF dropped on the dialog, and saying in plain words whether
the document can be trusted."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent
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
from ui.widgets.path_picker import PathPicker

if TYPE_CHECKING:
    from lpsa_desktop.exporting.verification import SignatureReport, VerificationReport
    from lpsa_desktop.storage.store import Store

PDF_FILTER = "PDF documents (*.pdf)"
CERT_FILTER = "Certificates (*.pem *.crt *.cer *.der)"
GOOD, DOUBT, BAD = "#1e7b34", "#8a6100", "#a61b1b"


def _work() -> Any:
    from ui import document_work  # noqa: PLC0415 (pyHanko loads on the worker, when used)

    return document_work


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
        self.report: VerificationReport | None = None
        self.file = PathPicker("The PDF to check", PDF_FILTER)
        self.trust = PathPicker("A signer's certificate you trust", CERT_FILTER)
        self.verdict = QLabel("Drop a signed PDF here, or choose one.")
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.details = QTextBrowser()
        self.details.setObjectName("verifyDetails")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = self.buttons.addButton("&Check", QDialogButtonBox.ButtonRole.ActionRole)
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
        self.file.set_path(path)
        if path is not None:
            self.check()

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

    def check(self) -> None:
        path = self.file.path()
        if path is None:
            self.verdict.setText("Choose the PDF to check.")
            return
        certificate = self.trust.path()
        trust: tuple[Path, ...] = (certificate,) if certificate else ()

        def work(_store: Store, _control: TaskControl) -> VerificationReport:
            report: VerificationReport = _work().verify_document(path, trust)
            return report

        self.verdict.setText(f"Checking {path.name}…")
        self.details.clear()
        self._session.run(work, writes=False, on_done=self._show, on_failure=self._failed)

    def _show(self, report: VerificationReport) -> None:
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


def verdict_text(report: VerificationReport) -> tuple[str, str]:
    """The one sentence an officer needs, and its colour."""
    count = len(report.signatures)
    if not count:
        return "This PDF carries no digital signature: nothing shows who approved it.", BAD
    if not report.all_intact:
        return (
            "Do not trust this document: it was changed after it was signed, or a signature is broken.",
            BAD,
        )
    plural = "signature is" if count == 1 else f"{count} signatures are"
    if report.trust_given and report.passed:
        return (
            f"This document can be trusted: the {plural} intact and from the certificate you trust.",
            GOOD,
        )
    if report.trust_given:
        return (
            f"The {plural} intact, but not from the certificate you gave: check who signed.",
            DOUBT,
        )
    return (
        f"Unchanged since signing: the {plural} intact. To know who signed, "
        "add the signer's certificate under Trust.",
        DOUBT,
    )


_AFTER = {
    "none": "nothing has been added to the file since",
    "signatures": "only later signatures were added since",
    "other": "the document was <b>changed</b> after this signature",
}


def _signature_html(number: int, s: SignatureReport) -> str:
    when = (
        f"{format_long_date(s.signed_at)} at {s.signed_at:%H:%M}"
        if s.signed_at
        else "at an unknown time"
    )
    state = "valid" if s.valid else "<b>NOT valid</b>"
    lines = [f"<p><b>{number}. {s.signatory}</b>: {state}<br>Signed by {s.signer}, {when}."]
    if s.problem:
        lines.append(f"<br>The signature cannot be read: {s.problem}.")
    else:
        lines.append(
            "<br>Signed content intact." if s.intact else "<br><b>Signed content altered.</b>"
        )
    lines.append(
        f"<br>{'Trusted certificate.' if s.trusted else 'Certificate not confirmed as trusted.'}"
    )
    lines.append(f"<br>After it, {_AFTER[s.later_changes]}.")
    if s.certified:
        lines.append("<br>It certifies the document.")
    return "".join(lines) + "</p>"
