"""Who marked an item open, agreed, parked or dropped, and when: the "Agreed?" tooltips.

The marks are read from the audit trail on the worker (``NegotiationSession``); here they
only become words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from lpsa_desktop.domain.enums import NegotiationStatus
from lpsa_desktop.domain.meetings import ItemKind, ItemRef
from ui.display import date_text

if TYPE_CHECKING:
    from lpsa_desktop.services.negotiation_status import StatusMark

Marks = Mapping[ItemRef, "StatusMark"]


def status_tooltip(marks: Marks, kind: ItemKind, ref: str, status: NegotiationStatus) -> str:
    """'Agreed: marked by Jane Smith on 14/03/2003 14:05:10' (or never marked: 'Open')."""
    shown = status.value.capitalize()
    mark = marks.get(ItemRef(kind, ref))
    if mark is None:
        return f"{shown}: not marked since the agreement was created or imported"
    who = mark.officer or "unknown"
    when = f" on {date_text(mark.at)}" if mark.at else ""
    if mark.status is status:
        return f"{shown}: marked by {who}{when}"
    return f"{shown} (last marked {mark.status.value} by {who}{when})"
