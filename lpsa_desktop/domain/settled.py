"""Whether an agreement is settled enough to sign: what still stands under negotiation.

Signing is not refused (a council may sign a provisional text to move on), but a signature
on a draft whose items are still open is a step the officer should take knowingly, so the
reasons are named.
"""

from __future__ import annotations

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import AgreementStatus, NegotiationStatus
from lpsa_desktop.domain.meetings import ItemKind
from lpsa_desktop.domain.negotiation import status_tally

SETTLED_STATUSES = (AgreementStatus.PROVISIONALLY_AGREED, AgreementStatus.SIGNED)
UNSETTLED_ITEMS = (NegotiationStatus.OPEN, NegotiationStatus.PARKED)
_NOUNS = {ItemKind.TARGET: "target", ItemKind.INDICATOR: "indicator", ItemKind.FREEDOM: "freedom"}


def unsettled_reasons(agreement: Agreement) -> list[str]:
    """Why ``agreement`` is still under negotiation, one sentence each; [] when settled."""
    reasons = []
    if agreement.status not in SETTLED_STATUSES:
        status = agreement.status.value.replace("_", " ")
        reasons.append(f"The agreement's status is “{status}”, not provisionally agreed or signed.")
    for status in UNSETTLED_ITEMS:
        counts = [
            _count(tally[status], _NOUNS[kind])
            for kind, tally in status_tally(agreement).items()
            if tally[status]
        ]
        if counts:
            verb = "is" if len(counts) == 1 and counts[0].startswith("1 ") else "are"
            reasons.append(f"{_join(counts)} {verb} still {status.value}.")
    return reasons


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
