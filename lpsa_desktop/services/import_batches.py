"""Import batches after the fact: list them, and revert one whole.

A revert puts the agreement back as it was before the import (or removes it, when the
import created it), in one transaction with its audit trail. It is refused when the
agreement has changed since (a later edit or import would be lost): undo those first.
"""

from __future__ import annotations

from lpsa_desktop.domain.diff import Change, diff_agreements
from lpsa_desktop.importing.errors import ImportBlockedError
from lpsa_desktop.services.agreement_snapshots import agreement_from_json
from lpsa_desktop.storage.import_batch_repository import ImportBatch
from lpsa_desktop.storage.store import Store


def list_import_batches(store: Store, agreement_ref: str | None = None) -> list[ImportBatch]:
    with store.unit_of_work() as uow:
        return uow.import_batches.listing(agreement_ref)


def revert_import_batch(store: Store, batch_id: int, *, officer: str) -> list[Change]:
    """Undo batch ``batch_id``; returns what changed in the store."""
    with store.unit_of_work(write=True) as uow:
        batch = uow.import_batches.get(batch_id)
        if batch.reverted_at is not None:
            raise ImportBlockedError(
                f"import batch {batch_id} was already reverted on "
                f"{batch.reverted_at:%d/%m/%Y %H:%M} by {batch.reverted_by}"
            )
        ref = batch.agreement_ref
        current = uow.agreements.get(ref) if uow.agreements.exists(ref) else None
        after = agreement_from_json(batch.after_json)
        if current != after:
            since = diff_agreements(after, current)
            shown = "; ".join(str(c) for c in since[:3]) + ("…" if len(since) > 3 else "")
            raise ImportBlockedError(
                f"agreement {ref} has changed since import batch {batch_id} "
                f"({batch.file_name}): {shown or 'it was removed'}. Nothing was reverted; "
                "revert or undo the later changes first"
            )
        before = agreement_from_json(batch.before_json) if batch.before_json else None
        changes = diff_agreements(current, before)
        if before is None:
            uow.agreements.delete(ref)
        else:
            uow.agreements.save(before)
        uow.audit.record(
            ref, officer, f"revert import batch {batch_id} ({batch.file_name})", changes
        )
        uow.import_batches.mark_reverted(batch_id, officer)
        return changes
