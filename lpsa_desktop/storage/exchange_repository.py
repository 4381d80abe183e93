"""The exchange record, and the audit trail and import batches as a package carries them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.exchange_records import AuditEntry, ImportSummary
from lpsa_desktop.domain.rounds import Party, Round
from lpsa_desktop.storage.agreement_json import agreement_from_json, agreement_to_json
from lpsa_desktop.storage.orm import AuditRow, ImportBatchRow
from lpsa_desktop.storage.orm_exchange import ExchangedStateRow
from lpsa_desktop.storage.orm_negotiation import RoundRow
from lpsa_desktop.storage.tables import AUDIT_EVENTS


@dataclass(frozen=True)
class ExchangedState:
    state_hash: str
    recorded_at: datetime
    direction: str
    file_name: str
    officer: str
    snapshot_json: str

    def snapshot(self) -> Agreement:
        return agreement_from_json(self.snapshot_json)


@dataclass(frozen=True)
class RoundRecord:
    """A round as stored, its snapshot still JSON text: reading 20 snapshots of 500
    indicators into objects takes 0.4 s, and an exchange needs one at most (its base)."""

    number: int
    name: str
    party: Party
    held_on: date
    internal: bool
    taken_at: datetime
    officer: str
    source: str
    snapshot_json: str

    def snapshot_data(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.snapshot_json, parse_float=Decimal)
        return data

    def to_round(self, agreement_ref: str) -> Round:
        return Round(
            agreement_ref=agreement_ref, number=self.number, name=self.name, party=self.party,
            held_on=self.held_on, snapshot=agreement_from_json(self.snapshot_json),
            internal=self.internal, taken_at=self.taken_at, officer=self.officer,
            source=self.source,
        )  # fmt: skip


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
                           r.snapshot)
            for r in rows
        ]  # fmt: skip

    def round_records(self, agreement_ref: str) -> list[RoundRecord]:
        """The rounds of an agreement, oldest first, their snapshots left as text."""
        rows = self._session.scalars(
            select(RoundRow)
            .where(RoundRow.agreement_ref == agreement_ref)
            .order_by(RoundRow.number)
        )
        return [
            RoundRecord(r.number, r.name, Party(r.party), r.held_on, r.internal, r.taken_at,
                        r.officer, r.source, r.snapshot)
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
        if not rows:
            return 0
        on_server = self._session.get_bind().dialect.name == "postgresql"
        if on_server:  # the audit trigger keeps their officer, naming who brought them in
            self._session.execute(text("SET LOCAL lpsa.brought_in = 'on'"))
        self._session.execute(insert(AUDIT_EVENTS), rows)
        if on_server:
            self._session.execute(text("SET LOCAL lpsa.brought_in = 'off'"))
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
