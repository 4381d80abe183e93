"""A drop-down of an agreement's rounds plus the current state: one side of a comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from ui.display import date_text

if TYPE_CHECKING:
    from lpsa_desktop.domain.rounds import Round

CURRENT = "current"  # as lpsa_desktop.services.rounds names the current state
Side = int | str  # a round number, or CURRENT


def round_choice(taken: Round) -> str:
    """'2: Government response (government, 03/02/2003)', internal ones said so."""
    internal = ", internal" if taken.internal else ""
    return (
        f"{taken.number}: {taken.name} ({taken.party.value}, {date_text(taken.held_on)}{internal})"
    )


class RoundPicker(QComboBox):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)  # long round names are elided, with a tooltip

    def set_rounds(self, rounds: tuple[Round, ...], default: Side, *, reset: bool = False) -> None:
        """Offer ``rounds`` and the current state; keep the choice if it is still there
        (unless ``reset``: then ``default``)."""
        kept = self.side() if self.count() and not reset else default
        self.blockSignals(True)
        self.clear()
        for taken in rounds:
            self.addItem(round_choice(taken), taken.number)
            self.setItemData(self.count() - 1, round_choice(taken), Qt.ItemDataRole.ToolTipRole)
        self.addItem("Current state", CURRENT)
        found = self.findData(kept)
        self.setCurrentIndex(found if found >= 0 else max(0, self.findData(default)))
        self.blockSignals(False)
        self.setToolTip(self.currentText())

    def side(self) -> Side:
        data = self.currentData()
        return data if isinstance(data, int | str) else CURRENT

    def choose(self, side: Side) -> None:
        found = self.findData(side)
        if found >= 0:
            self.setCurrentIndex(found)
