"""Saving a whole agreement: what is stored is compared with what should be, and only the
differences are written, with executemany statements (``row_sync``).

This is the one write path for agreements, new or stored: a new agreement is the case
where nothing is stored yet, so everything is inserted. Rows are matched by ref, so kept
targets, indicators and freedoms keep their ids (and the links to them). It runs inside
the caller's unit of work, on the session's connection: one transaction, begun with
BEGIN IMMEDIATE for writes. The ORM's unit of work took about 4 s for 20,000 indicators.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.priorities import is_shared_priority
from lpsa_desktop.storage import mapping
from lpsa_desktop.storage.agreement_parts import (
    inserted,
    replace_list,
    write_councils,
    write_freedoms,
)
from lpsa_desktop.storage.row_sync import RowChanges
from lpsa_desktop.storage.tables import (
    AGREEMENTS,
    INDICATORS,
    PARTNERS,
    PRIORITIES,
    SIGNATORIES,
    TARGETS,
)


def write_agreement(session: Session, agreement: Agreement, now: datetime) -> None:
    """Make the store hold ``agreement`` (matched by ref), writing only what differs."""
    stored = (
        session.execute(select(AGREEMENTS).where(AGREEMENTS.c.ref == agreement.ref))
        .mappings()
        .first()
    )
    columns = mapping.agreement_columns(agreement)
    if stored is None:
        columns.update(created_at=now, updated_at=now)
        agreement_id = inserted(session, AGREEMENTS, columns)
    else:
        agreement_id = stored["id"]
        changes = RowChanges()
        changes.compare(stored, {**columns, "updated_at": now})
        changes.write_updates_and_deletes(session, AGREEMENTS)
    write_councils(session, agreement_id, agreement)
    partners = [(p.name, p.kind.value) for p in agreement.partners]
    replace_list(session, PARTNERS, agreement_id, ("name", "kind"), partners)
    signatories = [(s.name, s.position, s.organisation) for s in agreement.signatories]
    signatory_columns = ("name", "role", "organisation")
    replace_list(session, SIGNATORIES, agreement_id, signatory_columns, signatories)
    target_ids = _targets(session, agreement_id, agreement)
    write_freedoms(session, agreement_id, agreement, target_ids)


def _targets(session: Session, agreement_id: int, agreement: Agreement) -> dict[str, int]:
    """Targets and their indicators; returns target ref → id."""
    priorities = _priority_ids(session, agreement)
    stored = {
        row["ref"]: row
        for row in session.execute(
            select(TARGETS).where(TARGETS.c.agreement_id == agreement_id)
        ).mappings()
    }
    targets = RowChanges()
    targets.match(
        stored,
        (
            (
                target.ref,
                {
                    **mapping.target_columns(target, priorities.get(target.priority or "")),
                    "agreement_id": agreement_id,
                    "position": position,
                },
            )
            for position, target in enumerate(agreement.targets)
        ),
    )
    targets.write_inserts(session, TARGETS)
    ids: dict[str, int] = dict(
        session.execute(
            select(TARGETS.c.ref, TARGETS.c.id).where(TARGETS.c.agreement_id == agreement_id)
        ).all()
    )
    _indicators(session, agreement_id, agreement, ids, bool(stored))
    targets.write_updates_and_deletes(session, TARGETS)
    return {ref: ids[ref] for ref in (t.ref for t in agreement.targets)}


def _indicators(
    session: Session,
    agreement_id: int,
    agreement: Agreement,
    target_ids: dict[str, int],
    any_stored: bool,
) -> None:
    stored: dict[tuple[int, str], Any] = {}
    if any_stored:  # a new agreement has no targets stored: nothing to read
        query = (
            select(INDICATORS)
            .join(TARGETS, TARGETS.c.id == INDICATORS.c.target_id)
            .where(TARGETS.c.agreement_id == agreement_id)
        )
        stored = {(row["target_id"], row["ref"]): row for row in session.execute(query).mappings()}
    indicators = RowChanges()
    indicators.match(
        stored,
        (
            (
                (target_ids[target.ref], indicator.ref),
                {
                    **mapping.indicator_columns(indicator),
                    "target_id": target_ids[target.ref],
                    "position": position,
                },
            )
            for target in agreement.targets
            for position, indicator in enumerate(target.indicators)
        ),
    )
    indicators.write_inserts(session, INDICATORS)
    indicators.write_updates_and_deletes(session, INDICATORS)


def _priority_ids(session: Session, agreement: Agreement) -> dict[str, int]:
    """Priority name → id; a name not seen before becomes a local priority."""
    ids: dict[str, int] = dict(session.execute(select(PRIORITIES.c.name, PRIORITIES.c.id)).all())
    for target in agreement.targets:
        name = target.priority
        if name and name not in ids:
            values = {"name": name, "shared": is_shared_priority(name)}
            ids[name] = inserted(session, PRIORITIES, values)
    return ids
