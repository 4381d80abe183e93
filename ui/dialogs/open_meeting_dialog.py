"""Open a meeting: its date and place, who came (by organisation) and the agenda, picked from
the agreement's targets, indicators and freedoms."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.meetings import Attendee, ItemKind, ItemRef

_ITEM_ROLE = Qt.ItemDataRole.UserRole


def parse_attendees(text: str) -> tuple[tuple[Attendee, ...], list[str]]:
    """One 'Name, Organisation' a line → the attendees, and the lines that are not that."""
    attendees, refused = [], []
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        name, sep, organisation = line.partition(",")
        if sep and name.strip() and organisation.strip():
            attendees.append(Attendee(name.strip(), organisation.strip()))
        else:
            refused.append(line)
    return tuple(attendees), refused


def agenda_choices(agreement: Agreement, *, include_reserve: bool) -> list[tuple[ItemRef, str]]:
    """Every target (then its indicators) and freedom, as an agenda item and how it reads."""
    choices = []
    for target in agreement.targets:
        if target.reserve and not include_reserve:
            continue
        choices.append(
            (ItemRef(ItemKind.TARGET, target.ref), f"Target {target.ref}: {target.title}")
        )
        for indicator in target.indicators:
            text = f"    Indicator {indicator.ref}: {indicator.description}"
            choices.append((ItemRef(ItemKind.INDICATOR, indicator.ref), text))
    for freedom in agreement.freedoms:
        text = f"Freedom {freedom.ref}: {freedom.description}"
        choices.append((ItemRef(ItemKind.FREEDOM, freedom.ref), text))
    return choices


class OpenMeetingDialog(QDialog):
    def __init__(
        self, agreement: Agreement, *, include_reserve: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("openMeetingDialog")
        self.setWindowTitle("Open a meeting")
        self.held_on = QDateEdit(QDate.currentDate())
        self.held_on.setObjectName("meetingDate")
        self.held_on.setDisplayFormat("dd/MM/yyyy")
        self.held_on.setCalendarPopup(True)
        self.place = QLineEdit()
        self.place.setObjectName("meetingPlace")
        self.place.setPlaceholderText("e.g. Guildhall, Bath")
        self.attendees = QPlainTextEdit()
        self.attendees.setObjectName("meetingAttendees")
        self.attendees.setPlaceholderText(
            "One a line: Name, Organisation\nJane Smith, B&NES Council"
        )
        self.attendees.setTabChangesFocus(True)
        self.attendees.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.agenda = QListWidget()
        self.agenda.setObjectName("meetingAgenda")
        self.agenda.setAccessibleName("Agenda: tick the items to discuss")
        for item, text in agenda_choices(agreement, include_reserve=include_reserve):
            entry = QListWidgetItem(text)
            entry.setData(_ITEM_ROLE, item)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.agenda.addItem(entry)
        self.problem = QLabel()
        self.problem.setObjectName("meetingProblem")
        self.problem.setStyleSheet("color: #a61b1b;")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Date", self.held_on)
        form.addRow("&Place", self.place)
        form.addRow("&Attendees", self.attendees)
        form.addRow("A&genda (tick)", self.agenda)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("Open meeting", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def chosen_date(self) -> date:
        chosen = self.held_on.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def chosen_attendees(self) -> tuple[Attendee, ...]:
        return parse_attendees(self.attendees.toPlainText())[0]

    def chosen_agenda(self) -> tuple[ItemRef, ...]:
        entries = (self.agenda.item(row) for row in range(self.agenda.count()))
        return tuple(e.data(_ITEM_ROLE) for e in entries if e.checkState() == Qt.CheckState.Checked)

    def tick(self, *items: ItemRef) -> None:
        for row in range(self.agenda.count()):
            entry = self.agenda.item(row)
            if entry.data(_ITEM_ROLE) in items:
                entry.setCheckState(Qt.CheckState.Checked)

    def _accept_if_valid(self) -> None:
        _attendees, refused = parse_attendees(self.attendees.toPlainText())
        if refused:
            self.problem.setText(
                "Write each attendee as 'Name, Organisation': " + "; ".join(refused)
            )
            self.attendees.setFocus()
            return
        self.accept()
