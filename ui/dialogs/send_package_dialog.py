"""Sending an agreement: an agreement package (.lpsa) for the other side's laptop.

Signing is optional (the same .p12 identity as for PDFs; its passphrase is asked every
time and never kept). Internal notes, rounds, decisions and actions stay on this laptop
unless the officer ticks the box, which says plainly that they will leave it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.domain.agreement import Agreement
from ui.session import AgreementSession
from ui.tasks import TaskControl
from ui.widgets.path_picker import PathPicker

if TYPE_CHECKING:
    from lpsa_desktop.services.package_exchange import ExportedPackage
    from lpsa_desktop.storage.store import Store

PACKAGE_FILTER = "Agreement packages (*.lpsa)"
IDENTITY_FILTER = "Signing identities (*.p12 *.pfx)"
INTERNAL_WARNING = (
    "Internal notes, internal rounds and internal decisions and actions will be in the "
    "package: whoever receives it can read them."
)


class SendPackageDialog(QDialog):
    sent = Signal(Path, str)  # the package, what happened (for the status bar)

    def __init__(
        self,
        session: AgreementSession,
        agreement: Agreement,
        *,
        folder: str,
        identity_file: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sendPackageDialog")
        self.setWindowTitle("Send agreement")
        self.resize(640, 260)
        self._session = session
        self._ref = agreement.ref
        self.destination = PathPicker("Save the package as", PACKAGE_FILTER, save=True)
        self.destination.set_path(Path(folder or ".") / f"{agreement.ref}.lpsa")
        self.identity = PathPicker("Sign with (optional)", IDENTITY_FILTER)
        self.identity.set_path(identity_file or None)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("asked every time, never kept")
        self.include_internal = QCheckBox("Include &internal notes and rounds")
        self.warning = QLabel(f"<b>Warning:</b> {INTERNAL_WARNING}")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.status = QLabel("An unsigned package still proves it was not damaged on the way.")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.addButton(
            "&Write package", QDialogButtonBox.ButtonRole.AcceptRole
        )
        form = QFormLayout()
        form.addRow("&Package", self.destination)
        form.addRow("&Identity", self.identity)
        form.addRow("Pass&phrase", self.passphrase)
        form.addRow("", self.include_internal)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.include_internal.toggled.connect(self.warning.setVisible)
        self.send_button.clicked.connect(self._on_send)
        self.buttons.rejected.connect(self.reject)

    def _on_send(self) -> None:
        destination = self.destination.path()
        if destination is None:
            self.status.setText("Choose where to save the package.")
            return
        identity = self.identity.path()
        passphrase = self.passphrase.text().encode("utf-8")
        self.passphrase.clear()
        ref, officer, internal = self._ref, self._session.officer, self.include_internal.isChecked()

        def work(store: Store, _control: TaskControl) -> ExportedPackage:
            from lpsa_desktop.exporting.identity import load_identity  # noqa: PLC0415
            from lpsa_desktop.services.package_exchange import export_package  # noqa: PLC0415

            signer = load_identity(identity, passphrase) if identity else None
            return export_package(
                store, ref, destination, officer=officer, include_internal=internal,
                identity=signer,
            )  # fmt: skip

        self.send_button.setEnabled(False)
        self.status.setText("Writing the package…")
        self._session.run(work, writes=True, on_done=self._on_done, on_failure=self._on_failed)

    def _on_done(self, done: ExportedPackage) -> None:
        signed = "signed" if done.signed else "unsigned"
        internal = (
            "internal content left out" if done.left_out_internal else "INTERNAL content included"
        )
        self.sent.emit(
            done.path, f"Wrote {done.path.name} ({signed}; {internal}): send it to the other side"
        )
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.send_button.setEnabled(True)
        self.status.setText(f"<b>Not written.</b> {error}")
