"""Undo for adding and removing a target, indicator, freedom, partner or signatory.

The command keeps the item itself (a frozen domain object) and its position, so undoing a
removal puts back exactly what was there, where it was.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from lpsa_desktop.services.agreement_edits import Part
from ui.session import AgreementSession

_POSITIONAL = (Part.PARTNER, Part.SIGNATORY)


def _name(part: Part, item: Any) -> str:
    ref = getattr(item, "ref", None) or getattr(item, "name", "")
    return f"{part.value} {ref}".strip()


class AddItemCommand(QUndoCommand):
    def __init__(
        self,
        session: AgreementSession,
        agreement_ref: str,
        part: Part,
        item: Any,
        index: int,
        *,
        parent: str = "",
    ) -> None:
        super().__init__(f"add {_name(part, item)}")
        self._session = session
        self.agreement_ref = agreement_ref
        self.part = part
        self.item = item
        self.index = index
        self.parent = parent

    def redo(self) -> None:
        self._session.insert_item(
            self.agreement_ref,
            self.part,
            self.item,
            self.index,
            parent=self.parent,
            action=self.text(),
        )

    def undo(self) -> None:
        key = self.index if self.part in _POSITIONAL else self.item.ref
        self._session.remove_item(
            self.agreement_ref,
            self.part,
            key,
            parent=self.parent,
            expected=self.item,
            action=f"undo {self.text()}",
        )


class RemoveItemCommand(QUndoCommand):
    def __init__(
        self,
        session: AgreementSession,
        agreement_ref: str,
        part: Part,
        item: Any,
        index: int,
        *,
        parent: str = "",
    ) -> None:
        super().__init__(f"remove {_name(part, item)}")
        self._session = session
        self.agreement_ref = agreement_ref
        self.part = part
        self.item = item
        self.index = index
        self.parent = parent

    def redo(self) -> None:
        key = self.index if self.part in _POSITIONAL else self.item.ref
        self._session.remove_item(
            self.agreement_ref,
            self.part,
            key,
            parent=self.parent,
            expected=self.item,
            action=self.text(),
        )

    def undo(self) -> None:
        self._session.insert_item(
            self.agreement_ref,
            self.part,
            self.item,
            self.index,
            parent=self.parent,
            action=f"undo {self.text()}",
        )
