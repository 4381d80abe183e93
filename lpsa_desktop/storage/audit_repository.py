"""The audit trail: who changed what, when, from what to what."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from lpsa_desktop.domain.diff import Change
from lpsa_desktop.storage.orm import AuditRow
from lpsa_desktop.storage.tables import AUDIT_EVENTS


@dataclass(frozen=True)
class AuditEvent:
    agreement_ref: str
    at: datetime
    officer: str
    action: str
    entity: str
    field: str | None
    old: str | None
    new: str | None


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def record(
        self, agreement_ref: str, officer: str, action: str, changes: Iterable[Change]
    ) -> int:
        """Add one row per change, all stamped with the same time; returns how many.
        (One multi-row INSERT: an import that changes 20,000 indicators records 20,000.)"""
        at = datetime.now()
        rows = [
            {
                "agreement_ref": agreement_ref,
                "at": at,
                "officer": officer,
                "action": action,
                "entity": c.entity or "agreement",
                "field": c.field,
                "old_value": c.old,
                "new_value": c.new,
            }
            for c in changes
        ]
        if rows:
            self._session.execute(insert(AUDIT_EVENTS), rows)
        return len(rows)

    def history(
        self, agreement_ref: str, *, limit: int | None = None, field: str | None = None
    ) -> list[AuditEvent]:
        """Newest first; with ``field``, only the changes of that field."""
        query = select(AuditRow).where(AuditRow.agreement_ref == agreement_ref)
        if field is not None:
            query = query.where(AuditRow.field == field)
        query = query.order_by(AuditRow.id.desc()).limit(limit)
        return [
            AuditEvent(
                r.agreement_ref,
                r.at,
                r.officer,
                r.action,
                r.entity,
                r.field,
                r.old_value,
                r.new_value,
            )
            for r in self._session.scalars(query)
        ]
