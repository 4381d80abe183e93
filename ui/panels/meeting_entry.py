"""The two entry rows under a meeting's tables: a decision, and an action item with its owner
and due date. Each announces what was typed; the controller makes it an undo command."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

_NO_DATE = QDate(2000, 1, 1)  # the date edit's "no date" (shown as its special text)


class DecisionEntry(QWidget):
    entered = Signal(str, bool)  # text, internal

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit()
        self.text.setObjectName("decisionText")
        self.text.setPlaceholderText("Type a decision and press Enter")
        self.internal = QCheckBox("Internal")
        self.internal.setToolTip("Never minuted or shown in presentation mode")
        self.button = QPushButton("Record")
        _row(self, self.text, self.internal, self.button)
        self.text.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)

    def submit(self) -> None:
        text = self.text.text().strip()
        if text:
            self.entered.emit(text, self.internal.isChecked() and not self.internal.isHidden())
            self.text.clear()
            self.internal.setChecked(False)


class ActionEntry(QWidget):
    entered = Signal(str, str, object, bool)  # text, owner, due (date | None), internal
    incomplete = Signal(str)  # what is missing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit()
        self.text.setObjectName("actionText")
        self.text.setPlaceholderText("Type an action item")
        self.owner = QComboBox()
        self.owner.setObjectName("actionOwner")
        self.owner.setEditable(True)
        self.owner.setMinimumContentsLength(16)
        self.owner.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        owner_text = self.owner.lineEdit()
        assert owner_text is not None  # an editable combo box has one
        owner_text.setPlaceholderText("Owner")
        self.due = QDateEdit()
        self.due.setObjectName("actionDue")
        self.due.setDisplayFormat("dd/MM/yyyy")
        self.due.setCalendarPopup(True)
        self.due.setMinimumDate(_NO_DATE)
        self.due.setSpecialValueText("no due date")
        self.due.setDate(_NO_DATE)
        self.due.setToolTip("When it is due (leave at 'no due date' if none)")
        self.internal = QCheckBox("Internal")
        self.internal.setToolTip("Never minuted or shown in presentation mode")
        self.button = QPushButton("Add")
        # Two lines: the action's text gets the whole width, its details go under it.
        lines = QVBoxLayout(self)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(2)
        lines.addWidget(self.text)
        details = QWidget()
        row = _row(details, self.owner, self.due, self.internal, self.button)
        row.insertStretch(3, 1)
        lines.addWidget(details)
        self.text.returnPressed.connect(self.submit)
        owner_text.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)

    def set_people(self, names: list[str]) -> None:
        typed = self.owner.currentText()
        self.owner.clear()
        self.owner.addItems(names)
        self.owner.setEditText(typed)

    def due_date(self) -> date | None:
        chosen = self.due.date()
        return None if chosen == _NO_DATE else date(chosen.year(), chosen.month(), chosen.day())

    def submit(self) -> None:
        text, owner = self.text.text().strip(), self.owner.currentText().strip()
        if not text:
            return
        if not owner:
            self.incomplete.emit("Say who owns the action (Owner).")
            self.owner.setFocus()
            return
        internal = self.internal.isChecked() and not self.internal.isHidden()
        self.entered.emit(text, owner, self.due_date(), internal)
        self.text.clear()
        self.owner.setEditText("")
        self.due.setDate(_NO_DATE)
        self.internal.setChecked(False)
        self.text.setFocus()


def _row(parent: QWidget, *widgets: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
    return layout
