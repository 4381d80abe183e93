"""Inserting an agreement the store does not hold yet (an import's new agreement).

There is one write path for agreements (``agreement_writer``): for a new one, everything
is new, so it comes down to multi-row INSERTs. This only adds the check that the
agreement is new, which an import relies on.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.storage.agreement_writer import write_agreement
from lpsa_desktop.storage.tables import AGREEMENTS


class NewAgreementWriter:
    def __init__(self, session: Session) -> None:
        self._session = session

    def insert(self, agreement: Agreement) -> None:
        """Insert ``agreement``, which the store must not hold yet."""
        taken = select(AGREEMENTS.c.id).where(AGREEMENTS.c.ref == agreement.ref)
        if self._session.scalar(taken) is not None:
            raise ValueError(f"the store already holds an agreement {agreement.ref!r}")
        write_agreement(self._session, agreement, datetime.now())
