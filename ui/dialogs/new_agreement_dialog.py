"""File ▸ New agreement…: councils (the first leads), generation, period, and optionally a
title, ref and net budget requirement. The generation's reward terms are shown, not asked:
they are the defaults of ``domain.lifecycle.new_agreement`` and stay editable in Overview.

The dialog writes the agreement itself, on the worker, and stays open with the reason when
the store refuses it; ``created`` carries the new ref.
"""

# The services are imported on the worker, when the dialog writes.
# ruff: noqa: PLC0415

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.domain.agreement import Council
from lpsa_desktop.domain.enums import Generation
from lpsa_desktop.domain.lifecycle import new_agreement
from ui.display import ParseError, fraction_percent, parse_money
from ui.session import AgreementSession
from ui.tasks import TaskControl

if TYPE_CHECKING:
    from lpsa_desktop.storage.store import Store


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def default_period(today: date) -> tuple[date, date]:
    """Three financial years from the next 1 April (agreements normally ran three years)."""
    start = date(today.year if today < date(today.year, 4, 1) else today.year + 1, 4, 1)
    return start, date(start.year + 3, 3, 31)


def terms_text(generation: Generation) -> str:
    """The reward terms a new agreement of ``generation`` starts with, in words."""
    terms = new_agreement(Council("x"), generation, date(2005, 4, 1), date(2008, 3, 31))
    capital = (
        f"{fraction_percent(terms.capital_share)} capital"
        if terms.capital_share is not None
        else "capital/revenue split not stated"
    )
    interim = (
        f"{fraction_percent(terms.interim_fraction)} on account for met interim levels"
        if terms.interim_fraction
        else "no payment on account"
    )
    return (
        f"Reward pot {fraction_percent(terms.reward_rate, 1)} of the net budget requirement; "
        f"paid from {fraction_percent(terms.threshold)} to {fraction_percent(terms.cap)} "
        f"of the stretch; {interim}; {capital}."
    )


def date_edit(day: date, name: str) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setObjectName(name)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


def load_council_names(session: AgreementSession, box: QComboBox) -> None:
    """Offer the councils the store holds (picked, they are linked with their details)."""

    def work(store: Store, _control: TaskControl) -> list[str]:
        from lpsa_desktop.services.council_edits import council_names

        names: list[str] = council_names(store)
        return names

    def fill(names: list[str]) -> None:
        typed = box.currentText()
        box.clear()
        box.addItems(names)
        box.setEditText(typed)
        completer = box.completer()
        if completer is not None:
            completer.setModel(box.model())

    session.run(work, writes=False, on_done=fill, on_failure=lambda _e: None)


