"""The audit trail: who changed what, when, from what to what."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, or_, select
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
    id: int = 0  # rises with every event: what is new since a window last looked


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
        return [_event(r) for r in self._session.scalars(query)]

    def latest_change(
        self,
        agreement_ref: str,
        *,
        entity_like: Sequence[str],
        field: str | None = None,
        whole_items_only: bool = False,
    ) -> AuditEvent | None:
        """The newest event whose entity matches one of the LIKE patterns ``entity_like``
        (``\\`` escapes) and, with ``field``, of that field (``whole_items_only``: an item
        added or removed): who last touched a value, and when."""
        query = select(AuditRow).where(
            AuditRow.agreement_ref == agreement_ref,
            or_(*(AuditRow.entity.like(p, escape="\\") for p in entity_like)),
        )
        if field is not None:
            query = query.where(AuditRow.field == field)
        if whole_items_only:
            query = query.where(AuditRow.field.is_(None))
        row = self._session.scalars(query.order_by(AuditRow.id.desc()).limit(1)).first()
        if row is None:
            return None
        return _event(row)

    def since(self, agreement_ref: str, after_id: int) -> list[AuditEvent]:
        """Events newer than ``after_id``, newest first (what changed since a window looked)."""
        query = (
            select(AuditRow)
            .where(AuditRow.agreement_ref == agreement_ref, AuditRow.id > after_id)
            .order_by(AuditRow.id.desc())
        )
        return [_event(r) for r in self._session.scalars(query)]


def _event(r: AuditRow) -> AuditEvent:
    return AuditEvent(
        r.agreement_ref,
        r.at,
        r.officer,
        r.action,
        r.entity,
        r.field,
        r.old_value,
        r.new_value,
        r.id,
    )
