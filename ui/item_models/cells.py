"""What a cell of an agreement table is: a kind of value, how it reads and how it is typed.

The item models share these so that money, numbers, shares and choices look and parse the
same everywhere. Edit text is always a plain string (what delegates, QDataWidgetMapper and
tests put in with ``setData``); choices use the enum's stored value.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from lpsa_desktop.domain.enums import Severity, Unit
from lpsa_desktop.domain.numbers import WHOLE
from lpsa_desktop.domain.validation import ValidationIssue
from lpsa_desktop.domain.vocabulary import linked_targets_text
from lpsa_desktop.services.agreement_edits import FieldAddress
from ui import display
from ui.display import ParseError


class CellKind(StrEnum):
    TEXT = "text"
    NUMBER = "number"  # an indicator value: formatted by the indicator's unit and decimals
    INTEGER = "integer"
    MONEY = "money"
    SHARE = "share"  # a weight: a fraction of a whole, shown as a percentage
    CHOICE = "choice"
    REFS = "refs"  # a list of refs, typed as '1, 4'
    FLAG = "flag"  # a check box
    COMPUTED = "computed"  # shown, never edited


ADDRESS_ROLE = Qt.ItemDataRole.UserRole + 1
"""The FieldAddress an editable cell writes to (None for read-only cells)."""
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 2
"""The enum class of a choice cell, for the choice delegate."""
KIND_ROLE = Qt.ItemDataRole.UserRole + 3

ERROR_TINT = QColor("#f8d7da")
WARNING_TINT = QColor("#fff3cd")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class FieldEdit:
    """A change an officer asked for in a view: the controller turns it into an undo command."""

    agreement_ref: str
    address: FieldAddress
    old: Any
    new: Any


def display_text(kind: CellKind, value: Any, *, unit: Unit = Unit.COUNT, decimals: int = 0) -> str:
    if value is None:
        return ""
    if kind is CellKind.NUMBER:
        return display.value_text(value, unit, decimals)
    if kind is CellKind.MONEY:
        return display.money_text(value)
    if kind is CellKind.SHARE:
        return display.fraction_percent(value, 1).replace(".0%", "%")
    if kind is CellKind.CHOICE and isinstance(value, Enum):
        return display.short_label(value)
    if kind is CellKind.INTEGER and isinstance(value, int):
        return f"{value:,}"
    if kind is CellKind.REFS:
        # "none" where nothing is linked, as the PDF and the command line say it
        return linked_targets_text([str(v) for v in value])
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def edit_text(kind: CellKind, value: Any) -> str:
    if kind is CellKind.SHARE and isinstance(value, Decimal):
        return display.number_text(value * 100) + "%"
    return display.edit_text(value)


def parse_text(
    kind: CellKind, text: str, *, choices: type[Enum] | None = None, optional: bool = True
) -> Any:
    """Typed text → a domain value, or ParseError saying what was expected."""
    if kind is CellKind.NUMBER:
        return display.parse_number(text, allow_empty=optional)
    if kind is CellKind.MONEY:
        return display.parse_money(text, allow_empty=optional)
    if kind is CellKind.SHARE:
        return display.parse_fraction(text, allow_empty=optional)
    if kind is CellKind.INTEGER:
        number = display.parse_number(text, allow_empty=False, rule=WHOLE)
        assert number is not None  # allow_empty=False
        return int(number)
    if kind is CellKind.CHOICE:
        assert choices is not None
        try:
            return choices(text)
        except ValueError:
            pass
        # Pasted or typed as shown ("Agreed", "Under negotiation"), in any case.
        wanted = text.strip().casefold()
        for member in choices:
            shown = (display.short_label(member), display.enum_label(member), member.value)
            if wanted in (w.casefold() for w in shown):
                return member
        raise ParseError(f"{text!r} is not one of the choices")
    if kind is CellKind.REFS:
        return display.parse_refs(text)
    if kind is CellKind.TEXT:
        stripped = text.strip()
        return None if optional and not stripped else stripped
    raise ParseError("this value cannot be typed")


_YES = {"yes", "y", "true", "1", "x", "✓", "ticked"}
_NO = {"no", "n", "false", "0", "", "unticked"}


def parse_flag(text: str) -> bool:
    """A tick box's pasted or typed value: yes/no, true/false, 1/0, x or empty."""
    word = text.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ParseError(f"{text!r} is not yes or no")


def alignment(kind: CellKind) -> Qt.AlignmentFlag:
    numeric = (CellKind.NUMBER, CellKind.MONEY, CellKind.SHARE, CellKind.INTEGER)
    return _RIGHT if kind in numeric else _LEFT


def issue_tint(issues: list[ValidationIssue]) -> QColor | None:
    if not issues:
        return None
    if any(i.severity is Severity.ERROR for i in issues):
        return ERROR_TINT
    return WARNING_TINT


def issue_tooltip(issues: list[ValidationIssue]) -> str:
    return "\n".join(
        f"{'Error' if i.severity is Severity.ERROR else 'Check'}: {i.message}" for i in issues
    )
