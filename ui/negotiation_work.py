"""The negotiation record's store work (rounds, comparisons, status marks, meetings), as plain
functions run on the background worker.

Thin on purpose: every rule lives in ``lpsa_desktop.services`` (as the ``lpsa rounds``,
``lpsa status`` and ``lpsa meeting`` commands use them). Like ``ui.store_work`` this module
is imported on the worker, on first use, so that SQLAlchemy does not delay the first paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lpsa_desktop.domain.comparison import Comparison
from lpsa_desktop.domain.meetings import Attendee, ItemRef, Meeting
from lpsa_desktop.domain.minutes import Minutes
from lpsa_desktop.domain.rounds import Party, Round
from lpsa_desktop.services import meetings, minutes, rounds
from lpsa_desktop.services.negotiation_status import StatusMark, status_marks
from lpsa_desktop.storage.store import Store


@dataclass(frozen=True)
class NegotiationRecord:
    """Everything the window shows of one agreement's negotiation, read in one go."""

    agreement_ref: str
    rounds: tuple[Round, ...]
    meetings: tuple[Meeting, ...]
    marks: dict[ItemRef, StatusMark]


def load_record(store: Store, agreement_ref: str) -> NegotiationRecord:
    return NegotiationRecord(
        agreement_ref,
        tuple(rounds.list_rounds(store, agreement_ref)),
        tuple(meetings.list_meetings(store, agreement_ref)),
        status_marks(store, agreement_ref),
    )


def take_round(
    store: Store,
    agreement_ref: str,
    *,
    name: str,
    party: Party,
    held_on: date,
    internal: bool,
    officer: str,
) -> Round:
    return rounds.take_round(
        store,
        agreement_ref,
        name=name,
        party=party,
        officer=officer,
        held_on=held_on,
        internal=internal,
    )


def compare(
    store: Store, agreement_ref: str, before: int | str, after: int | str, *, shared_only: bool
) -> Comparison:
    return rounds.compare_rounds(store, agreement_ref, before, after, shared_only=shared_only)


def open_meeting(
    store: Store,
    agreement_ref: str,
    *,
    held_on: date,
    place: str,
    attendees: tuple[Attendee, ...],
    agenda: tuple[ItemRef, ...],
    officer: str,
) -> Meeting:
    return meetings.open_meeting(
        store,
        agreement_ref,
        held_on=held_on,
        place=place,
        attendees=attendees,
        agenda=agenda,
        officer=officer,
    )


def export_minutes(store: Store, meeting_id: int, destination: Path) -> Minutes:
    return minutes.export_minutes(store, meeting_id, destination)
