"""The open store and the agreement on screen: the one place the window reaches the store.

Every store call runs on the single background worker (``TaskRunner``); the GUI thread only
ever waits for nothing. An edit is applied to the agreement on screen at once (so the reward
panel moves while the officer types) and written in its own transaction straight after; a
crash loses at most the write in flight. When the worker is idle again the window adopts
what the store holds. Every write states what the officer saw (the conflict rule,
``lpsa_desktop.services.edit_conflicts``); one the store does not take (a conflict, a store
fault) is held as a ``PendingEdit`` until the officer decides, and the window keeps showing
it. Another writer's commit is noticed within about a second by a ``ChangeWatcher`` asked
on the worker, never on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.errors import LpsaError, StoreError
from lpsa_desktop.services import agreement_edits
from lpsa_desktop.services.agreement_edits import ITEM, FieldAddress, Part
from lpsa_desktop.services.edit_conflicts import ValueConflictError
from lpsa_desktop.services.field_changes import FieldChange, with_fields
from ui.frame_gate import FrameGate, wait_for
from ui.pending_edits import PendingEdit
from ui.tasks import TaskCancelledError, TaskControl, TaskHandle, TaskRunner

if TYPE_CHECKING:
    from lpsa_desktop.storage.change_watch import ChangeWatcher
    from lpsa_desktop.storage.store import Store
    from ui.store_work import OpenedStore, OutsideChange, Snapshot

log = logging.getLogger(__name__)
T = TypeVar("T")
# Another writer's commit is seen within this (plus one read of the agreement): the issue
# asks for about 2 s. Asking costs microseconds on the worker, and only when it is idle.
OUTSIDE_CHANGE_POLL_MS = 1000
_POSITIONAL = (Part.PARTNER, Part.SIGNATORY)


def _store_work() -> Any:
    # Imported on the worker, on first use: it pulls in SQLAlchemy, which would otherwise
    # delay the first paint of the window by about a third of a second.
    from ui import store_work  # noqa: PLC0415 (deliberately late, see above)

    return store_work


class AgreementSession(QObject):
    store_opened = Signal(str)  # where the store is
    store_failed = Signal(str)
    agreements_listed = Signal(list)  # list[AgreementSummary]
    agreement_changed = Signal(object)  # Agreement | None: after every change, shown or stored
    history_loaded = Signal(list)  # list[AuditEvent], newest first
    origin_loaded = Signal(str, str)  # agreement ref, the ref it was copied from ('' if none)
    edit_failed = Signal(str, str)  # agreement ref, what went wrong (the store is unchanged)
    edit_conflicted = Signal(object, object)  # PendingEdit, Conflict: held until resolved
    edit_unsaved = Signal(object, str)  # PendingEdit, the store fault: held until resolved
    edit_refused = Signal(object, str)  # PendingEdit, why: not written, the store is shown
    outside_changed = Signal(list)  # list[AuditEvent], newest first: another writer's commit
    saving_changed = Signal(bool)  # True while edits are on their way to the store

    def __init__(
        self,
        runner: TaskRunner,
        fault_handler: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self._fault_handler = fault_handler
        self.store: Store | None = None
        self.officer = ""
        self._agreement: Agreement | None = None
        self._selected_ref: str | None = None
        self._writes_in_flight = 0
        self._loads_queued: set[str | None] = set()  # touched on both threads: set ops are atomic
        self._held = 0  # edits waiting for the officer's answer: the screen keeps them
        self._watcher: ChangeWatcher | None = None
        self._seen_event_id = 0  # the newest audit event the window has adopted
        self._frame_gate = FrameGate(self)  # a write starts once its edit is painted
        self._poll = QTimer(self)
        self._poll.setInterval(OUTSIDE_CHANGE_POLL_MS)
        self._poll.timeout.connect(self.check_for_outside_changes)

    @property
    def agreement(self) -> Agreement | None:
        return self._agreement

    @property
    def saving(self) -> bool:
        return self._writes_in_flight > 0

    # -- opening and choosing ----------------------------------------------------------------

    def open(
        self,
        location: str | None,
        *,
        add_demo: bool,
        remembered: Callable[[str], str | None] = lambda _store: None,
    ) -> None:
        """Open the store; show the new demo, else ``remembered(store)``, else the first."""

        def work(_control: TaskControl) -> tuple[OpenedStore, ChangeWatcher | None]:
            opened: OpenedStore = _store_work().open_store(location, add_demo=add_demo)
            return opened, _store_work().watch(opened.store)

        def done(result: tuple[OpenedStore, ChangeWatcher | None]) -> None:
            opened, watcher = result
            self._close_store()
            self.store, self.officer, self._watcher = opened.store, opened.officer, watcher
            self._seen_event_id = 0
            self.store_opened.emit(str(opened.store))
            self.agreements_listed.emit(opened.summaries)
            refs = [s.ref for s in opened.summaries]
            preferred = (opened.demo_ref, remembered(str(opened.store)))
            chosen = next((r for r in preferred if r in refs), None)
            self.select(chosen or (refs[0] if refs else None))
            self._poll.start()

        self.runner.submit(work, on_done=done, on_failure=self._open_failed)

    def select(self, ref: str | None) -> None:
        """Show agreement ``ref`` (None: none) once it is loaded."""
        self._selected_ref = ref
        self._load(ref)

    def reload(self) -> None:
        self._load(self._selected_ref)

    def check_for_outside_changes(self) -> None:
        """Ask the watcher (on the worker) whether another writer has committed; if so,
        show what the store holds and announce what changed (``outside_changed``)."""
        store, watcher = self.store, self._watcher
        if store is None or watcher is None or not self.runner.idle:
            return
        ref, seen = self._selected_ref, self._seen_event_id

        def work(_control: TaskControl) -> OutsideChange | None:
            change: OutsideChange | None = _store_work().outside_change(watcher, store, ref, seen)
            return change

        def done(change: OutsideChange | None) -> None:
            if change is None:
                return
            shown = self._agreement
            self._adopt_if_current(change.snapshot)
            if change.events and self._agreement is not shown:
                self.outside_changed.emit(change.events)

        self.runner.submit(work, on_done=done)

    # -- edits (called by undo commands) ---------------------------------------------------------

    def set_field(
        self,
        agreement_ref: str,
        address: FieldAddress,
        value: Any,
        *,
        expected: Any,
        action: str,
        undoing: bool = False,
    ) -> None:
        self._apply_now(agreement_ref, lambda a: agreement_edits.with_field(a, address, value))
        officer = self.officer

        def send(stated: Any) -> Callable[[Store], Snapshot]:
            return lambda store: _store_work().set_field(
                store,
                agreement_ref,
                address,
                value,
                expected=stated,
                officer=officer,
                action=action,
            )

        self._write(PendingEdit(agreement_ref, address, value, expected, action, undoing, send))

    def set_fields(self, agreement_ref: str, changes: list[FieldChange], *, action: str) -> None:
        """Several fields at once (a paste): on screen now, stored in one transaction.
        ``changes`` are ``FieldChange``s, each with the value the cell showed."""
        self._apply_now(agreement_ref, lambda a: with_fields(a, changes))
        officer = self.officer

        def send(_expected: Any) -> Callable[[Store], Snapshot]:
            # Each change states what its cell showed; a mismatch refuses the whole paste.
            return lambda store: _store_work().set_fields(
                store, agreement_ref, changes, officer=officer, action=action
            )

        first = changes[0].address if changes else FieldAddress(Part.AGREEMENT, None, ITEM)
        self._write(PendingEdit(agreement_ref, first, changes, None, action, False, send))

    def insert_item(
        self,
        agreement_ref: str,
        part: Part,
        item: Any,
        index: int,
        *,
        parent: str,
        action: str,
        undoing: bool = False,
    ) -> None:
        self._apply_now(
            agreement_ref, lambda a: agreement_edits.inserted(a, part, item, index, parent=parent)
        )
        officer = self.officer

        def send(_stated: Any) -> Callable[[Store], Snapshot]:
            # An item with a ref expects the ref to be free (the service states it).
            return lambda store: _store_work().insert_item(
                store,
                agreement_ref,
                part,
                item,
                index,
                parent=parent,
                officer=officer,
                action=action,
            )

        address = FieldAddress(part, index if part in _POSITIONAL else item.ref, ITEM)
        self._write(PendingEdit(agreement_ref, address, item, None, action, undoing, send))

    def remove_item(
        self,
        agreement_ref: str,
        part: Part,
        key: str | int,
        *,
        parent: str,
        expected: Any,
        action: str,
        undoing: bool = False,
    ) -> None:
        self._apply_now(
            agreement_ref, lambda a: agreement_edits.removed(a, part, key, parent=parent)
        )
        officer = self.officer

        def send(stated: Any) -> Callable[[Store], Snapshot]:
            return lambda store: _store_work().remove_item(
                store,
                agreement_ref,
                part,
                key,
                parent=parent,
                expected=stated,
                officer=officer,
                action=action,
            )

        address = FieldAddress(part, key, ITEM)
        self._write(PendingEdit(agreement_ref, address, None, expected, action, undoing, send))

    def resend(self, pending: PendingEdit) -> None:
        """Write a held edit again (Retry, or Keep mine with the stored value expected)."""
        self._release()
        self._write(pending)

    def discard(self, _pending: PendingEdit) -> None:
        """Give up a held edit (Take theirs, or Undo it): show what the store holds."""
        self._release()
        self.reload()

    def run(
        self,
        work: Callable[[Store, TaskControl], T],
        *,
        writes: bool,
        on_done: Callable[[T], None],
        on_failure: Callable[[BaseException], None],
        on_progress: Callable[[float | None, str], None] | None = None,
    ) -> TaskHandle[T] | None:
        """Run other store work (an import, an export) on the worker, after the edits before
        it. Work that ``writes`` is followed by a reload, so the window shows its result."""
        store = self.store
        if store is None:
            on_failure(LpsaError("no store is open"))
            return None

        def done(result: T) -> None:
            on_done(result)
            if writes:
                self.reload()

        def failed(error: BaseException) -> None:
            if not isinstance(error, LpsaError | TaskCancelledError):
                self._fault_handler(error)
            on_failure(error)
            if writes:
                self.reload()  # whatever happened, show what the store holds

        return self.runner.submit(
            lambda control: work(store, control),
            on_done=done,
            on_failure=failed,
            on_progress=on_progress,
        )

    def close(self) -> None:
        """Wait for the edits on their way, then close the store."""
        self._poll.stop()
        self._frame_gate.open()
        self.runner.shutdown()
        self._close_store()

    def _close_store(self) -> None:
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None
        if self.store is not None:
            self.store.close()
            self.store = None

    # -- internals ---------------------------------------------------------------------------

    def _load(self, ref: str | None) -> None:
        store = self.store
        if store is None or ref in self._loads_queued:
            return  # one load of it is queued already and will bring the latest state

        def work(_control: TaskControl) -> Snapshot:
            self._loads_queued.discard(ref)  # from now on a new change needs a new load
            snapshot: Snapshot = _store_work().snapshot(store, ref)
            return snapshot

        self._loads_queued.add(ref)
        self.runner.submit(work, on_done=self._adopt_if_current)

    def _apply_now(self, agreement_ref: str, change: Callable[[Agreement], Agreement]) -> None:
        current = self._agreement
        if current is None or current.ref != agreement_ref:
            return  # an undo for an agreement not on screen: only the store changes
        try:
            self._agreement = change(current)
        except LpsaError as problem:
            self.edit_failed.emit(agreement_ref, str(problem))
            return
        self.agreement_changed.emit(self._agreement)

    def _write(self, pending: PendingEdit) -> None:
        store = self.store
        if store is None:
            self.edit_failed.emit(pending.agreement_ref, "no store is open")
            return
        self._writes_in_flight += 1
        if self._writes_in_flight == 1:
            self.saving_changed.emit(True)
        write = pending.send(pending.expected)
        ticket = self._frame_gate.ticket()

        def work(_control: TaskControl) -> Snapshot:
            wait_for(ticket)
            return write(store)

        def done(snapshot: Snapshot) -> None:
            self._write_settled()
            # Our own write: its audit events are not news for the status bar.
            self._seen_event_id = max(self._seen_event_id, snapshot.last_event_id)
            self._adopt_if_current(snapshot)

        def failed(error: BaseException) -> None:
            self._write_settled()
            if isinstance(error, ValueConflictError):
                self._hold()
                self.edit_conflicted.emit(pending, error.conflict)
            elif isinstance(error, StoreError) or not isinstance(error, LpsaError):
                # A store fault: nothing was written, but the edit is still wanted.
                if not isinstance(error, LpsaError):
                    log.error("edit not saved", exc_info=(type(error), error, error.__traceback__))
                self._hold()
                self.edit_unsaved.emit(pending, str(error) or type(error).__name__)
            else:  # refused (e.g. the item is gone): show what the store holds
                self.edit_refused.emit(pending, str(error))
                self.reload()

        self.runner.submit(work, on_done=done, on_failure=failed)

    def _hold(self) -> None:
        self._held += 1

    def _release(self) -> None:
        self._held = max(0, self._held - 1)

    def _write_settled(self) -> None:
        self._writes_in_flight -= 1
        if self._writes_in_flight == 0:
            self.saving_changed.emit(False)

    def _adopt_if_current(self, snapshot: Snapshot) -> None:
        self.agreements_listed.emit(snapshot.summaries)
        stored = snapshot.agreement
        if self._writes_in_flight or self._held:
            return  # later edits are on their way, or held for the officer's answer
        if stored is not None and stored.ref != self._selected_ref:
            return  # the officer has chosen another agreement meanwhile
        self._seen_event_id = max(self._seen_event_id, snapshot.last_event_id)
        if stored is None and snapshot.summaries:
            self.select(snapshot.summaries[0].ref)  # it was removed (an import reverted)
            return
        if stored != self._agreement or stored is None:  # None: an empty store says so
            self._agreement = stored
            self.agreement_changed.emit(stored)
        self.history_loaded.emit(snapshot.history)
        if stored is not None:
            self.origin_loaded.emit(stored.ref, snapshot.copied_from or "")

    def _open_failed(self, error: BaseException) -> None:
        if not isinstance(error, LpsaError):
            self._fault_handler(error)
        self.store_failed.emit(str(error))
