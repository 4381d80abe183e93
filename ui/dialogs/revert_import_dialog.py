"""Reverting an import batch: the agreement goes back to what it was before that import.

The service refuses when the agreement changed after the import (later work would be lost);
the dialog then says so and changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.item_models.import_batch_model import ImportBatchModel
from ui.session import AgreementSession
from ui.tasks import TaskControl

if TYPE_CHECKING:
    from lpsa_desktop.storage.import_batch_repository import ImportBatch
    from lpsa_desktop.storage.store import Store


def _work() -> Any:
    from ui import document_work  # noqa: PLC0415 (heavy: loaded on the worker when used)

    return document_work


class RevertImportDialog(QDialog):
    def __init__(
        self, session: AgreementSession, agreement_ref: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("revertImportDialog")
        self.setWindowTitle("Revert an import")
        self.resize(900, 420)
        self._session = session
        self._agreement_ref = agreement_ref
        self.model = ImportBatchModel(self)
        self.table = QTableView()
        self.table.setObjectName("importBatches")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.all_agreements = QCheckBox("Show the imports of &every agreement")
        self.all_agreements.setChecked(agreement_ref is None)
        self.status = QLabel("Loading the imports…")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.revert_button = self.buttons.addButton(
            "&Revert this import", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.revert_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Reverting puts the agreement back as it was before the import."))
        layout.addWidget(self.all_agreements)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.revert_button.clicked.connect(self._on_revert)
        self.all_agreements.toggled.connect(lambda _on: self.load())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_button())
        self.load()

    def load(self) -> None:
        ref = None if self.all_agreements.isChecked() else self._agreement_ref

        def work(store: Store, _control: TaskControl) -> list[ImportBatch]:
            batches: list[ImportBatch] = _work().import_batches(store, ref)
            return batches

        self._session.run(work, writes=False, on_done=self._show, on_failure=self._failed)

    def selected(self) -> ImportBatch | None:
        index = self.table.currentIndex()
        return self.model.batch_at(index.row()) if index.isValid() else None

    def _show(self, batches: list[ImportBatch]) -> None:
        self.model.set_batches(batches)
        if not batches:
            self.status.setText("No imports to revert.")
        elif self.status.text().startswith("Loading"):
            self.status.setText("")
        if batches:
            self.table.selectRow(0)
        self._update_button()

    def _update_button(self) -> None:
        batch = self.selected()
        self.revert_button.setEnabled(batch is not None and batch.reverted_at is None)

    def _on_revert(self) -> None:
        batch = self.selected()
        if batch is None:
            return
        answer = QMessageBox.question(
            self,
            "Revert the import?",
            f"Put {batch.agreement_ref} back as it was before {batch.file_name} was imported?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        batch_id, officer = batch.id, self._session.officer

        def work(store: Store, _control: TaskControl) -> None:
            _work().revert_batches(store, (batch_id,), officer=officer)

        self.revert_button.setEnabled(False)
        self.status.setText(f"Reverting import batch {batch_id}…")
        self._session.run(
            work, writes=True, on_done=lambda _r: self._reverted(batch_id), on_failure=self._failed
        )

    def _reverted(self, batch_id: int) -> None:
        self.status.setText(f"Import batch {batch_id} was reverted.")
        self.load()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(f"<b>Nothing was reverted.</b> {error}")
        self._update_button()