def council_box(name: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(box.model(), box)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "Preston" finds "Preston City Council"
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    box.setCompleter(completer)
    line_edit(box).setPlaceholderText(
        "a council's name: pick one the store holds, or type a new one"
    )
    return box


def line_edit(box: QComboBox) -> QLineEdit:
    edit = box.lineEdit()
    assert edit is not None, "an editable combo box has a line edit"
    return edit


class NewAgreementDialog(QDialog):
    created = Signal(str)  # the new agreement's ref

    def __init__(self, session: AgreementSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newAgreementDialog")
        self.setWindowTitle("New agreement")
        self._session = session
        self.council_input = council_box("councilInput")
        self.add_council_button = QPushButton("&Add council")
        self.councils = QListWidget()
        self.councils.setObjectName("councilList")
        self.councils.setAccessibleName("Councils party to the agreement (the first leads)")
        self.remove_council_button = QPushButton("&Remove")
        self.lead_button = QPushButton("Make &lead")
        self.generation = QComboBox()
        self.generation.setObjectName("generation")
        for generation in Generation:
            self.generation.addItem(generation.value, generation.value)
        self.generation.setCurrentIndex(self.generation.findData(Generation.LPSA2.value))
        self.terms = QLabel()
        self.terms.setObjectName("generationTerms")
        self.terms.setWordWrap(True)
        start, end = default_period(date.today())
        self.period_start = date_edit(start, "periodStart")
        self.period_end = date_edit(end, "periodEnd")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("agreementTitle")
        self.title_edit.setPlaceholderText(
            "default: “<lead council> Local Public Service Agreement”"
        )
        self.ref_edit = QLineEdit()
        self.ref_edit.setObjectName("agreementRef")
        self.ref_edit.setPlaceholderText("default: made from the lead council and generation")
        self.nbr = QLineEdit()
        self.nbr.setObjectName("netBudgetRequirement")
        self.nbr.setPlaceholderText("e.g. £143,118,000.00 (can be added later)")
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a00;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(
            "&Create agreement", QDialogButtonBox.ButtonRole.AcceptRole
        )
        # Enter while typing a council adds it; only the Create button creates.
        self.add_council_button.setDefault(True)
        self.create_button.setAutoDefault(False)
        self._layout()
        self._connect_signals()
        self._show_terms()
        self._update_buttons()
        load_council_names(session, self.council_input)

    def _layout(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.council_input, 1)
        adding.addWidget(self.add_council_button)
        order = QHBoxLayout()
        order.addWidget(self.lead_button)
        order.addWidget(self.remove_council_button)
        order.addStretch(1)
        form = QFormLayout()
        form.addRow("Co&uncil", adding)
        form.addRow("Councils (first leads)", self.councils)
        form.addRow("", order)
        form.addRow("&Generation", self.generation)
        form.addRow("", self.terms)
        form.addRow("Period &from", self.period_start)
        form.addRow("Period &to", self.period_end)
        form.addRow("T&itle", self.title_edit)
        form.addRow("R&ef", self.ref_edit)
        form.addRow("&Net budget requirement", self.nbr)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.councils.setMaximumHeight(110)
        self.resize(560, self.sizeHint().height())

    def _connect_signals(self) -> None:
        self.add_council_button.clicked.connect(self.add_council)
        self.remove_council_button.clicked.connect(self._on_remove)
        self.lead_button.clicked.connect(self._on_make_lead)
        self.councils.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.generation.currentIndexChanged.connect(lambda _i: self._show_terms())
        self.buttons.accepted.connect(self.create_agreement)
        self.buttons.rejected.connect(self.reject)

    def council_names(self) -> list[str]:
        return [self.councils.item(i).text() for i in range(self.councils.count())]

    def add_council(self, name: str | None = None) -> None:
        """Add the council typed (or ``name``) to the list; the first added leads."""
        cleaned = " ".join(
            (name if isinstance(name, str) else self.council_input.currentText()).split()
        )
        if not cleaned:
            return
        if cleaned.casefold() in (n.casefold() for n in self.council_names()):
            self.problem.setText(f"{cleaned} is in the list already.")
            return
        self.councils.addItem(cleaned)
        self.council_input.setEditText("")
        self.problem.clear()
        self._update_buttons()

    def chosen_generation(self) -> Generation:
        return Generation(self.generation.currentData())

    def create_agreement(self) -> None:
        """Write the new agreement on the worker; close with ``created`` when it is stored."""
        if self.council_input.currentText().strip():
            self.add_council()  # typed but not yet added: what the officer means
        names = self.council_names()
        if not names:
            self.problem.setText(
                "Add at least one council: the first is the lead, accountable one."
            )
            return
        try:
            nbr: Decimal | None = parse_money(self.nbr.text())
        except ParseError as problem:
            self.problem.setText(f"Net budget requirement: {problem}")
            return
        request: dict[str, Any] = {
            "councils": names,
            "generation": self.chosen_generation(),
            "period_start": pydate(self.period_start.date()),
            "period_end": pydate(self.period_end.date()),
            "title": self.title_edit.text().strip() or None,
            "ref": self.ref_edit.text().strip() or None,
            "net_budget_requirement": nbr,
            "officer": self._session.officer,
        }

        def work(store: Store, _control: TaskControl) -> str:
            from lpsa_desktop.services.agreement_lifecycle import start_agreement

            ref: str = start_agreement(store, **request)
            return ref

        self.create_button.setEnabled(False)
        self._session.run(work, writes=True, on_done=self._on_created, on_failure=self._on_failed)

    def _on_created(self, ref: str) -> None:
        self.created.emit(ref)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.problem.setText(f"Not created: {error}")
        self._update_buttons()

    def _on_remove(self) -> None:
        row = self.councils.currentRow()
        if row >= 0:
            self.councils.takeItem(row)
        self._update_buttons()

    def _on_make_lead(self) -> None:
        row = self.councils.currentRow()
        if row > 0:
            self.councils.insertItem(0, self.councils.takeItem(row))
            self.councils.setCurrentRow(0)

    def _show_terms(self) -> None:
        self.terms.setText(terms_text(self.chosen_generation()))

    def _update_buttons(self) -> None:
        row = self.councils.currentRow()
        self.remove_council_button.setEnabled(row >= 0)
        self.lead_button.setEnabled(row > 0)
        self.create_button.setEnabled(True)
