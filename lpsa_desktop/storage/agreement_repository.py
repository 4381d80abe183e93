"""Agreements in the store, as domain objects."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.errors import AmbiguousRefError, NotFoundError
from lpsa_desktop.storage.agreement_listing import AgreementSummary, agreement_summaries
from lpsa_desktop.storage.agreement_reader import read_agreement
from lpsa_desktop.storage.agreement_writer import write_agreement
from lpsa_desktop.storage.orm import (
    AgreementCouncilRow,
    AgreementRow,
    CouncilRow,
    FreedomRow,
    FreedomTargetRow,
    IndicatorRow,
    PartnerRow,
    SignatoryRow,
    TargetRow,
)
from lpsa_desktop.storage.tables import AGREEMENTS

__all__ = ["AgreementRepository", "AgreementSummary"]

_AGREEMENT_ROWS = (
    AgreementRow,
    AgreementCouncilRow,
    CouncilRow,
    PartnerRow,
    SignatoryRow,
    TargetRow,
    IndicatorRow,
    FreedomRow,
    FreedomTargetRow,
)


class AgreementRepository:
    """Whole agreements are read and written with Core statements (``agreement_reader``,
    ``agreement_writer``): a 20,000-indicator agreement loads in a fraction of a second
    and saves only what changed."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def summaries(self) -> list[AgreementSummary]:
        return agreement_summaries(self._session.connection())

    def exists(self, ref: str) -> bool:
        return self._id(ref) is not None

    def get(self, ref: str) -> Agreement:
        agreement = read_agreement(self._session, ref)
        if agreement is None:
            raise NotFoundError(f"no agreement with ref {ref!r}")
        return agreement

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
        write_agreement(self._session, agreement, datetime.now())
        self._forget_loaded_rows()

    def delete(self, ref: str) -> None:
        agreement_id = self._id(ref)
        if agreement_id is None:
            raise NotFoundError(f"no agreement with ref {ref!r}")
        # Its councils' links, partners, signatories, targets (with their indicators and
        # freedom links) and freedoms go with it: every foreign key says ON DELETE CASCADE.
        self._session.execute(delete(AGREEMENTS).where(AGREEMENTS.c.id == agreement_id))
        self._forget_loaded_rows()

    def refs(self) -> set[str]:
        return set(self._session.scalars(select(AgreementRow.ref)))

    def _id(self, ref: str) -> int | None:
        found: int | None = self._session.scalar(
            select(AGREEMENTS.c.id).where(AGREEMENTS.c.ref == ref)
        )
        return found

    def _forget_loaded_rows(self) -> None:
        """Rows written here behind the ORM's back: any of them the session has loaded
        (``summaries`` loads agreement rows) is read again when next used."""
        for loaded in list(self._session.identity_map.values()):
            if isinstance(loaded, _AGREEMENT_ROWS):
                self._session.expire(loaded)
