"""The open store and the agreement on screen: the one place the window reaches the store.

Every store call runs on the single background worker (``TaskRunner``); the GUI thread only
ever waits for nothing. An edit is applied to the agreement on screen at once (so the reward
panel moves while the officer types) and written in its own transaction straight after; a
crash loses at most the write in flight. When the worker is idle again the window adopts
what the store holds, which also brings in edits made in another window on the same store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.errors import LpsaError
from lpsa_desktop.services import agreement_edits
from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from lpsa_desktop.services.field_changes import FieldChange, with_fields
from ui.tasks import TaskCancelledError, TaskControl, TaskHandle, TaskRunner

if TYPE_CHECKING:
    from lpsa_desktop.storage.store import Store
    from ui.store_work import OpenedStore, Snapshot

log = logging.getLogger(__name__)
T = TypeVar("T")
OUTSIDE_CHANGE_POLL_MS = 3000


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
    edit_failed = Signal(str, str)  # agreement ref, what went wrong (the store is unchanged)
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
        self._stamp: datetime | None = None
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

        def work(_control: TaskControl) -> OpenedStore:
            opened: OpenedStore = _store_work().open_store(location, add_demo=add_demo)
            return opened

        def done(opened: OpenedStore) -> None:
            if self.store is not None:
                self.store.close()
            self.store, self.officer = opened.store, opened.officer
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
        """Poll the store (cheaply) for writes by another window or ``lpsa``."""
        store = self.store
        if store is None or not self.runner.idle:
            return

        def done(summaries: list[Any]) -> None:
            self.agreements_listed.emit(summaries)
            ref = self._selected_ref
            if ref is not None and _store_work().stamp_of(summaries, ref) != self._stamp:
                self.reload()

        self.runner.submit(lambda _c: _store_work().summaries(store), on_done=done)

    # -- edits (called by undo commands) ---------------------------------------------------------

    def set_field(
        self, agreement_ref: str, address: FieldAddress, value: Any, *, expected: Any, action: str
    ) -> None:
        self._apply_now(agreement_ref, lambda a: agreement_edits.with_field(a, address, value))
        officer = self.officer
        self._write(
            agreement_ref,
            lambda store: _store_work().set_field(
                store,
                agreement_ref,
                address,
                value,
                expected=expected,
                officer=officer,
                action=action,
            ),
        )

    def set_fields(self, agreement_ref: str, changes: list[FieldChange], *, action: str) -> None:
        """Several fields at once (a paste): on screen now, stored in one transaction.
        ``changes`` are ``FieldChange``s, each with the value the cell showed."""
        self._apply_now(agreement_ref, lambda a: with_fields(a, changes))
        officer = self.officer
        self._write(
            agreement_ref,
            lambda store: _store_work().set_fields(
                store, agreement_ref, changes, officer=officer, action=action
            ),
        )

    def insert_item(
        self, agreement_ref: str, part: Part, item: Any, index: int, *, parent: str, action: str
    ) -> None:
        self._apply_now(
            agreement_ref, lambda a: agreement_edits.inserted(a, part, item, index, parent=parent)
        )
        officer = self.officer
        self._write(
            agreement_ref,
            lambda store: _store_work().insert_item(
                store,
                agreement_ref,
                part,
                item,
                index,
                parent=parent,
                officer=officer,
                action=action,
            ),
        )

    def remove_item(
        self,
        agreement_ref: str,
        part: Part,
        key: str | int,
        *,
        parent: str,
        expected: Any,
        action: str,
    ) -> None:
        self._apply_now(
            agreement_ref, lambda a: agreement_edits.removed(a, part, key, parent=parent)
        )
        officer = self.officer
        self._write(
            agreement_ref,
            lambda store: _store_work().remove_item(
                store,
                agreement_ref,
                part,
                key,
                parent=parent,
                expected=expected,
                officer=officer,
                action=action,
            ),
        )

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
        self.runner.shutdown()
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

    def _write(self, agreement_ref: str, write: Callable[[Store], Snapshot]) -> None:
        store = self.store
        if store is None:
            self.edit_failed.emit(agreement_ref, "no store is open")
            return
        self._writes_in_flight += 1
        if self._writes_in_flight == 1:
            self.saving_changed.emit(True)

        def done(snapshot: Snapshot) -> None:
            self._write_settled()
            self._adopt_if_current(snapshot)

        def failed(error: BaseException) -> None:
            self._write_settled()
            if not isinstance(error, LpsaError):
                self._fault_handler(error)
            self.edit_failed.emit(agreement_ref, str(error) or type(error).__name__)
            self.reload()  # show what the store holds: the failed write changed nothing

        self.runner.submit(lambda _c: write(store), on_done=done, on_failure=failed)

    def _write_settled(self) -> None:
        self._writes_in_flight -= 1
        if self._writes_in_flight == 0:
            self.saving_changed.emit(False)

    def _adopt_if_current(self, snapshot: Snapshot) -> None:
        self.agreements_listed.emit(snapshot.summaries)
        stored = snapshot.agreement
        if self._writes_in_flight:
            return  # later edits are on their way; the store is about to catch up
        if stored is not None and stored.ref != self._selected_ref:
            return  # the officer has chosen another agreement meanwhile
        self._stamp = snapshot.stamp()
        if stored is None and snapshot.summaries:
            self.select(snapshot.summaries[0].ref)  # it was removed (an import reverted)
            return
        if stored != self._agreement:
            self._agreement = stored
            self.agreement_changed.emit(stored)
        self.history_loaded.emit(snapshot.history)

    def _open_failed(self, error: BaseException) -> None:
        if not isinstance(error, LpsaError):
            self._fault_handler(error)
        self.store_failed.emit(str(error))
