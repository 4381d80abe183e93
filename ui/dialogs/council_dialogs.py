"""Choosing a council to add to an agreement, and editing a council's details (for every
agreement that shares it: the dialog names them)."""

# ruff: noqa: PLC0415 (the services are imported on the worker)

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

from lpsa_desktop.domain.agreement import Council
from lpsa_desktop.domain.council_codes import EXPECTED, checked_council_code
from lpsa_desktop.domain.enums import CouncilType, CpaCategory
from lpsa_desktop.errors import FieldProblem, InvalidValueError
from ui.dialogs.new_agreement_dialog import council_box, load_council_names
from ui.display import enum_label
from ui.session import AgreementSession
from ui.tasks import TaskControl

if TYPE_CHECKING:
    from lpsa_desktop.storage.store import Store


class AddCouncilDialog(QDialog):
    chosen = Signal(str)  # the council's name

    def __init__(
        self, session: AgreementSession, agreement_ref: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("addCouncilDialog")
        self.setWindowTitle(f"Add a council to {agreement_ref}")
        self.council = council_box("councilInput")
        note = QLabel(
            "A council the store holds is linked with its details (shared with its other "
            "agreements); a new name makes a new council."
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.addButton("&Add council", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.council)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())
        load_council_names(session, self.council)

    def _on_accepted(self) -> None:
        name = " ".join(self.council.currentText().split())
        if name:
            self.chosen.emit(name)
            self.accept()


def _enum_box(name: str, kind: type[CouncilType] | type[CpaCategory], value: Any) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.addItem("(not given)", None)
    for member in kind:
        box.addItem(enum_label(member), member.value)
    box.setCurrentIndex(box.findData(value.value if value is not None else None))
    return box


class CouncilDetailsDialog(QDialog):
    """``changed`` carries [(field, old, new), …] for the fields the officer changed."""

    changed = Signal(list)

    def __init__(
        self, session: AgreementSession, council: Council, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("councilDetailsDialog")
        self.setWindowTitle(f"Council: {council.name}")
        self._council = council
        self.name = QLineEdit(council.name)
        self.name.setObjectName("councilName")
        self.code = QLineEdit(council.code or "")
        self.code.setObjectName("councilCode")
        self.code.setPlaceholderText("E06000022 (GSS) or 00HA (old ONS)")
        self.code.setToolTip(EXPECTED)
        self.type = _enum_box("councilType", CouncilType, council.type)
        self.population = QLineEdit("" if council.population is None else f"{council.population:,}")
        self.population.setObjectName("councilPopulation")
        self.cpa = _enum_box("councilCpa", CpaCategory, council.cpa_category)
        self.shared = QLabel("Party to: …")
        self.shared.setObjectName("councilSharedBy")
        self.shared.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #a00;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Code", self.code)
        form.addRow("&Type", self.type)
        form.addRow("&Population", self.population)
        form.addRow("CPA c&ategory", self.cpa)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.shared)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())
        self._load_sharing(session)

    def changes(self) -> list[tuple[str, Any, Any]]:
        """What the officer changed, checked; InvalidValueError for a value refused."""
        c = self._council
        name = " ".join(self.name.text().split())
        if not name:
            raise _refused("name", self.name.text(), "a name")
        code = checked_council_code(self.code.text(), where="code")
        population_text = self.population.text().replace(",", "").strip()
        if population_text and not population_text.isdigit():
            raise _refused("population", self.population.text(), "a whole number")
        population = int(population_text) if population_text else None
        kind = CouncilType(self.type.currentData()) if self.type.currentData() else None
        cpa = CpaCategory(self.cpa.currentData()) if self.cpa.currentData() else None
        wanted = [
            ("code", c.code, code),
            ("type", c.type, kind),
            ("population", c.population, population),
            ("cpa_category", c.cpa_category, cpa),
            ("name", c.name, name),  # last: the others are stored under the old name first
        ]
        return [(field, old, new) for field, old, new in wanted if old != new]

    def _on_accepted(self) -> None:
        try:
            changes = self.changes()
        except InvalidValueError as problem:
            self.problem.setText(str(problem))
            return
        if changes:
            self.changed.emit(changes)
        self.accept()

    def _load_sharing(self, session: AgreementSession) -> None:
        name = self._council.name

        def work(store: Store, _control: TaskControl) -> list[str]:
            from lpsa_desktop.services.council_edits import council_details

            refs: list[str] = council_details(store, name)[1]
            return refs

        def show(refs: list[str]) -> None:
            where = ", ".join(refs) or "no agreement"
            self.shared.setText(f"Party to: {where}. A change here is made for all of them.")

        session.run(work, writes=False, on_done=show, on_failure=lambda _e: None)


def _refused(field: str, value: str, expected: str) -> InvalidValueError:
    return InvalidValueError(FieldProblem(field, value, expected))
