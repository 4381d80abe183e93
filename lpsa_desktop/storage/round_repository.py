"""Negotiation rounds: added, listed, read; never changed (the database refuses that too)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpsa_desktop.domain.rounds import Party, Round
from lpsa_desktop.errors import NotFoundError
from lpsa_desktop.storage.agreement_json import agreement_from_json, agreement_to_json
from lpsa_desktop.storage.orm_negotiation import RoundRow


class RoundRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def next_number(self, agreement_ref: str) -> int:
        latest = self._session.scalar(
            select(func.max(RoundRow.number)).where(RoundRow.agreement_ref == agreement_ref)
        )
        return (latest or 0) + 1

    def add(self, taken: Round) -> None:
        assert taken.taken_at is not None
        self._session.add(
            RoundRow(
                agreement_ref=taken.agreement_ref,
                number=taken.number,
                name=taken.name,
                party=taken.party.value,
                held_on=taken.held_on,
                internal=taken.internal,
                taken_at=taken.taken_at,
                officer=taken.officer,
                source=taken.source,
                snapshot=agreement_to_json(taken.snapshot),
            )
        )
        self._session.flush()

    def list(self, agreement_ref: str) -> list[Round]:
        rows = self._session.scalars(
            select(RoundRow)
            .where(RoundRow.agreement_ref == agreement_ref)
            .order_by(RoundRow.number)
        )
        return [_to_round(r) for r in rows]

    def get(self, agreement_ref: str, number: int) -> Round:
        row = self._session.scalars(
            select(RoundRow).where(
                RoundRow.agreement_ref == agreement_ref, RoundRow.number == number
            )
        ).first()
        if row is None:
            raise NotFoundError(f"{agreement_ref} has no round {number} (see `lpsa rounds list`)")
        return _to_round(row)


def _to_round(row: RoundRow) -> Round:
    return Round(
        agreement_ref=row.agreement_ref,
        number=row.number,
        name=row.name,
        party=Party(row.party),
        held_on=row.held_on,
        snapshot=agreement_from_json(row.snapshot),
        internal=row.internal,
        taken_at=row.taken_at,
        officer=row.officer,
        source=row.source,
    )
