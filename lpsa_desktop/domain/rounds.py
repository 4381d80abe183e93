"""Negotiation rounds: named, dated, read-only snapshots of everything negotiable.

A round is one party's position at a moment ("Council proposal 1", "Government response",
"Agreed at meeting of 14 March 2003"). It is never edited: a correction is a new round.
An internal round (e.g. the council's fall-back position) never leaves the building: it is
left out of exports, minutes and presentation mode.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from lpsa_desktop.domain.agreement import Agreement


class Party(StrEnum):
    COUNCIL = "council"
    GOVERNMENT = "government"
    PARTNER = "partner"
    JOINT = "joint"
    """Both sides: what a meeting agreed."""


@dataclass(frozen=True)
class Round:
    agreement_ref: str
    number: int
    name: str
    party: Party
    held_on: date
    snapshot: Agreement
    internal: bool = False
    taken_at: datetime | None = None
    officer: str = ""
    source: str = ""
    """Where it came from: '' (taken by hand), 'import <file>', 'meeting <id>'."""

    @property
    def label(self) -> str:
        """'bath-ne-somerset-lpsa1:2', how the command line names a round."""
        return f"{self.agreement_ref}:{self.number}"


def round_name_for_meeting(held_on: date) -> str:
    return f"Agreed at meeting of {held_on.day} {held_on.strftime('%B %Y')}"
