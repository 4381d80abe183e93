"""A new agreement written with multi-row inserts: the fast path of a big import.

The ORM's unit of work (``AgreementRepository.save``) tracks every attribute of every row;
for a return of 20,000 indicators that takes about 4 s on a 2-core machine. An agreement
the store does not hold yet has nothing to compare with, so its targets, indicators and
freedoms go in as plain multi-row INSERTs. The column values come from ``mapping``'s own
functions, applied to plain namespaces instead of ORM rows, so that the two ways of
writing can never disagree about a column (a test also reads back what was written).
"""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.storage import mapping
from lpsa_desktop.storage.agreement_repository import AgreementRepository
from lpsa_desktop.storage.orm import (
    AgreementRow,
    FreedomRow,
    FreedomTargetRow,
    IndicatorRow,
    TargetRow,
)


class NewAgreementWriter:
    def __init__(self, session: Session) -> None:
        self._session = session

    def insert(self, agreement: Agreement) -> None:
        """Insert ``agreement``, which the store must not hold yet."""
        session = self._session
        AgreementRepository(session).save(dataclasses.replace(agreement, targets=(), freedoms=()))
        agreement_id = session.scalars(
            select(AgreementRow.id).where(AgreementRow.ref == agreement.ref)
        ).one()
        priorities = mapping._PriorityCache(session)
        targets = []
        for position, target in enumerate(agreement.targets):
            values = _columns(
                lambda row, t=target: mapping._apply_target(
                    row, dataclasses.replace(t, indicators=()), priorities
                ),
                indicators=[],
            )
            priority = values.pop("priority")
            session.flush()  # a priority seen for the first time gets its id
            values.update(agreement_id=agreement_id, position=position)
            values["priority_id"] = priority.id if priority is not None else None
            targets.append(values)
        if targets:
            session.execute(insert(TargetRow), targets)
        query = select(TargetRow.ref, TargetRow.id).where(TargetRow.agreement_id == agreement_id)
        target_ids: dict[str, int] = dict(session.execute(query).all())
        indicators = [
            {
                **_columns(lambda row, i=indicator: mapping._apply_indicator(row, i)),
                "target_id": target_ids[target.ref],
                "position": position,
            }
            for target in agreement.targets
            for position, indicator in enumerate(target.indicators)
        ]
        if indicators:
            session.execute(insert(IndicatorRow), indicators)
        self._freedoms(agreement, agreement_id, target_ids)
        session.expire_all()  # the agreement row's collections were loaded while empty

    def _freedoms(self, agreement: Agreement, agreement_id: int, targets: dict[str, int]) -> None:
        for position, freedom in enumerate(agreement.freedoms):
            values = _columns(
                lambda row, f=freedom: mapping._apply_freedom(row, f, {}), target_links=[]
            )
            values.update(agreement_id=agreement_id, position=position)
            freedom_id = self._session.scalars(
                insert(FreedomRow).returning(FreedomRow.id), [values]
            ).one()
            # Links to unknown targets are a validation error; they cannot be stored as rows.
            linked = [ref for ref in dict.fromkeys(freedom.targets) if ref in targets]
            if linked:
                self._session.execute(
                    insert(FreedomTargetRow),
                    [
                        {"freedom_id": freedom_id, "target_id": targets[ref], "position": n}
                        for n, ref in enumerate(linked)
                    ],
                )


def _columns(apply: Any, **collections: Any) -> dict[str, Any]:
    """The column values ``apply`` would set on a row, collected on a plain namespace
    (``collections`` stand in for the row's relationships and are dropped)."""
    row = SimpleNamespace(**collections)
    apply(row)
    values = vars(row)
    for name in collections:
        values.pop(name, None)
    return values
