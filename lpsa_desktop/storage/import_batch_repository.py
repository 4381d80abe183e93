"""Import batches: which file changed which agreement, when, by whom, and how to undo it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from lpsa_desktop.errors import NotFoundError
from lpsa_desktop.storage.orm import ImportBatchRow


@dataclass(frozen=True)
class ImportBatch:
    id: int
    agreement_ref: str
    file_name: str
    sha256: str
    imported_at: datetime
    officer: str
    counts: str
    """JSON object of counts (added, changed, unchanged, rejected …)."""
    before_json: str | None
    after_json: str
    reverted_at: datetime | None
    reverted_by: str | None


class ImportBatchRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        *,
        agreement_ref: str,
        file_name: str,
        sha256: str,
        officer: str,
        counts: str,
        before_json: str | None,
        after_json: str,
    ) -> int:
        row = ImportBatchRow(
            agreement_ref=agreement_ref,
            file_name=file_name,
            sha256=sha256,
            imported_at=datetime.now(),
            officer=officer,
            counts=counts,
            before_json=before_json,
            after_json=after_json,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def get(self, batch_id: int) -> ImportBatch:
        row = self._session.get(ImportBatchRow, batch_id)
        if row is None:
            raise NotFoundError(f"no import batch {batch_id} (see `lpsa imports`)")
        return _batch(row)

    def mark_reverted(self, batch_id: int, officer: str) -> None:
        row = self._session.get(ImportBatchRow, batch_id)
        if row is None:
            raise NotFoundError(f"no import batch {batch_id}")
        row.reverted_at = datetime.now()
        row.reverted_by = officer

    def listing(self, agreement_ref: str | None = None) -> list[ImportBatch]:
        """Newest first."""
        query = select(ImportBatchRow).order_by(ImportBatchRow.id.desc())
        if agreement_ref is not None:
            query = query.where(ImportBatchRow.agreement_ref == agreement_ref)
        return [_batch(r) for r in self._session.scalars(query)]

    def with_sha256(self, sha256: str) -> list[ImportBatch]:
        query = select(ImportBatchRow).where(ImportBatchRow.sha256 == sha256)
        return [_batch(r) for r in self._session.scalars(query.order_by(ImportBatchRow.id))]

    def latest_live(self, agreement_ref: str) -> ImportBatch | None:
        """The newest batch of an agreement that has not been reverted."""
        query = (
            select(ImportBatchRow)
            .where(ImportBatchRow.agreement_ref == agreement_ref)
            .where(ImportBatchRow.reverted_at.is_(None))
            .order_by(ImportBatchRow.id.desc())
        )
        row = self._session.scalars(query).first()
        return None if row is None else _batch(row)


def _batch(row: ImportBatchRow) -> ImportBatch:
    return ImportBatch(
        row.id,
        row.agreement_ref,
        row.file_name,
        row.sha256,
        row.imported_at,
        row.officer,
        row.counts,
        row.before_json,
        row.after_json,
        row.reverted_at,
        row.reverted_by,
    )
