"""Many small edits of one agreement as one transaction: a paste of cells from a spreadsheet.

Each edit is the same field change as ``field_edits.set_field`` makes (``with_field``),
applied through the one write path (``update_agreement``, which also writes the audit
trail), all in one transaction: either every cell is stored or none is. Every cell must
still hold the value the officer saw when pasting (its ``expected``); one that was changed
elsewhere meanwhile refuses the whole batch with EditConflictError, naming it.
"""

from __future__ import annotations

from collections.abc import Sequence

from lpsa_desktop.domain.diff import Change
from lpsa_desktop.services.agreement_editing import update_agreement
from lpsa_desktop.services.field_changes import FieldChange, with_fields
from lpsa_desktop.storage.store import Store


def set_fields(
    store: Store,
    agreement_ref: str,
    changes: Sequence[FieldChange],
    *,
    officer: str,
    action: str,
) -> list[Change]:
    """Store every change in one transaction (all or nothing), with one audit action."""
    return update_agreement(
        store, agreement_ref, lambda a: with_fields(a, changes), officer=officer, action=action
    )
