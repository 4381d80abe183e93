"""Edit ▸ Copy agreement…: a new draft from the agreement on screen, as a starting point
(e.g. an LPSA2 from an LPSA1). Says what is copied and what is not; writes the copy on the
worker and stays open with the reason when the store refuses it."""

# ruff: noqa: PLC0415 (the service is imported on the worker)

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import Generation
from ui.dialogs.new_agreement_dialog import date_edit, pydate, terms_text
from ui.session import AgreementSession
from ui.tasks import TaskControl

if TYPE_CHECKING:
    from lpsa_desktop.storage.store import Store

WHAT_IS_COPIED = (
    "Copied: councils, terms, targets and indicators, freedoms, partners and signatories. "
    "Not copied: rounds, meetings, imports and the audit trail; nor the old negotiation's "
    "progress (items' agreed/open marks, outturns, freedom delivery). The copy is a draft "
    "and records what it was copied from."
)


class CopyAgreementDialog(QDialog):
    created = Signal(str)  # the copy's ref

    def __init__(
        self, session: AgreementSession, source: Agreement, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("copyAgreementDialog")
        self.setWindowTitle(f"Copy {source.ref} as a new agreement")
        self._session = session
        self._source = source
        self.generation = QComboBox()
        self.generation.setObjectName("generation")
        for generation in Generation:
            self.generation.addItem(generation.value, generation.value)
        self.generation.setCurrentIndex(self.generation.findData(source.generation.value))
        self.terms = QLabel()
        self.terms.setWordWrap(True)
        self.period_start = date_edit(source.period_start, "periodStart")
        self.period_end = date_edit(source.period_end, "periodEnd")
        self.ref_edit = QLineEdit()
        self.ref_edit.setObjectName("agreementRef")
        self.ref_edit.setPlaceholderText("default: made from the lead council and generation")
        explained = QLabel(WHAT_IS_COPIED)
        explained.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a00;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.copy_button = self.buttons.addButton(
            "&Copy agreement", QDialogButtonBox.ButtonRole.AcceptRole
        )
        form = QFormLayout()
        form.addRow("From", QLabel(f"{source.ref}: {source.title}"))
        form.addRow("&Generation", self.generation)
        form.addRow("", self.terms)
        form.addRow("Period &from", self.period_start)
        form.addRow("Period &to", self.period_end)
        form.addRow("R&ef", self.ref_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explained)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.generation.currentIndexChanged.connect(lambda _i: self._show_terms())
        self.buttons.accepted.connect(self.copy)
        self.buttons.rejected.connect(self.reject)
        self._show_terms()
        self.resize(560, self.sizeHint().height())

    def chosen_generation(self) -> Generation:
        return Generation(self.generation.currentData())

    def copy(self) -> None:
        source = self._source.ref
        generation = self.chosen_generation()
        start, end = pydate(self.period_start.date()), pydate(self.period_end.date())
        ref = self.ref_edit.text().strip() or None
        officer = self._session.officer

        def work(store: Store, _control: TaskControl) -> str:
            from lpsa_desktop.services.agreement_lifecycle import copy_agreement

            made: str = copy_agreement(
                store,
                source,
                generation=generation,
                period_start=start,
                period_end=end,
                ref=ref,
                officer=officer,
            )
            return made

        self.copy_button.setEnabled(False)
        self._session.run(work, writes=True, on_done=self._on_created, on_failure=self._on_failed)

    def _on_created(self, ref: str) -> None:
        self.created.emit(ref)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.problem.setText(f"Not copied: {error}")
        self.copy_button.setEnabled(True)

    def _show_terms(self) -> None:
        generation = self.chosen_generation()
        if generation is self._source.generation:
            self.terms.setText("The reward terms are copied as they are.")
        else:
            self.terms.setText(f"Takes {generation.value}'s terms: {terms_text(generation)}")
