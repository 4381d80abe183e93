"""The conflicts of a merge, one per row: the base value, mine and theirs side by side,
who changed each and when, and the choice made (nothing until the officer makes one)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from lpsa_desktop.domain.three_way import Side
from ui.display import date_text
from ui.item_models.record_rows_model import RecordRowsModel, long_text_tip

if TYPE_CHECKING:
    from lpsa_desktop.services.package_exchange import Author, ConflictView

_HEADERS = ("Item", "Base (both had)", "Mine", "Changed here by", "Theirs", "Changed there by",
            "Take")  # fmt: skip
MINE_COLUMN, THEIRS_COLUMN, TAKE_COLUMN = 2, 4, 6
_TAKE_WORDS = {Side.MINE: "mine", Side.THEIRS: "theirs", None: "— choose —"}


class ConflictTableModel(RecordRowsModel["ConflictView"]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_HEADERS, parent)
        self._choices: dict[str, Side] = {}

    def set_conflicts(self, conflicts: list[ConflictView]) -> None:
        self._choices = {
            c.conflict.address: c.conflict.chosen for c in conflicts if c.conflict.chosen
        }
        self.replace_rows(conflicts)

    @property
    def choices(self) -> dict[str, Side]:
        return dict(self._choices)

    @property
    def unresolved(self) -> int:
        return sum(c.conflict.address not in self._choices for c in self.rows)

    def choose(self, rows: list[int], side: Side) -> None:
        """Take ``side`` for these rows (all rows: 'all mine' / 'all theirs')."""
        for row in rows:
            view = self.row_at(row)
            if view is not None:
                self._choices[view.conflict.address] = side
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), TAKE_COLUMN))

    def cell(self, view: ConflictView, column: int, role: int) -> Any:
        c = view.conflict
        chosen = self._choices.get(c.address)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (c.address, _text(c.base), _text(c.mine), _author(view.mine_by),
                      _text(c.theirs), _author(view.theirs_by), _TAKE_WORDS[chosen])  # fmt: skip
            text = values[column]
            return text if role == Qt.ItemDataRole.DisplayRole else long_text_tip(text)
        if role == Qt.ItemDataRole.FontRole and chosen is not None:
            taken = MINE_COLUMN if chosen is Side.MINE else THEIRS_COLUMN
            if column in (taken, TAKE_COLUMN):
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ForegroundRole and column == TAKE_COLUMN and chosen is None:
            return Qt.GlobalColor.darkRed
        return None


def _text(value: str | None) -> str:
    return "(empty)" if value in (None, "") else str(value)


def _author(author: Author | None) -> str:
    return "(not in the trail)" if author is None else f"{author.officer}, {date_text(author.at)}"
