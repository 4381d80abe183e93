"""The store work the window does, as plain functions run on the background worker.

Kept apart from the Qt code so that SQLAlchemy (about 0.3 s to import) is loaded by the
worker after the window is on screen, not before it: ``ui.session`` imports this module only
inside tasks. Every function returns domain objects, never ORM rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.errors import StoreDamagedError
from lpsa_desktop.services import field_edits
from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from lpsa_desktop.services.agreement_lifecycle import copied_from
from lpsa_desktop.services.agreement_queries import (
    agreement_history,
    list_agreements,
    load_agreement,
)
from lpsa_desktop.services.demo import ensure_demo_agreement
from lpsa_desktop.services.officer import current_officer, default_officer, set_officer
from lpsa_desktop.services.store_backups import automatic_backup
from lpsa_desktop.storage.agreement_repository import AgreementSummary
from lpsa_desktop.storage.audit_repository import AuditEvent
from lpsa_desktop.storage.change_watch import ChangeWatcher
from lpsa_desktop.storage.store import Store

HISTORY_LIMIT = 1000


@dataclass(frozen=True)
class OpenedStore:
    store: Store
    officer: str
    summaries: list[AgreementSummary]
    demo_ref: str | None


@dataclass(frozen=True)
class Snapshot:
    """One agreement as the store holds it now, with its audit trail and the list."""

    agreement: Agreement | None
    history: list[AuditEvent]
    summaries: list[AgreementSummary]
    copied_from: str | None = None

    def stamp(self) -> datetime | None:
        if self.agreement is None:
            return None
        return stamp_of(self.summaries, self.agreement.ref)

    @property
    def last_event_id(self) -> int:
        """The newest audit event it was read with (0: none)."""
        return self.history[0].id if self.history else 0


@dataclass(frozen=True)
class OutsideChange:
    """What another writer committed: the agreement as it is now, and the audit events
    newer than the window had seen (newest first): who changed what."""

    snapshot: Snapshot
    events: list[AuditEvent]


def stamp_of(summaries: list[AgreementSummary], ref: str) -> datetime | None:
    """When the agreement was last written (by any window): how a change elsewhere is seen."""
    return next((s.updated_at for s in summaries if s.ref == ref), None)


def open_store(location: str | None, *, add_demo: bool) -> OpenedStore:
    store = Store.open(location)
    if store.upgraded_from is None:
        automatic_backup(store, reason="daily")  # once a day, on this worker thread
    try:
        officer = current_officer(store)
        # What the login may do, asked here on the worker (a server round trip); a reader
        # is not given a demo agreement it could not write.
        add_demo = add_demo and store.access.can_edit
        demo_ref = ensure_demo_agreement(store, officer=officer) if add_demo else None
        return OpenedStore(store, officer, list_agreements(store), demo_ref)
    except StoreDamagedError:
        if store.damaged is None:
            raise
        # Damaged where the list lives: open it all the same (read-only, with the banner
        # and File ▸ Restore from a backup…), showing what cannot be read as nothing.
        return OpenedStore(store, default_officer(), [], None)


def snapshot(store: Store, ref: str | None) -> Snapshot:
    summaries = list_agreements(store)
    if ref is None or all(s.ref != ref for s in summaries):
        return Snapshot(None, [], summaries)
    agreement = load_agreement(store, ref)
    history = agreement_history(store, ref, limit=HISTORY_LIMIT)
    return Snapshot(agreement, history, summaries, copied_from(store, ref))


def summaries(store: Store) -> list[AgreementSummary]:
    return list_agreements(store)


def watch(store: Store) -> ChangeWatcher | None:
    return store.watcher()


def outside_change(
    watcher: ChangeWatcher, store: Store, ref: str | None, seen_event_id: int
) -> OutsideChange | None:
    """None unless something was committed since the last look; then the new state."""
    if not watcher.changed():
        return None
    now = snapshot(store, ref)
    events = [e for e in now.history if e.id > seen_event_id] if seen_event_id else []
    return OutsideChange(now, events)


def set_field(
    store: Store,
    ref: str,
    address: FieldAddress,
    value: Any,
    *,
    expected: Any,
    officer: str,
    action: str,
) -> Snapshot:
    field_edits.set_field(
        store, ref, address, value, officer=officer, expected=expected, action=action
    )
    return snapshot(store, ref)


def set_fields(
    store: Store, ref: str, changes: list[Any], *, officer: str, action: str
) -> Snapshot:
    from lpsa_desktop.services import field_batch  # noqa: PLC0415 (a paste: rarely)

    field_batch.set_fields(store, ref, changes, officer=officer, action=action)
    return snapshot(store, ref)


def insert_item(
    store: Store,
    ref: str,
    part: Part,
    item: Any,
    index: int,
    *,
    parent: str,
    officer: str,
    action: str,
) -> Snapshot:
    field_edits.insert_item(
        store, ref, part, item, index, parent=parent, officer=officer, action=action
    )
    return snapshot(store, ref)


def remove_item(
    store: Store,
    ref: str,
    part: Part,
    key: str | int,
    *,
    parent: str,
    expected: Any,
    officer: str,
    action: str,
) -> Snapshot:
    field_edits.remove_item(
        store, ref, part, key, parent=parent, expected=expected, officer=officer, action=action
    )
    return snapshot(store, ref)


def change_officer(store: Store, name: str) -> str:
    """Record ``name`` as the officer for this store; returns the name now in effect."""
    set_officer(store, name)
    return current_officer(store)
