"""The agreements list (`lpsa list`, the window's chooser) in one Core query.

It needs neither the ORM nor the agreement tables' models, so listing a store loads only
SQLAlchemy's Core: the quick start the command line promises (issue 14).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import Connection, Date, DateTime, Integer, String, text

from lpsa_desktop.domain.enums import AgreementStatus, Generation


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


# Every agreement with its councils in order (the lead first); an agreement without a
# council (possible while one is being set up) still has its line.
_LISTING = text(
    """SELECT a.id, a.ref, a.title, a.generation, a.status, a.period_start, a.period_end,
              a.updated_at, c.name AS council
       FROM agreements a
       LEFT JOIN agreement_councils ac ON ac.agreement_id = a.id
       LEFT JOIN councils c ON c.id = ac.council_id
       ORDER BY a.ref, ac.position"""
).columns(
    id=Integer,
    ref=String,
    title=String,
    generation=String,
    status=String,
    period_start=Date,
    period_end=Date,
    updated_at=DateTime,
    council=String,
)


def agreement_summaries(connection: Connection) -> list[AgreementSummary]:
    """Every agreement, by ref (one query)."""
    found: dict[int, AgreementSummary] = {}
    councils: dict[int, list[str]] = {}
    for row in connection.execute(_LISTING):
        if row.id not in found:
            found[row.id] = AgreementSummary(
                ref=row.ref,
                title=row.title,
                generation=Generation(row.generation),
                status=AgreementStatus(row.status),
                councils=(),
                period_start=row.period_start,
                period_end=row.period_end,
                updated_at=row.updated_at,
            )
            councils[row.id] = []
        if row.council is not None:
            councils[row.id].append(row.council)
    return [replace(summary, councils=tuple(councils[key])) for key, summary in found.items()]
