"""Signing an exported agreement as one of its signatories, with a PKCS#12 identity.

The passphrase is asked every time: it goes from the box to the signing task as bytes and
the box is emptied at once; it is never stored or logged. Only the identity file's path is
remembered.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.domain.agreement import Agreement
from ui.session import AgreementSession
from ui.tasks import TaskControl
from ui.widgets.path_picker import PathPicker

if TYPE_CHECKING:
    from lpsa_desktop.exporting.signing import SigningResult
    from lpsa_desktop.storage.store import Store

PDF_FILTER = "PDF documents (*.pdf)"
IDENTITY_FILTER = "Signing identities (*.p12 *.pfx)"


def _work() -> Any:
    from ui import document_work  # noqa: PLC0415 (pyHanko loads on the worker, when used)

    return document_work


def signed_name(source: Path) -> Path | None:
    """'agreement.pdf' → 'agreement-signed.pdf' (a further signature keeps the name); None
    while the path names no PDF yet (a folder such as '/' half-way through typing a path)."""
    if not source.name or source.suffix.lower() != ".pdf":
        return None
    if source.stem.endswith("-signed"):
        return source
    return source.with_name(f"{source.stem}-signed{source.suffix}")


class SignDialog(QDialog):
    signed = Signal(Path, str)  # the signed file, and what happened (for the status bar)

    def __init__(
        self,
        session: AgreementSession,
        agreement: Agreement,
        *,
        source: Path | None,
        identity_file: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.setWindowTitle("Sign the agreement")
        self.resize(680, 320)
        self._session = session
        self.source = PathPicker("The PDF to sign", PDF_FILTER)
        self.source.set_path(source)
        self.destination = PathPicker("Save the signed PDF as", PDF_FILTER, save=True)
        self.destination.set_path(signed_name(source) if source else None)
        self.signatory = QComboBox()
        for person in agreement.signatories:
            self.signatory.addItem(f"{person.name}, {person.position}", person.name)
        self.identity = PathPicker("Your signing identity", IDENTITY_FILTER)
        self.identity.set_path(identity_file or None)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("asked every time, never kept")
        self.certify = QCheckBox(
            "&Certify: after this signature only further signatures are allowed"
        )
        self.status = QLabel("Signatories sign in the order the agreement lists them.")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton("&Sign", QDialogButtonBox.ButtonRole.AcceptRole)
        form = QFormLayout()
        form.addRow("&PDF", self.source)
        form.addRow("Sign &as", self.signatory)
        form.addRow("&Identity", self.identity)
        form.addRow("Pass&phrase", self.passphrase)
        form.addRow("", self.certify)
        form.addRow("Save &to", self.destination)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.sign_button.clicked.connect(self._on_sign)
        self.buttons.rejected.connect(self.reject)
        self.source.path_changed.connect(self._on_source_changed)

    def _on_source_changed(self, text: str) -> None:
        proposed = signed_name(Path(text.strip())) if text.strip() else None
        if proposed is not None:
            self.destination.set_path(proposed)

    def _on_sign(self) -> None:
        source, destination = self.source.path(), self.destination.path()
        identity = self.identity.path()
        missing = [
            name
            for name, value in (
                ("the PDF", source),
                ("the identity", identity),
                ("where to save it", destination),
            )
            if value is None
        ]
        if missing or self.signatory.currentIndex() < 0:
            self.status.setText("Choose " + ", ".join(missing or ["the signatory"]) + ".")
            return
        assert source is not None and destination is not None and identity is not None
        passphrase = self.passphrase.text().encode("utf-8")
        self.passphrase.clear()  # used once, for this signature only
        signatory, certify = str(self.signatory.currentData()), self.certify.isChecked()

        def work(_store: Store, _control: TaskControl) -> SigningResult:
            result: SigningResult = _work().sign_document(
                source, destination, identity, passphrase, signatory, certify=certify
            )
            return result

        self.sign_button.setEnabled(False)
        self.progress.show()
        self.status.setText(f"Signing as {signatory}…")
        self._session.run(
            work,
            writes=False,
            on_done=lambda result: self._on_done(destination, result),
            on_failure=self._on_failed,
        )

    def _on_done(self, destination: Path, result: SigningResult) -> None:
        self.progress.hide()
        lines = [
            f"Signed the block of {result.signatory} as {result.signer}; wrote {destination.name}."
        ]
        if result.certified:
            lines.append("The document is certified: only further signatures may be added.")
        if result.ahead_of:
            lines.append(f"Signed out of turn, before {'; '.join(result.ahead_of)}.")
        lines.append(
            f"Still to sign: {'; '.join(result.remaining)}."
            if result.remaining
            else "Every signatory has now signed."
        )
        self.signed.emit(destination, " ".join(lines))
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.sign_button.setEnabled(True)
        self.status.setText(f"<b>Not signed.</b> {error}")
        self.passphrase.setFocus()
