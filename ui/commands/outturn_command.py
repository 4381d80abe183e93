"""Undo for outturns typed or pasted into the period table: one command per edit or paste,
redo writes the new states and undo the old ones, each in one transaction."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from lpsa_desktop.domain.delivery.outturns import Outturn

State = tuple[str, str, Outturn | None]


class RecordOutturnsCommand(QUndoCommand):
    def __init__(
        self,
        agreement_ref: str,
        new: list[State],
        old: list[State],
        text: str,
        write: Callable[[str, list[State], str], None],
    ) -> None:
        super().__init__(text)
        self.agreement_ref = agreement_ref
        self.new, self.old = new, old
        self._write = write

    def redo(self) -> None:
        self._write(self.agreement_ref, self.new, self.text())

    def undo(self) -> None:
        self._write(self.agreement_ref, self.old, f"undo {self.text()}")
