"""Changing agreements. Every change is one transaction that also writes the audit trail."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.diff import Change, diff_agreements
from lpsa_desktop.errors import LpsaError, NotFoundError
from lpsa_desktop.services.edit_conflicts import Expectation, check_expectations
from lpsa_desktop.storage.store import Store


class RefTakenError(LpsaError):
    """A new agreement whose ref another agreement already has."""


def create_agreement(store: Store, agreement: Agreement, *, officer: str) -> None:
    with store.unit_of_work(write=True) as uow:
        if uow.agreements.exists(agreement.ref):
            raise RefTakenError(f"an agreement with ref {agreement.ref!r} already exists")
        uow.agreements.save(agreement)
        uow.audit.record(agreement.ref, officer, "create", diff_agreements(None, agreement))


def update_agreement(
    store: Store,
    ref: str,
    change: Callable[[Agreement], Agreement],
    *,
    officer: str,
    action: str,
    expect: Sequence[Expectation] = (),
) -> list[Change]:
    """Apply ``change`` to the stored agreement and save it; returns what changed.

    Read, change and write happen in one write transaction (the lock is held from the
    start), so a concurrent editor cannot slip a change in between. Each of ``expect`` is
    checked against the stored agreement first (the conflict rule, ``edit_conflicts``):
    a mismatch raises ValueConflictError and writes nothing.
    """
    with store.unit_of_work(write=True) as uow:
        before = uow.agreements.get(ref)
        check_expectations(uow, before, expect)
        after = change(before)
        if after.ref != ref and uow.agreements.exists(after.ref):
            raise RefTakenError(f"an agreement with ref {after.ref!r} already exists")
        changes = diff_agreements(before, after)
        if changes:
            if after.ref != ref:
                uow.agreements.delete(ref)
            uow.agreements.save(after)
            uow.audit.record(after.ref, officer, action, changes)
        return changes


def save_agreement(
    store: Store, agreement: Agreement, *, officer: str, action: str = "edit"
) -> list[Change]:
    """Replace the stored agreement of the same ref with ``agreement``."""
    return update_agreement(
        store, agreement.ref, lambda _old: agreement, officer=officer, action=action
    )


def delete_agreement(store: Store, ref: str, *, officer: str) -> None:
    with store.unit_of_work(write=True) as uow:
        if not uow.agreements.exists(ref):
            raise NotFoundError(f"no agreement with ref {ref!r}")
        uow.agreements.delete(ref)
        uow.audit.record(ref, officer, "delete", [Change("removed", "", None, ref, None)])
