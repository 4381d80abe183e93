"""Meetings: open one, capture decisions and actions while it runs, close it with a round
of the values agreed. Every step is one transaction and an audit event."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from lpsa_desktop.domain.diff import Change
from lpsa_desktop.domain.meetings import (
    ActionItem,
    Attendee,
    Decision,
    ItemRef,
    Meeting,
    NothingToTakeBackError,
    closed,
    with_action,
    with_action_done,
    with_decision,
    without_last_action,
    without_last_decision,
)
from lpsa_desktop.domain.rounds import Party, round_name_for_meeting
from lpsa_desktop.errors import LpsaError, NotFoundError
from lpsa_desktop.services.rounds import take_round_in
from lpsa_desktop.storage.store import Store
from lpsa_desktop.storage.unit_of_work import UnitOfWork


class UnknownItemError(LpsaError):
    """An agenda item, decision or action about an item the agreement does not have."""


def open_meeting(
    store: Store,
    agreement_ref: str,
    *,
    held_on: date,
    place: str,
    attendees: Sequence[Attendee],
    agenda: Sequence[ItemRef],
    officer: str,
) -> Meeting:
    with store.unit_of_work(write=True) as uow:
        agreement = uow.agreements.get(agreement_ref)
        for item in agenda:
            if not item.exists_in(agreement):
                raise UnknownItemError(f"{agreement_ref} has no {item} to put on the agenda")
        meeting = Meeting(agreement_ref, held_on, place.strip(), tuple(attendees), tuple(agenda))
        meeting_id = uow.meetings.save(meeting)
        opened = uow.meetings.get(meeting_id)
        _audit(uow, opened, officer, "open meeting", opened.title)
        return opened


def record_decision(
    store: Store,
    meeting_id: int,
    item: ItemRef | None,
    text: str,
    *,
    officer: str,
    internal: bool = False,
) -> Meeting:
    def change(uow: UnitOfWork, meeting: Meeting) -> Meeting:
        _check_item(uow, meeting, item)
        return with_decision(
            meeting, Decision(item, text.strip(), datetime.now(), officer, internal)
        )

    return _update(store, meeting_id, change, officer, action="record decision", detail=text)


def add_action(
    store: Store,
    meeting_id: int,
    item: ItemRef | None,
    text: str,
    *,
    owner: str,
    due: date | None,
    officer: str,
    internal: bool = False,
) -> Meeting:
    def change(uow: UnitOfWork, meeting: Meeting) -> Meeting:
        _check_item(uow, meeting, item)
        return with_action(
            meeting, ActionItem(item, text.strip(), owner.strip(), due, False, internal)
        )

    return _update(
        store, meeting_id, change, officer, action="add action", detail=f"{text} ({owner})"
    )


def remove_last_decision(
    store: Store, meeting_id: int, *, text: str, item: ItemRef | None, officer: str
) -> Meeting:
    """Take back the decision recorded last, while the meeting is open: the window's undo.

    ``text`` and ``item`` say which decision is meant; if another window has recorded one
    since, nothing is removed (NothingToTakeBackError). Audited like any other step.
    """

    def change(_uow: UnitOfWork, meeting: Meeting) -> Meeting:
        kept, last = without_last_decision(meeting)
        _require_last(meeting, (last.text, last.item), (text.strip(), item), "decision")
        return kept

    return _update(store, meeting_id, change, officer, action="undo record decision", detail=text)


def remove_last_action(
    store: Store, meeting_id: int, *, text: str, owner: str, item: ItemRef | None, officer: str
) -> Meeting:
    """Take back the action item added last, while the meeting is open (as above)."""

    def change(_uow: UnitOfWork, meeting: Meeting) -> Meeting:
        kept, last = without_last_action(meeting)
        expected = (text.strip(), owner.strip(), item)
        _require_last(meeting, (last.text, last.owner, last.item), expected, "action item")
        return kept

    return _update(
        store, meeting_id, change, officer, action="undo add action", detail=f"{text} ({owner})"
    )


def mark_action_done(
    store: Store, meeting_id: int, index: int, *, officer: str, done: bool = True
) -> Meeting:
    def change(_uow: UnitOfWork, meeting: Meeting) -> Meeting:
        if not 0 <= index < len(meeting.actions):
            raise NotFoundError(f"meeting {meeting_id} has no action {index + 1}")
        return with_action_done(meeting, index, done)

    return _update(
        store,
        meeting_id,
        change,
        officer,
        action="action done" if done else "action reopened",
        detail=str(index + 1),
    )


def close_meeting(store: Store, meeting_id: int, *, officer: str) -> Meeting:
    """Close the meeting and record, as a joint round, the values as agreed at it."""
    with store.unit_of_work(write=True) as uow:
        meeting = uow.meetings.get(meeting_id)
        agreed = take_round_in(
            uow,
            meeting.agreement_ref,
            name=round_name_for_meeting(meeting.held_on),
            party=Party.JOINT,
            officer=officer,
            held_on=meeting.held_on,
            source=f"meeting {meeting_id}",
        )
        done = closed(meeting, agreed.number)
        uow.meetings.save(done)
        _audit(uow, done, officer, "close meeting", f"round {agreed.number}")
        return done


def get_meeting(store: Store, meeting_id: int) -> Meeting:
    with store.unit_of_work() as uow:
        return uow.meetings.get(meeting_id)


def list_meetings(store: Store, agreement_ref: str) -> list[Meeting]:
    with store.unit_of_work() as uow:
        return uow.meetings.list(agreement_ref)


MeetingChange = Callable[[UnitOfWork, Meeting], Meeting]


def _update(
    store: Store, meeting_id: int, change: MeetingChange, officer: str, *, action: str, detail: str
) -> Meeting:
    with store.unit_of_work(write=True) as uow:
        meeting = change(uow, uow.meetings.get(meeting_id))
        uow.meetings.save(meeting)
        _audit(uow, meeting, officer, action, detail)
        return meeting


def _require_last(meeting: Meeting, last: object, expected: object, what: str) -> None:
    if last != expected:
        raise NothingToTakeBackError(
            f"the last {what} of the {meeting.title.lower()} is not the one to take back "
            "(another window has added one since); nothing was removed"
        )


def _check_item(uow: UnitOfWork, meeting: Meeting, item: ItemRef | None) -> None:
    if item is not None and not item.exists_in(uow.agreements.get(meeting.agreement_ref)):
        raise UnknownItemError(f"{meeting.agreement_ref} has no {item}")


def _audit(uow: UnitOfWork, meeting: Meeting, officer: str, action: str, detail: str) -> None:
    entity = f"meeting {meeting.id}"
    uow.audit.record(
        meeting.agreement_ref, officer, action, [Change("added", entity, None, None, detail)]
    )
