"""The agreement tables as SQLAlchemy Core tables (from the ORM models, so that the column
types convert values exactly as the ORM did), for the reader and writer of agreements."""

from __future__ import annotations

from sqlalchemy import Table

from lpsa_desktop.storage.orm import (
    AgreementCouncilRow,
    AgreementRow,
    AuditRow,
    CouncilRow,
    FreedomRow,
    FreedomTargetRow,
    IndicatorRow,
    PartnerRow,
    PriorityRow,
    SignatoryRow,
    TargetRow,
)


def _table(model: type) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


AGREEMENTS = _table(AgreementRow)
AGREEMENT_COUNCILS = _table(AgreementCouncilRow)
COUNCILS = _table(CouncilRow)
PARTNERS = _table(PartnerRow)
SIGNATORIES = _table(SignatoryRow)
PRIORITIES = _table(PriorityRow)
TARGETS = _table(TargetRow)
INDICATORS = _table(IndicatorRow)
FREEDOMS = _table(FreedomRow)
FREEDOM_TARGETS = _table(FreedomTargetRow)
AUDIT_EVENTS = _table(AuditRow)
