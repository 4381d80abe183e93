"""Negotiation meetings: who came, what was on the agenda, what was decided and who does what next.

A meeting is open while it runs: decisions and action items are captured against the
agenda items being discussed. Closing it records the round of values agreed there; after
that it is read-only (a correction is a note at the next meeting).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.errors import LpsaError


class MeetingClosedError(LpsaError):
    """A change to a meeting that has been closed."""


class NothingToTakeBackError(LpsaError):
    """Taking back the last decision or action of a meeting that has none, or whose last
    one is not the one meant (another window added one since)."""


class ItemKind(StrEnum):
    TARGET = "target"
    INDICATOR = "indicator"
    FREEDOM = "freedom"


@dataclass(frozen=True, order=True)
class ItemRef:
    """A negotiable item: 'target:3', 'indicator:3a', 'freedom:F2'."""

    kind: ItemKind
    ref: str

    def __str__(self) -> str:
        return f"{self.kind.value} {self.ref}"

    @property
    def token(self) -> str:
        return f"{self.kind.value}:{self.ref}"

    @classmethod
    def parse(cls, text: str) -> ItemRef:
        kind, sep, ref = text.strip().partition(":")
        if not sep or not ref.strip():
            raise ValueError(f"{text!r} is not an item (target:3, indicator:3a or freedom:F2)")
        try:
            return cls(ItemKind(kind.strip().lower()), ref.strip())
        except ValueError:
            raise ValueError(f"{kind!r} is not target, indicator or freedom") from None

    def exists_in(self, agreement: Agreement) -> bool:
        if self.kind is ItemKind.TARGET:
            return agreement.target(self.ref) is not None
        if self.kind is ItemKind.INDICATOR:
            return agreement.find_indicator(self.ref) is not None
        return any(f.ref == self.ref for f in agreement.freedoms)


class MeetingStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True)
class Attendee:
    name: str
    organisation: str


@dataclass(frozen=True)
class Decision:
    item: ItemRef | None
    text: str
    recorded_at: datetime
    officer: str
    internal: bool = False


@dataclass(frozen=True)
class ActionItem:
    item: ItemRef | None
    text: str
    owner: str
    due: date | None = None
    done: bool = False
    internal: bool = False


@dataclass(frozen=True)
class Meeting:
    agreement_ref: str
    held_on: date
    place: str
    attendees: tuple[Attendee, ...] = ()
    agenda: tuple[ItemRef, ...] = ()
    decisions: tuple[Decision, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    status: MeetingStatus = MeetingStatus.OPEN
    round_number: int | None = None
    """The round taken when the meeting closed: the values agreed there."""
    id: int | None = None

    @property
    def title(self) -> str:
        return f"Meeting of {self.held_on.day} {self.held_on.strftime('%B %Y')}" + (
            f", {self.place}" if self.place else ""
        )

    @property
    def title_in_sentence(self) -> str:
        """The title inside a sentence: 'meeting of 3 December 2026, Guildhall, Bath' (only
        its first letter lowered: months and places keep their capitals)."""
        return self.title[:1].lower() + self.title[1:]

    @property
    def open_actions(self) -> tuple[ActionItem, ...]:
        return tuple(a for a in self.actions if not a.done)

    def organisations(self) -> dict[str, list[str]]:
        """Attendees grouped by organisation, in order of first appearance."""
        grouped: dict[str, list[str]] = {}
        for attendee in self.attendees:
            grouped.setdefault(attendee.organisation, []).append(attendee.name)
        return grouped


def with_decision(meeting: Meeting, decision: Decision) -> Meeting:
    _require_open(meeting)
    return dataclasses.replace(meeting, decisions=(*meeting.decisions, decision))


def with_action(meeting: Meeting, action: ActionItem) -> Meeting:
    _require_open(meeting)
    return dataclasses.replace(meeting, actions=(*meeting.actions, action))


def without_last_decision(meeting: Meeting) -> tuple[Meeting, Decision]:
    """Take back the decision recorded last (an undo while the meeting runs)."""
    _require_open(meeting)
    if not meeting.decisions:
        raise NothingToTakeBackError(f"the {meeting.title.lower()} has no decisions")
    *kept, last = meeting.decisions
    return dataclasses.replace(meeting, decisions=tuple(kept)), last


def without_last_action(meeting: Meeting) -> tuple[Meeting, ActionItem]:
    """Take back the action item added last (an undo while the meeting runs)."""
    _require_open(meeting)
    if not meeting.actions:
        raise NothingToTakeBackError(f"the {meeting.title.lower()} has no action items")
    *kept, last = meeting.actions
    return dataclasses.replace(meeting, actions=tuple(kept)), last


def with_action_done(meeting: Meeting, index: int, done: bool = True) -> Meeting:
    """Actions can be ticked off after the meeting too: that is follow-up, not the record."""
    actions = list(meeting.actions)
    actions[index] = dataclasses.replace(actions[index], done=done)
    return dataclasses.replace(meeting, actions=tuple(actions))


def closed(meeting: Meeting, round_number: int) -> Meeting:
    _require_open(meeting)
    return dataclasses.replace(meeting, status=MeetingStatus.CLOSED, round_number=round_number)


def _require_open(meeting: Meeting) -> None:
    if meeting.status is MeetingStatus.CLOSED:
        raise MeetingClosedError(
            f"the {meeting.title.lower()} is closed; record this at the next meeting"
        )
