"""Rounds and the comparison of two positions, as read-only tables.

The comparison is shown side by side: each change with its value before and after, coloured
by what happened to it (added, removed, changed, renumbered), and the reward pot and each
target's potential before and after, changed ones highlighted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont

from lpsa_desktop.domain.display import change_value_text
from ui.display import date_text, money_text
from ui.item_models.record_rows_model import RecordRowsModel, long_text_tip

if TYPE_CHECKING:
    from lpsa_desktop.domain.agreement import Agreement
    from lpsa_desktop.domain.comparison import ComparedChange, Comparison
    from lpsa_desktop.domain.diff import Change
    from lpsa_desktop.domain.rounds import Round

CURRENT_LABEL = "current state"
NO_PARTY = "–"  # a change made since the last round: nobody's position yet
KIND_TINTS = {
    "added": QColor("#e6f4ea"),
    "removed": QColor("#f8d7da"),
    "changed": QColor("#fff3cd"),
    "renumbered": QColor("#dbe8fb"),
}
MOVED_TINT = KIND_TINTS["changed"]
INTERNAL_COLOUR = QColor("#8a5a00")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def round_title(taken: Round) -> str:
    """'round 2: Government response'."""
    return f"round {taken.number}: {taken.name}"


class RoundListModel(RecordRowsModel["Round"]):
    """The rounds of one agreement, oldest first, two lines each (a narrow list reads them
    whole); internal ones marked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(("Round",), parent)

    def set_rounds(self, rounds: tuple[Round, ...]) -> None:
        if tuple(self.rows) != rounds:
            self.replace_rows(rounds)

    def cell(self, taken: Round, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            internal = " · internal" if taken.internal else ""
            return (
                f"{taken.number}. {taken.name}\n"
                f"{taken.party.value} · {date_text(taken.held_on)}{internal}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            taken_at = f" on {date_text(taken.taken_at)}" if taken.taken_at else ""
            lines = [round_title(taken), f"Taken by {taken.officer or 'unknown'}{taken_at}"]
            if taken.source:
                lines.append(f"From {taken.source}")
            if taken.internal:
                lines.append("Internal: never exported, minuted or shown in presentation mode")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.FontRole and taken.internal:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and taken.internal:
            return INTERNAL_COLOUR
        return None


class ComparisonModel(RecordRowsModel["ComparedChange"]):
    """Every change from one position to the other, field by field, with who made it."""

    HEADERS = ("Change", "What", "Field", "Before", "After", "Party", "Made in")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(self.HEADERS, parent)
        self._agreement: Agreement | None = None

    def set_comparison(
        self,
        comparison: Comparison | None,
        hidden: Callable[[ComparedChange], bool] = lambda _change: False,
        agreement: Agreement | None = None,
    ) -> None:
        """Show ``comparison`` without the changes ``hidden`` says not to show; an
        indicator's levels with the units of ``agreement``'s indicator (as it is now)."""
        self._agreement = agreement
        changes = tuple(c for c in comparison.changes if not hidden(c)) if comparison else ()
        self.replace_rows(changes)

    def cell(self, compared: ComparedChange, column: int, role: int) -> Any:
        change = compared.change
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                change.kind.capitalize(),
                change.entity or "agreement",
                change.field_label,  # the vocabulary's name: "Outturn", not "actual"
                _side(change, change.old, self._agreement),
                _side(change, change.new, self._agreement),
                compared.party.value if compared.party else NO_PARTY,
                CURRENT_LABEL if compared.by == "current" else compared.by,
            )
            text = values[column]
            return long_text_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == Qt.ItemDataRole.BackgroundRole:
            return KIND_TINTS.get(change.kind)
        return None


def _side(change: Change, text: str | None, agreement: Agreement | None) -> str:
    if change.kind == "renumbered":
        return text or ""  # refs, not levels
    return change_value_text(change, agreement, text) or ""


@dataclass(frozen=True)
class MoneyRow:
    label: str
    before: Decimal | None
    after: Decimal | None
    total: bool = False

    @property
    def moved(self) -> bool:
        return self.before != self.after


class PotentialsModel(RecordRowsModel[MoneyRow]):
    """The reward pot and each target's potential, before and after."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(("Target", "Before", "After"), parent)

    def set_comparison(
        self, comparison: Comparison | None, hidden_targets: frozenset[str] = frozenset()
    ) -> None:
        rows: list[MoneyRow] = []
        if comparison is not None:
            rows.append(MoneyRow("Reward pot", comparison.pot_before, comparison.pot_after, True))
            rows += [
                MoneyRow(f"Target {p.target}", p.before, p.after)
                for p in comparison.potentials
                if p.target not in hidden_targets
            ]
        self.replace_rows(tuple(rows))

    def cell(self, row: MoneyRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.label
            amount = row.before if column == 1 else row.after
            return "–" if amount is None else money_text(amount)
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and row.moved:
            return MOVED_TINT
        if role == Qt.ItemDataRole.FontRole and row.total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.moved:
            if row.before is None or row.after is None:
                return "Only on one side"
            difference = row.after - row.before
            return f"Difference: {'+' if difference > 0 else ''}{money_text(difference)}"
        return None
