"""The immutable records an agreement package carries beside the agreement, and their
identities: rounds, meetings and audit entries are merged as a union by identity.

A record's identity is a hash of what it *says*, never of a store's row id or number
(round 3 on one laptop may be round 5 on the other): the same round taken on one laptop
is the same round on both, however it is numbered there.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime

from lpsa_desktop.domain.meetings import ActionItem, Decision, Meeting, MeetingStatus
from lpsa_desktop.domain.rounds import Round
from lpsa_desktop.domain.shared_state import canonical_json


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit trail as it travels: who changed what, when."""

    at: datetime
    officer: str
    action: str
    entity: str
    field: str | None
    old: str | None
    new: str | None


@dataclass(frozen=True)
class ImportSummary:
    """What a return imported on the sending laptop did (the file itself stays there)."""

    file_name: str
    sha256: str
    imported_at: datetime
    officer: str
    counts: str
    reverted_at: datetime | None


def round_identity(taken: Round) -> str:
    """Same name, party, date, officer and moment taken (to the microsecond): the same
    round. The snapshot is left out: it is fixed by the moment it was taken, and hashing
    20 snapshots of 500 indicators costs 0.25 s on each side of every exchange."""
    return round_key(taken.name, taken.party.value, taken.held_on, taken.taken_at,
                     taken.officer, internal=taken.internal)  # fmt: skip


def round_key(
    name: str, party: str, held_on: date, taken_at: datetime | None, officer: str, *,
    internal: bool,
) -> str:  # fmt: skip
    """``round_identity`` from a round's fields (a stored round not yet read whole)."""
    return _digest([name, party, held_on.isoformat(),
                    taken_at.isoformat() if taken_at else None, officer, internal])  # fmt: skip


def meeting_identity(meeting: Meeting) -> str:
    """A meeting is its date, place and who came: what it recorded may still grow."""
    return _digest([
        meeting.agreement_ref, meeting.held_on.isoformat(), meeting.place,
        [[a.name, a.organisation] for a in meeting.attendees],
    ])  # fmt: skip


BROUGHT_IN = re.compile(r" \(brought in by [^()]*\)$")
"""What a team store on PostgreSQL adds to the officer of an audit entry that came in a
package: "Alice (brought in by bsmith)" (``storage/audit_guard.py``): the server vouches
for who wrote the entry there, not for who made the change on the other laptop."""


def origin_officer(officer: str) -> str:
    """The officer as the laptop that made the change recorded it."""
    return BROUGHT_IN.sub("", officer)


def audit_identity(entry: AuditEntry) -> tuple[object, ...]:
    """One change, wherever it has travelled: the same entry on a laptop and, marked as
    brought in, on the team's server is one entry, not two."""
    return (
        entry.at, origin_officer(entry.officer), entry.action, entry.entity, entry.field,
        entry.old, entry.new,
    )  # fmt: skip


def _decision_key(decision: Decision) -> tuple[object, ...]:
    return (decision.recorded_at, decision.officer, decision.text, decision.item, decision.internal)


def _action_key(action: ActionItem) -> tuple[object, ...]:
    return (action.text, action.owner, action.item, action.due, action.internal)


def merged_meeting(mine: Meeting, theirs: Meeting, round_number: int | None) -> Meeting:
    """The union of two records of one meeting: every decision and action either side
    recorded (an action is done when either side ticked it), closed when either closed it.
    ``round_number``: theirs' closing round as numbered in my store, if it is there."""
    decisions = list(mine.decisions)
    known = {_decision_key(d) for d in decisions}
    decisions += [d for d in theirs.decisions if _decision_key(d) not in known]
    done_there = {_action_key(a) for a in theirs.actions if a.done}
    actions = [
        dataclasses.replace(a, done=True) if _action_key(a) in done_there else a
        for a in mine.actions
    ]
    have = {_action_key(a) for a in actions}
    actions += [a for a in theirs.actions if _action_key(a) not in have]
    closed = MeetingStatus.CLOSED in (mine.status, theirs.status)
    agenda = (*mine.agenda, *(i for i in theirs.agenda if i not in mine.agenda))
    return dataclasses.replace(
        mine,
        agenda=agenda,
        decisions=tuple(decisions),
        actions=tuple(actions),
        status=MeetingStatus.CLOSED if closed else MeetingStatus.OPEN,
        round_number=mine.round_number if mine.round_number is not None else round_number,
    )


def _digest(values: object) -> str:
    return hashlib.sha256(canonical_json(values)).hexdigest()
