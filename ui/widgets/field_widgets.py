"""Form widgets bound to one field of an agreement: they show a value and announce a new one.

Used by the overview and the detail form under the targets tree. A widget commits when the
officer finishes (Enter or leaving the box), never on every key, and is not overwritten by
a refresh while it has the focus. Text that is not a value is marked in place, with the
reason as the tooltip, and is not committed.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from ui.display import ParseError, enum_label
from ui.item_models import cells
from ui.item_models.cells import CellKind

_INVALID_STYLE = "border: 2px solid #c0392b; background: #fdecea;"


class BoundLineEdit(QLineEdit):
    committed = Signal(str, object)  # field, value

    def __init__(
        self, field: str, kind: CellKind, *, optional: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.field, self.kind, self.optional = field, kind, optional
        self._value: Any = None
        self._unit_kwargs: dict[str, Any] = {}
        self.editingFinished.connect(self._commit)
        self.textEdited.connect(self._check)

    def show_value(self, value: Any, **unit: Any) -> None:
        self._value, self._unit_kwargs = value, unit
        if not self.hasFocus():
            self._show_display_text()

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Plain text to edit (1234567), formatted text to read (£1,234,567).
        self.setText(cells.edit_text(self.kind, self._value))
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if not self.styleSheet():
            self._show_display_text()

    def _show_display_text(self) -> None:
        self.setText(cells.display_text(self.kind, self._value, **self._unit_kwargs))
        self.setCursorPosition(0)

    def _parse(self) -> Any:
        return cells.parse_text(self.kind, self.text(), optional=self.optional)

    def _check(self) -> bool:
        try:
            self._parse()
        except ParseError as problem:
            self.setStyleSheet(_INVALID_STYLE)
            self.setToolTip(str(problem))
            return False
        self.setStyleSheet("")
        self.setToolTip("")
        return True

    def _commit(self) -> None:
        if self.isReadOnly() or not self._check():
            return
        value = self._parse()
        if value != self._value:
            self.committed.emit(self.field, value)


class BoundComboBox(QComboBox):
    committed = Signal(str, object)

    def __init__(self, field: str, choices: type[Enum], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field, self.choices = field, choices
        for member in choices:
            self.addItem(enum_label(member), member.value)
        self.activated.connect(self._commit)

    def show_value(self, value: Enum | None) -> None:
        self.setCurrentIndex(self.findData(value.value) if value is not None else -1)

    def _commit(self) -> None:
        self.committed.emit(self.field, self.choices(self.currentData()))


class BoundDateEdit(QDateEdit):
    committed = Signal(str, object)

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        self._value: date | None = None
        self.editingFinished.connect(self._commit)

    def show_value(self, value: date) -> None:
        self._value = value
        if not self.hasFocus():
            self.setDate(QDate(value.year, value.month, value.day))

    def _commit(self) -> None:
        chosen = self.date().toPython()
        if isinstance(chosen, date) and chosen != self._value:
            self.committed.emit(self.field, chosen)


class BoundTextEdit(QPlainTextEdit):
    """Several lines (notes); commits when the officer leaves the box."""

    committed = Signal(str, object)

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._value = ""
        self.setTabChangesFocus(True)

    def show_value(self, value: str) -> None:
        self._value = value
        if not self.hasFocus():
            self.setPlainText(value)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        text = self.toPlainText()
        if text != self._value:
            self.committed.emit(self.field, text)
