"""The exchange record, and the audit trail and import batches as a package carries them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.exchange_records import AuditEntry, ImportSummary
from lpsa_desktop.storage.agreement_json import agreement_from_json, agreement_to_json
from lpsa_desktop.storage.orm import AuditRow, ImportBatchRow
from lpsa_desktop.storage.orm_exchange import ExchangedStateRow
from lpsa_desktop.storage.tables import AUDIT_EVENTS


@dataclass(frozen=True)
class ExchangedState:
    state_hash: str
    recorded_at: datetime
    direction: str
    file_name: str
    officer: str
    snapshot: Agreement


class ExchangeRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def record_state(
        self,
        agreement_ref: str,
        state_hash: str,
        snapshot: Agreement,
        *,
        direction: str,
        file_name: str,
        officer: str,
    ) -> bool:
        """Keep ``snapshot`` as a state exchanged with another laptop; False if it was kept
        already (a state is kept once, from the first time it was sent or received)."""
        if self._session.scalar(
            select(ExchangedStateRow.id).where(
                ExchangedStateRow.agreement_ref == agreement_ref,
                ExchangedStateRow.state_hash == state_hash,
            )
        ):
            return False
        self._session.add(
            ExchangedStateRow(
                agreement_ref=agreement_ref,
                state_hash=state_hash,
                snapshot=agreement_to_json(snapshot),
                recorded_at=datetime.now(),
                direction=direction,
                file_name=file_name,
                officer=officer,
            )
        )
        self._session.flush()
        return True

    def states(self, agreement_ref: str) -> list[ExchangedState]:
        """Newest first."""
        rows = self._session.scalars(
            select(ExchangedStateRow)
            .where(ExchangedStateRow.agreement_ref == agreement_ref)
            .order_by(ExchangedStateRow.id.desc())
        )
        return [
            ExchangedState(r.state_hash, r.recorded_at, r.direction, r.file_name, r.officer,
                           agreement_from_json(r.snapshot))
            for r in rows
        ]  # fmt: skip

    def audit_entries(self, agreement_ref: str) -> list[AuditEntry]:
        """Oldest first, as they were recorded."""
        rows = self._session.scalars(
            select(AuditRow).where(AuditRow.agreement_ref == agreement_ref).order_by(AuditRow.id)
        )
        return [
            AuditEntry(r.at, r.officer, r.action, r.entity, r.field, r.old_value, r.new_value)
            for r in rows
        ]

    def add_audit_entries(self, agreement_ref: str, entries: Iterable[AuditEntry]) -> int:
        """Entries from another laptop, as they were recorded there (time and officer kept)."""
        rows = [
            {"agreement_ref": agreement_ref, "at": e.at, "officer": e.officer, "action": e.action,
             "entity": e.entity, "field": e.field, "old_value": e.old, "new_value": e.new}
            for e in entries
        ]  # fmt: skip
        if rows:
            self._session.execute(insert(AUDIT_EVENTS), rows)
        return len(rows)

    def import_summaries(self, agreement_ref: str) -> list[ImportSummary]:
        rows = self._session.scalars(
            select(ImportBatchRow)
            .where(ImportBatchRow.agreement_ref == agreement_ref)
            .order_by(ImportBatchRow.id)
        )
        return [
            ImportSummary(r.file_name, r.sha256, r.imported_at, r.officer, r.counts, r.reverted_at)
            for r in rows
        ]
