"""Agreements in the store, as domain objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import AgreementStatus, Generation
from lpsa_desktop.errors import AmbiguousRefError, NotFoundError
from lpsa_desktop.storage.mapping import apply_agreement, to_agreement
from lpsa_desktop.storage.orm import (
    AgreementCouncilRow,
    AgreementRow,
    CouncilRow,
    FreedomRow,
    TargetRow,
)


@dataclass(frozen=True)
class AgreementSummary:
    """One line of the agreements list: enough to choose, not the whole aggregate."""

    ref: str
    title: str
    generation: Generation
    status: AgreementStatus
    councils: tuple[str, ...]
    period_start: date
    period_end: date
    updated_at: datetime


_WHOLE = (
    selectinload(AgreementRow.council_links),
    selectinload(AgreementRow.partners),
    selectinload(AgreementRow.signatories),
    selectinload(AgreementRow.targets).selectinload(TargetRow.indicators),
    selectinload(AgreementRow.targets).selectinload(TargetRow.priority),
    selectinload(AgreementRow.freedoms).selectinload(FreedomRow.target_links),
)


class AgreementRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def summaries(self) -> list[AgreementSummary]:
        rows = self._session.scalars(
            select(AgreementRow)
            .options(selectinload(AgreementRow.council_links))
            .order_by(AgreementRow.ref)
        )
        return [
            AgreementSummary(
                ref=r.ref,
                title=r.title,
                generation=Generation(r.generation),
                status=AgreementStatus(r.status),
                councils=tuple(link.council.name for link in r.council_links),
                period_start=r.period_start,
                period_end=r.period_end,
                updated_at=r.updated_at,
            )
            for r in rows
        ]

    def exists(self, ref: str) -> bool:
        return self._row(ref, whole=False) is not None

    def get(self, ref: str) -> Agreement:
        row = self._row(ref, whole=True)
        if row is None:
            raise NotFoundError(f"no agreement with ref {ref!r}")
        return to_agreement(row)

    def resolve(self, ref_or_council: str) -> str:
        """An agreement's ref from its ref or from a council name that is unique in the store."""
        if self.exists(ref_or_council):
            return ref_or_council
        refs = list(
            self._session.scalars(
                select(AgreementRow.ref)
                .join(AgreementRow.council_links)
                .join(AgreementCouncilRow.council)
                .where(func.lower(CouncilRow.name) == ref_or_council.strip().lower())
                .order_by(AgreementRow.ref)
            )
        )
        if not refs:
            raise NotFoundError(
                f"no agreement has the ref or council {ref_or_council!r} (see `lpsa list`)"
            )
        if len(refs) > 1:
            raise AmbiguousRefError(
                f"{ref_or_council!r} has {len(refs)} agreements ({', '.join(refs)}): give the ref"
            )
        return refs[0]

    def save(self, agreement: Agreement) -> None:
        """Insert or update the whole aggregate (matched by ref)."""
        now = datetime.now()
        row = self._row(agreement.ref, whole=True)
        if row is None:
            row = AgreementRow(created_at=now)
            self._session.add(row)
        row.updated_at = now
        with self._session.no_autoflush:
            apply_agreement(self._session, row, agreement)
        self._session.flush()

    def delete(self, ref: str) -> None:
        row = self._row(ref, whole=False)
        if row is None:
            raise NotFoundError(f"no agreement with ref {ref!r}")
        self._session.delete(row)
        self._session.flush()

    def refs(self) -> set[str]:
        return set(self._session.scalars(select(AgreementRow.ref)))

    def _row(self, ref: str, *, whole: bool) -> AgreementRow | None:
        query = select(AgreementRow).where(AgreementRow.ref == ref)
        if whole:
            query = query.options(*_WHOLE)
        return self._session.scalars(query).first()
