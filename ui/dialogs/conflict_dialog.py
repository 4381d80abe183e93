"""The two dialogs of an edit the store did not take: a conflict, and a store fault.

A conflict shows both values as the window shows them, and who made the other change and
when; the officer keeps theirs or takes the stored one. A store fault (busy, read-only,
disk full) keeps the edit pending: retry it, or undo it. Both are window-modal and open
without blocking, so the worker goes on and tests can answer them.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.services.agreement_edits import ITEM, FieldAddress, Part
from lpsa_desktop.services.edit_conflicts import ABSENT, Conflict
from ui import display

_INDICATOR_VALUES = {"baseline", "without", "with_", "interim", "interim_actual", "actual"}
_MONEY = {"net_budget_requirement", "pump_priming_grant", "pump_priming"}
_SHARES = {"weight", "reward_rate", "threshold", "cap", "capital_share", "interim_fraction"}


def value_words(address: FieldAddress, value: Any, agreement: Agreement | None) -> str:
    """A value as the window's tables show it: '7.6%', '£919,613.00', 'Agreed'."""
    if value is ABSENT:
        return "(none)"
    if value is None or value == "":
        return "(empty)"
    if address.field == ITEM:
        for name in ("title", "description", "name"):
            if isinstance(text := getattr(value, name, None), str):
                return text
        return str(value)
    if isinstance(value, Decimal):
        if address.field in _MONEY:
            return display.money_text(value)
        if address.field in _SHARES:
            return display.fraction_percent(value, 1).replace(".0%", "%")
        if address.part is Part.INDICATOR and address.field in _INDICATOR_VALUES:
            found = agreement.find_indicator(str(address.key)) if agreement else None
            if found is not None:
                return display.value_text(value, found[1].unit, found[1].decimals)
        return display.number_text(value, max(0, -int(value.as_tuple().exponent)))
    if isinstance(value, Enum):
        return display.enum_label(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def conflict_box(
    parent: QWidget, conflict: Conflict, mine: Any, agreement: Agreement | None
) -> tuple[QMessageBox, QPushButton | None, QPushButton]:
    """The conflict dialog, and its Keep mine (None when keeping is impossible: an item
    removed elsewhere, or a ref taken) and Take theirs buttons."""
    where = conflict.where
    who = ""
    if conflict.changed_by is not None and conflict.changed_at is not None:
        who = f"Changed by {conflict.changed_by} on {display.date_text(conflict.changed_at)}" + (
            f" ({conflict.change_action})" if conflict.change_action else ""
        )
    address = conflict.address
    box = QMessageBox(parent)
    box.setObjectName("conflictDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Changed elsewhere")
    impossible = conflict.stored is ABSENT or conflict.expected is ABSENT
    if conflict.stored is ABSENT:
        box.setText(f"{_capital(where)} was removed elsewhere; your change was not saved.")
    elif conflict.expected is ABSENT:
        box.setText(f"{_capital(where)} was added elsewhere; yours was not saved.")
    else:
        box.setText(f"{_capital(where)} was changed elsewhere since you saw it.")
    lines = [
        f"You saw: {value_words(address, conflict.expected, agreement)}",
        f"Yours: {value_words(address, mine, agreement)}",
        f"In the store now: {value_words(address, conflict.stored, agreement)}",
    ]
    if who:
        lines.append(who)
    box.setInformativeText("\n".join(lines))
    keep = None
    if not impossible:
        keep = box.addButton("Keep mine", QMessageBox.ButtonRole.AcceptRole)
        keep.setObjectName("keepMine")
    take = box.addButton("Take theirs", QMessageBox.ButtonRole.RejectRole)
    take.setObjectName("takeTheirs")
    box.setDefaultButton(take)
    return box, keep, take


def unsaved_box(
    parent: QWidget, what: str, message: str
) -> tuple[QMessageBox, QPushButton, QPushButton]:
    """A store fault: the edit is still on screen and in the undo history."""
    box = QMessageBox(parent)
    box.setObjectName("unsavedEditDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Not saved yet")
    box.setText(f"Your change ({what}) is not saved yet: the store did not take it.")
    box.setInformativeText(
        f"{message}\n\nRetry when the store is available again, or undo the change."
    )
    retry = box.addButton("Retry", QMessageBox.ButtonRole.AcceptRole)
    retry.setObjectName("retryEdit")
    undo = box.addButton("Undo it", QMessageBox.ButtonRole.DestructiveRole)
    undo.setObjectName("undoEdit")
    box.setDefaultButton(retry)
    return box, retry, undo


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
