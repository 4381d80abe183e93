"""An edit the store did not take yet, kept so that the officer can decide what happens.

A write refused by the conflict rule, or stopped by a store fault (busy, read-only, disk
full), is not thrown away: the window keeps showing it, the undo history keeps its step,
and the officer answers a dialog (``ui.edit_problems``). ``send(expected)`` makes the same
write again, stating ``expected`` as what the officer saw: the stored value, after "Keep
mine", or the original one, after "Retry".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lpsa_desktop.services.agreement_edits import FieldAddress

if TYPE_CHECKING:
    from lpsa_desktop.storage.store import Store
    from ui.store_work import Snapshot


@dataclass(frozen=True)
class PendingEdit:
    agreement_ref: str
    address: FieldAddress  # the field written, or (field ITEM) the item added or removed
    value: Any  # what the officer wrote there (an item being added: the item)
    expected: Any  # what the write stated the officer saw
    action: str  # the audit trail's wording, e.g. 'edit indicator 2 / with'
    undoing: bool  # written by an undo (else by a new edit or a redo)
    send: Callable[[Any], Callable[[Store], Snapshot]]  # expected → the store work

    def again(self, expected: Any) -> PendingEdit:
        """The same edit, now stating ``expected``."""
        return PendingEdit(
            self.agreement_ref,
            self.address,
            self.value,
            expected,
            self.action,
            self.undoing,
            self.send,
        )
