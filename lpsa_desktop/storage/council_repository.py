"""Councils as shared records: one row per council, linked to every agreement it is party to."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from lpsa_desktop.domain.agreement import Council
from lpsa_desktop.storage import mapping
from lpsa_desktop.storage.tables import AGREEMENT_COUNCILS, AGREEMENTS, COUNCILS


class CouncilRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def find(self, name: str) -> Council | None:
        """The council of that name (case and spacing as typed do not matter)."""
        row = (
            self._session.execute(
                select(COUNCILS).where(
                    func.lower(COUNCILS.c.name) == " ".join(name.split()).lower()
                )
            )
            .mappings()
            .first()
        )
        return mapping.to_council(row) if row is not None else None

    def names(self) -> list[str]:
        return list(self._session.scalars(select(COUNCILS.c.name).order_by(COUNCILS.c.name)))

    def sharing(self, name: str) -> list[str]:
        """The refs of the agreements council ``name`` is party to."""
        query = (
            select(AGREEMENTS.c.ref)
            .join(AGREEMENT_COUNCILS, AGREEMENT_COUNCILS.c.agreement_id == AGREEMENTS.c.id)
            .join(COUNCILS, COUNCILS.c.id == AGREEMENT_COUNCILS.c.council_id)
            .where(COUNCILS.c.name == name)
            .order_by(AGREEMENTS.c.ref)
        )
        return list(self._session.scalars(query))

    def replace(self, name: str, council: Council, now: datetime) -> None:
        """Store ``council``'s details (its name too) in the row of council ``name``; every
        agreement sharing it is marked as changed, so other windows pick the change up."""
        council_id = self._session.scalar(select(COUNCILS.c.id).where(COUNCILS.c.name == name))
        self._session.execute(
            update(COUNCILS)
            .where(COUNCILS.c.id == council_id)
            .values(mapping.council_columns(council))
        )
        linked = select(AGREEMENT_COUNCILS.c.agreement_id).where(
            AGREEMENT_COUNCILS.c.council_id == council_id
        )
        self._session.execute(
            update(AGREEMENTS).where(AGREEMENTS.c.id.in_(linked)).values(updated_at=now)
        )
