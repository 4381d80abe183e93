"""The parts of an agreement beside its targets, for ``agreement_writer``: its councils
(shared between agreements by name), the lists without refs (partners, signatories: put
back whole when they differ, as the ORM did) and its freedoms with their target links."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.storage import mapping
from lpsa_desktop.storage.row_sync import RowChanges, with_defaults
from lpsa_desktop.storage.tables import AGREEMENT_COUNCILS, COUNCILS, FREEDOM_TARGETS, FREEDOMS


def write_councils(session: Session, agreement_id: int, agreement: Agreement) -> None:
    """Councils are shared by name; their details follow the latest save."""
    ids = []
    for council in agreement.councils:
        columns = mapping.council_columns(council)
        stored = (
            session.execute(select(COUNCILS).where(COUNCILS.c.name == council.name))
            .mappings()
            .first()
        )
        if stored is None:
            ids.append(inserted(session, COUNCILS, columns))
        else:
            ids.append(stored["id"])
            changes = RowChanges()
            changes.compare(stored, columns)
            changes.write_updates_and_deletes(session, COUNCILS)
    sync_links(
        session,
        AGREEMENT_COUNCILS,
        owner="agreement_id",
        owner_id=agreement_id,
        linked="council_id",
        wanted=ids,
    )


def replace_list(
    session: Session,
    table: Table,
    agreement_id: int,
    columns: tuple[str, ...],
    wanted: list[tuple[Any, ...]],
) -> None:
    """Lists without refs (partners, signatories) are replaced whole when they differ."""
    query = (
        select(*(table.c[name] for name in columns))
        .where(table.c.agreement_id == agreement_id)
        .order_by(table.c.position)
    )
    if [tuple(row) for row in session.execute(query)] == wanted:
        return
    session.execute(delete(table).where(table.c.agreement_id == agreement_id))
    if wanted:
        session.execute(
            insert(table),
            [
                {
                    **dict(zip(columns, row, strict=True)),
                    "agreement_id": agreement_id,
                    "position": n,
                }
                for n, row in enumerate(wanted)
            ],
        )


def write_freedoms(
    session: Session, agreement_id: int, agreement: Agreement, target_ids: dict[str, int]
) -> None:
    stored = {
        row["ref"]: row
        for row in session.execute(
            select(FREEDOMS).where(FREEDOMS.c.agreement_id == agreement_id)
        ).mappings()
    }
    freedoms = RowChanges()
    freedoms.match(
        stored,
        (
            (f.ref, {**mapping.freedom_columns(f), "agreement_id": agreement_id, "position": n})
            for n, f in enumerate(agreement.freedoms)
        ),
    )
    freedoms.write_inserts(session, FREEDOMS)
    freedoms.write_updates_and_deletes(session, FREEDOMS)
    ids = dict(
        session.execute(
            select(FREEDOMS.c.ref, FREEDOMS.c.id).where(FREEDOMS.c.agreement_id == agreement_id)
        ).all()
    )
    for freedom in agreement.freedoms:
        # Links to unknown targets are a validation error; they cannot be stored as rows.
        wanted = [target_ids[r] for r in dict.fromkeys(freedom.targets) if r in target_ids]
        sync_links(
            session,
            FREEDOM_TARGETS,
            owner="freedom_id",
            owner_id=ids[freedom.ref],
            linked="target_id",
            wanted=wanted,
        )


def inserted(session: Session, table: Table, values: dict[str, Any]) -> int:
    """Insert one row; its id."""
    row = with_defaults(table, values)
    new_id: int = session.scalars(insert(table).values(row).returning(table.c.id)).one()
    return new_id


def sync_links(
    session: Session, table: Table, *, owner: str, owner_id: int, linked: str, wanted: list[int]
) -> None:
    """An ordered link list (an agreement's councils, a freedom's targets): left alone when
    it already holds ``wanted`` in that order, else written again whole."""
    stored = session.scalars(
        select(table.c[linked]).where(table.c[owner] == owner_id).order_by(table.c.position)
    ).all()
    if list(stored) == wanted:
        return
    session.execute(delete(table).where(table.c[owner] == owner_id))
    if wanted:
        rows = [{owner: owner_id, linked: other, "position": n} for n, other in enumerate(wanted)]
        session.execute(insert(table), rows)
