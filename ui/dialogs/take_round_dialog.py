"""Take a round: record everything negotiable as it stands now, as one party's position.

Rounds are read-only by design, so taking one cannot be undone: the dialog says so, and its
button is the confirmation.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.domain.rounds import Party

CANNOT_UNDO = (
    "A round is a read-only record of the targets, indicators, weights, freedoms and their "
    "status as they stand now. Taking one cannot be undone, and the round cannot be changed "
    "afterwards: a correction is a new round."
)


class TakeRoundDialog(QDialog):
    def __init__(
        self, next_number: int, *, allow_internal: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("takeRoundDialog")
        self.setWindowTitle(f"Take round {next_number}")
        self.name = QLineEdit()
        self.name.setObjectName("roundName")
        self.name.setPlaceholderText("e.g. Council proposal 2, Government response")
        self.party = QComboBox()
        self.party.setObjectName("roundParty")
        for party in Party:
            self.party.addItem(party.value.capitalize(), party.value)
        self.held_on = QDateEdit(QDate.currentDate())
        self.held_on.setObjectName("roundDate")
        self.held_on.setDisplayFormat("dd/MM/yyyy")
        self.held_on.setCalendarPopup(True)
        self.internal = QCheckBox("Internal: never exported, minuted or shown on the wall")
        self.internal.setToolTip("e.g. the council's fall-back position")
        self.internal.setVisible(allow_internal)  # presentation mode: nothing internal on show
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Whose position", self.party)
        form.addRow("&Put on", self.held_on)
        form.addRow("", self.internal)
        warning = QLabel(CANNOT_UNDO)
        warning.setWordWrap(True)
        warning.setObjectName("cannotUndo")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.take_button = self.buttons.addButton(
            "Take round (cannot be undone)", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.take_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(lambda text: self.take_button.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())

    def chosen_party(self) -> Party:
        return Party(self.party.currentData())

    def chosen_date(self) -> date:
        chosen = self.held_on.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def is_internal(self) -> bool:
        return self.internal.isChecked() and not self.internal.isHidden()
