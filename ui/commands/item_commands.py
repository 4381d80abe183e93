"""Undo for adding and removing a target, indicator, freedom, partner or signatory.

The command keeps the item itself (a frozen domain object) and its position, so undoing a
removal puts back exactly what was there, where it was.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from lpsa_desktop.services.agreement_edits import ITEM, FieldAddress, Part
from ui.session import AgreementSession

_POSITIONAL = (Part.PARTNER, Part.SIGNATORY)


def _name(part: Part, item: Any) -> str:
    ref = getattr(item, "ref", None) or getattr(item, "name", "")
    return f"{part.value} {ref}".strip()


class _ItemCommand(QUndoCommand):
    """The item and where it goes; adding and removing are each other's undo."""

    verb = ""

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
        super().__init__(f"{self.verb} {_name(part, item)}")
        self._session = session
        self.agreement_ref = agreement_ref
        self.part = part
        self.item = item
        self.index = index
        self.parent = parent

    @property
    def store_address(self) -> FieldAddress:
        """The item it adds or removes: how a held edit finds its step."""
        key = self.index if self.part in _POSITIONAL else self.item.ref
        return FieldAddress(self.part, key, ITEM)

    def _insert(self, action: str, *, undoing: bool = False) -> None:
        self._session.insert_item(
            self.agreement_ref,
            self.part,
            self.item,
            self.index,
            parent=self.parent,
            action=action,
            undoing=undoing,
        )

    def _remove(self, action: str, *, undoing: bool = False) -> None:
        key = self.index if self.part in _POSITIONAL else self.item.ref
        self._session.remove_item(
            self.agreement_ref,
            self.part,
            key,
            parent=self.parent,
            expected=self.item,
            action=action,
            undoing=undoing,
        )


class AddItemCommand(_ItemCommand):
    verb = "add"

    def redo(self) -> None:
        self._insert(self.text())

    def undo(self) -> None:
        self._remove(f"undo {self.text()}", undoing=True)


class RemoveItemCommand(_ItemCommand):
    verb = "remove"

    def redo(self) -> None:
        self._remove(self.text())

    def undo(self) -> None:
        self._insert(f"undo {self.text()}", undoing=True)
