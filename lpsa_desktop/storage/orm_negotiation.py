"""Models of the negotiation record (schema 3): rounds and meetings.

Rounds keep the agreement's ref as text, like the audit trail, so the record of a
negotiation outlives the agreement; their immutability is enforced by the database
itself (triggers created with the table: SQLite RAISE(ABORT), a PL/pgSQL function on
PostgreSQL), not only by the code.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import DDL, ForeignKey, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lpsa_desktop.storage.engines import postgresql, sqlite
from lpsa_desktop.storage.orm import Base


class RoundRow(Base):
    __tablename__ = "rounds"
    __table_args__ = (UniqueConstraint("agreement_ref", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_ref: Mapped[str] = mapped_column(index=True)
    number: Mapped[int]
    name: Mapped[str]
    party: Mapped[str]
    held_on: Mapped[date]
    internal: Mapped[bool]
    taken_at: Mapped[datetime]
    officer: Mapped[str]
    source: Mapped[str] = mapped_column(default="")
    snapshot: Mapped[str] = mapped_column(Text)
    """The agreement as JSON (the `lpsa show --json` shape)."""


ROUND_TRIGGERS = sqlite.ROUND_GUARDS
"""SQLite's guards, as version 3 added them (the migration step runs these)."""

for _dialect, _statements in (
    ("sqlite", sqlite.ROUND_GUARDS),
    ("postgresql", postgresql.ROUND_GUARDS),
):
    for _statement in _statements:
        _guard = DDL(_statement)  # type: ignore[no-untyped-call]  # SQLAlchemy leaves DDL() untyped
        event.listen(RoundRow.__table__, "after_create", _guard.execute_if(dialect=_dialect))


class MeetingRow(Base):
    __tablename__ = "meetings"
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_ref: Mapped[str] = mapped_column(index=True)
    held_on: Mapped[date]
    place: Mapped[str] = mapped_column(default="")
    status: Mapped[str]
    round_number: Mapped[int | None]

    attendees: Mapped[list[AttendeeRow]] = relationship(
        cascade="all, delete-orphan", order_by="AttendeeRow.position"
    )
    agenda: Mapped[list[AgendaRow]] = relationship(
        cascade="all, delete-orphan", order_by="AgendaRow.position"
    )
    decisions: Mapped[list[DecisionRow]] = relationship(
        cascade="all, delete-orphan", order_by="DecisionRow.position"
    )
    actions: Mapped[list[ActionRow]] = relationship(
        cascade="all, delete-orphan", order_by="ActionRow.position"
    )


class _MeetingChild:
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)


class AttendeeRow(_MeetingChild, Base):
    __tablename__ = "meeting_attendees"
    name: Mapped[str]
    organisation: Mapped[str]


class AgendaRow(_MeetingChild, Base):
    __tablename__ = "meeting_agenda"
    item: Mapped[str]
    """'target:3', 'indicator:3a' or 'freedom:F2'."""


class DecisionRow(_MeetingChild, Base):
    __tablename__ = "meeting_decisions"
    item: Mapped[str | None]
    text: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime]
    officer: Mapped[str]
    internal: Mapped[bool]


class ActionRow(_MeetingChild, Base):
    __tablename__ = "meeting_actions"
    item: Mapped[str | None]
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str]
    due: Mapped[date | None]
    done: Mapped[bool]
    internal: Mapped[bool]
