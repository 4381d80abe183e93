"""The negotiation record of the agreement on screen: rounds, status marks and meetings.

Reached through ``AgreementSession.run`` like every other store work, so it runs on the
single worker, in order with the edits. The record is read again whenever the agreement's
audit trail has been read (after every edit, undo or outside change): status marks come
from the audit trail, and every meeting or round step writes to it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.errors import LpsaError
from ui.session import AgreementSession
from ui.tasks import TaskControl

if TYPE_CHECKING:
    from lpsa_desktop.domain.comparison import Comparison
    from lpsa_desktop.domain.meetings import Attendee, ItemRef
    from lpsa_desktop.domain.rounds import Party
    from lpsa_desktop.storage.store import Store
    from ui.negotiation_work import NegotiationRecord

T = TypeVar("T")


def _work() -> Any:
    from ui import negotiation_work  # noqa: PLC0415 (SQLAlchemy: loaded on the worker)

    return negotiation_work


class NegotiationSession(QObject):
    record_changed = Signal(object)  # NegotiationRecord | None
    refused = Signal(str)  # what the store refused, in plain words (nothing was changed)
    done = Signal(str)  # what was done, for the status bar

    def __init__(self, session: AgreementSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.record: NegotiationRecord | None = None
        self._ref: str | None = None
        self._load_queued = False
        session.agreement_changed.connect(self._on_agreement_changed)
        session.history_loaded.connect(lambda _events: self.reload())

    @property
    def agreement_ref(self) -> str | None:
        return self._ref

    def reload(self) -> None:
        """Read the record of the agreement on screen again (one read queued at a time)."""
        ref = self._ref
        if ref is None or self._load_queued:
            return

        def work(store: Store, _control: TaskControl) -> NegotiationRecord:
            self._load_queued = False  # from now on a new change needs a new read
            record: NegotiationRecord = _work().load_record(store, ref)
            return record

        self._load_queued = True
        self._run(work, writes=False, on_done=self._adopt)

    # -- rounds ------------------------------------------------------------------------------

    def take_round(self, *, name: str, party: Party, held_on: date, internal: bool) -> None:
        ref, officer = self._ref, self._session.officer
        if ref is None:
            return
        self._run(
            lambda store, _c: _work().take_round(
                store,
                ref,
                name=name,
                party=party,
                held_on=held_on,
                internal=internal,
                officer=officer,
            ),
            on_done=lambda r: self.done.emit(
                f"Took round {r.number}: {r.name} (rounds are read-only: it cannot be undone)"
            ),
        )

    def compare(
        self,
        before: int | str,
        after: int | str,
        *,
        shared_only: bool,
        then: Callable[[Comparison], None],
    ) -> None:
        """Compare two sides (round numbers or 'current'); ``then`` receives the comparison."""
        ref = self._ref
        if ref is None:
            return
        self._run(
            lambda store, _c: _work().compare(store, ref, before, after, shared_only=shared_only),
            writes=False,
            on_done=then,
        )

    # -- meetings ------------------------------------------------------------------------------

    def open_meeting(
        self,
        *,
        held_on: date,
        place: str,
        attendees: tuple[Attendee, ...],
        agenda: tuple[ItemRef, ...],
        then: Callable[[Any], None] | None = None,
    ) -> None:
        ref, officer = self._ref, self._session.officer
        if ref is None:
            return

        def opened(meeting: Any) -> None:
            self.done.emit(f"Opened the {meeting.title_in_sentence}")
            if then is not None:
                then(meeting)

        self._run(
            lambda store, _c: _work().open_meeting(
                store,
                ref,
                held_on=held_on,
                place=place,
                attendees=attendees,
                agenda=agenda,
                officer=officer,
            ),
            on_done=opened,
        )

    def meeting_step(self, step: str, meeting_id: int, **options: Any) -> None:
        """One step of a meeting by its service's name in ``lpsa_desktop.services.meetings``
        (record_decision, remove_last_decision, add_action, remove_last_action,
        mark_action_done), with the officer recorded in the audit trail."""
        officer = self._session.officer

        def work(store: Store, _control: TaskControl) -> object:
            service = getattr(_work().meetings, step)
            return service(store, meeting_id, officer=officer, **options)

        self._run(work, on_done=lambda _meeting: None)

    def close_meeting(self, meeting_id: int) -> None:
        officer = self._session.officer
        self._run(
            lambda store, _c: _work().meetings.close_meeting(store, meeting_id, officer=officer),
            on_done=lambda meeting: self.done.emit(
                f"Closed the {meeting.title_in_sentence}; the values agreed are round "
                f"{meeting.round_number}"
            ),
        )

    def export_minutes(self, meeting_id: int, destination: Path) -> None:
        self._run(
            lambda store, _c: _work().export_minutes(store, meeting_id, destination),
            writes=False,
            on_done=lambda minutes: self.done.emit(
                f"Wrote the minutes to {destination}"
                + (" (a draft: the meeting is still open)" if minutes.draft else "")
            ),
        )

    # -- internals -------------------------------------------------------------------------------

    def _run(
        self,
        work: Callable[[Store, TaskControl], T],
        *,
        on_done: Callable[[T], None],
        writes: bool = True,
    ) -> None:
        # Work that writes is followed by a reload of the agreement, whose audit trail then
        # brings a new read of the record (see the module's docstring).
        self._session.run(work, writes=writes, on_done=on_done, on_failure=self._failed)

    def _failed(self, error: BaseException) -> None:
        # Anything but a refusal is a fault, which the session has reported already.
        if isinstance(error, LpsaError):
            self.refused.emit(str(error))

    def _adopt(self, record: NegotiationRecord) -> None:
        if record.agreement_ref == self._ref:
            self.record = record
            self.record_changed.emit(record)

    def _on_agreement_changed(self, agreement: Agreement | None) -> None:
        ref = agreement.ref if agreement else None
        if ref == self._ref:
            return
        self._ref, self.record = ref, None
        self.record_changed.emit(None)
        self.reload()
