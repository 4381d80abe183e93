"""Reading agreements: the list, and one agreement whole."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # kept out of the import: `lpsa list` must not load the ORM
    from lpsa_desktop.domain.agreement import Agreement
    from lpsa_desktop.storage.agreement_listing import AgreementSummary
    from lpsa_desktop.storage.audit_repository import AuditEvent
    from lpsa_desktop.storage.store import Store


def list_agreements(store: Store) -> list[AgreementSummary]:
    return store.agreement_summaries()


def load_agreement(store: Store, ref_or_council: str) -> Agreement:
    """By ref, or by a council name unique in the store (NotFoundError / AmbiguousRefError)."""
    with store.unit_of_work() as uow:
        return uow.agreements.get(uow.agreements.resolve(ref_or_council))


def agreement_history(store: Store, ref: str, *, limit: int | None = None) -> list[AuditEvent]:
    with store.unit_of_work() as uow:
        return uow.audit.history(ref, limit=limit)


def resolve_ref(store: Store, ref_or_council: str) -> str:
    """An agreement's ref from its ref or a council name unique in the store."""
    with store.unit_of_work() as uow:
        return uow.agreements.resolve(ref_or_council)
