"""Meetings with their attendees, agenda, decisions and actions, as one aggregate."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from lpsa_desktop.domain.meetings import (
    ActionItem,
    Attendee,
    Decision,
    ItemRef,
    Meeting,
    MeetingStatus,
)
from lpsa_desktop.errors import NotFoundError
from lpsa_desktop.storage.orm_negotiation import (
    ActionRow,
    AgendaRow,
    AttendeeRow,
    DecisionRow,
    MeetingRow,
)

_WHOLE = (
    selectinload(MeetingRow.attendees),
    selectinload(MeetingRow.agenda),
    selectinload(MeetingRow.decisions),
    selectinload(MeetingRow.actions),
)


class MeetingRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def save(self, meeting: Meeting) -> int:
        """Insert (no id yet) or replace the whole meeting; returns its id."""
        if meeting.id is None:
            row = MeetingRow()
            self._session.add(row)
        else:
            row = self._row(meeting.id)
        row.agreement_ref = meeting.agreement_ref
        row.held_on = meeting.held_on
        row.place = meeting.place
        row.status = meeting.status.value
        row.round_number = meeting.round_number
        row.attendees = [
            AttendeeRow(position=i, name=a.name, organisation=a.organisation)
            for i, a in enumerate(meeting.attendees)
        ]
        row.agenda = [
            AgendaRow(position=i, item=item.token) for i, item in enumerate(meeting.agenda)
        ]
        row.decisions = [
            DecisionRow(
                position=i,
                item=_token(d.item),
                text=d.text,
                recorded_at=d.recorded_at,
                officer=d.officer,
                internal=d.internal,
            )
            for i, d in enumerate(meeting.decisions)
        ]
        row.actions = [
            ActionRow(
                position=i,
                item=_token(a.item),
                text=a.text,
                owner=a.owner,
                due=a.due,
                done=a.done,
                internal=a.internal,
            )
            for i, a in enumerate(meeting.actions)
        ]
        self._session.flush()
        return row.id

    def get(self, meeting_id: int) -> Meeting:
        return _to_meeting(self._row(meeting_id))

    def list(self, agreement_ref: str) -> list[Meeting]:
        rows = self._session.scalars(
            select(MeetingRow)
            .where(MeetingRow.agreement_ref == agreement_ref)
            .options(*_WHOLE)
            .order_by(MeetingRow.held_on, MeetingRow.id)
        )
        return [_to_meeting(r) for r in rows]

    def _row(self, meeting_id: int) -> MeetingRow:
        row = self._session.scalars(
            select(MeetingRow).where(MeetingRow.id == meeting_id).options(*_WHOLE)
        ).first()
        if row is None:
            raise NotFoundError(f"no meeting {meeting_id} (see `lpsa meetings AGREEMENT`)")
        return row


def _token(item: ItemRef | None) -> str | None:
    return None if item is None else item.token


def _item(token: str | None) -> ItemRef | None:
    return None if token is None else ItemRef.parse(token)


def _to_meeting(row: MeetingRow) -> Meeting:
    return Meeting(
        id=row.id,
        agreement_ref=row.agreement_ref,
        held_on=row.held_on,
        place=row.place,
        status=MeetingStatus(row.status),
        round_number=row.round_number,
        attendees=tuple(Attendee(a.name, a.organisation) for a in row.attendees),
        agenda=tuple(ItemRef.parse(a.item) for a in row.agenda),
        decisions=tuple(
            Decision(_item(d.item), d.text, d.recorded_at, d.officer, d.internal)
            for d in row.decisions
        ),
        actions=tuple(
            ActionItem(_item(a.item), a.text, a.owner, a.due, a.done, a.internal)
            for a in row.actions
        ),
    )
