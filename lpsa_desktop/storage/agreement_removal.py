"""Deleting an agreement so that it can be put back exactly: its rows are read first, whole,
as plain values (with their ids), then deleted; restoring inserts the same rows again.

What goes with an agreement: its council links, partners, signatories, targets, indicators,
freedoms and their target links (by the foreign keys' ON DELETE CASCADE), its meetings (with
attendees, agenda, decisions and actions) and its import batches. What stays: the councils
themselves (shared records), its negotiation rounds (read-only by database trigger: the
negotiation record outlives the agreement) and the audit trail (rows keep the ref as text).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session

from lpsa_desktop.errors import NotFoundError
from lpsa_desktop.storage.orm import ImportBatchRow
from lpsa_desktop.storage.orm_negotiation import (
    ActionRow,
    AgendaRow,
    AttendeeRow,
    DecisionRow,
    MeetingRow,
    RoundRow,
)
from lpsa_desktop.storage.tables import (
    AGREEMENT_COUNCILS,
    AGREEMENTS,
    AUDIT_EVENTS,
    FREEDOM_TARGETS,
    FREEDOMS,
    INDICATORS,
    PARTNERS,
    SIGNATORIES,
    TARGETS,
)


def _table(model: type) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


MEETINGS = _table(MeetingRow)
MEETING_CHILDREN = tuple(_table(m) for m in (AttendeeRow, AgendaRow, DecisionRow, ActionRow))
IMPORT_BATCHES = _table(ImportBatchRow)
ROUNDS = _table(RoundRow)

# In the order rows can be inserted again (each after the rows it refers to).
_ORDER = (
    AGREEMENTS,
    AGREEMENT_COUNCILS,
    PARTNERS,
    SIGNATORIES,
    TARGETS,
    INDICATORS,
    FREEDOMS,
    FREEDOM_TARGETS,
    MEETINGS,
    *MEETING_CHILDREN,
    IMPORT_BATCHES,
)


# (table, column) → the table whose id it holds, for restoring under fresh ids.
_REFERENCES: dict[tuple[Table, str], Table] = {
    (AGREEMENT_COUNCILS, "agreement_id"): AGREEMENTS,
    (PARTNERS, "agreement_id"): AGREEMENTS,
    (SIGNATORIES, "agreement_id"): AGREEMENTS,
    (TARGETS, "agreement_id"): AGREEMENTS,
    (INDICATORS, "target_id"): TARGETS,
    (FREEDOMS, "agreement_id"): AGREEMENTS,
    (FREEDOM_TARGETS, "freedom_id"): FREEDOMS,
    (FREEDOM_TARGETS, "target_id"): TARGETS,
    **{(child, "meeting_id"): MEETINGS for child in MEETING_CHILDREN},
}


@dataclass(frozen=True)
class PartCounts:
    """What deleting an agreement removes, and the rounds it keeps."""

    targets: int
    indicators: int
    freedoms: int
    meetings: int
    import_batches: int
    rounds_kept: int


@dataclass(frozen=True)
class RemovedRows:
    """Every row a deletion removed, table name → rows (column → value), ids included."""

    ref: str
    rows: dict[str, list[dict[str, Any]]]


class AgreementRemoval:
    def __init__(self, session: Session) -> None:
        self._session = session

    def counts(self, ref: str) -> PartCounts:
        agreement_id = self._id(ref)
        s = self._session

        def count(table: Table, *where: Any) -> int:
            return int(s.scalar(select(func.count()).select_from(table).where(*where)) or 0)

        targets = select(TARGETS.c.id).where(TARGETS.c.agreement_id == agreement_id)
        return PartCounts(
            targets=count(TARGETS, TARGETS.c.agreement_id == agreement_id),
            indicators=count(INDICATORS, INDICATORS.c.target_id.in_(targets)),
            freedoms=count(FREEDOMS, FREEDOMS.c.agreement_id == agreement_id),
            meetings=count(MEETINGS, MEETINGS.c.agreement_ref == ref),
            import_batches=count(IMPORT_BATCHES, IMPORT_BATCHES.c.agreement_ref == ref),
            rounds_kept=count(ROUNDS, ROUNDS.c.agreement_ref == ref),
        )

    def remove(self, ref: str) -> RemovedRows:
        """Read every row that goes with agreement ``ref``, then delete them."""
        agreement_id = self._id(ref)
        meeting_ids = select(MEETINGS.c.id).where(MEETINGS.c.agreement_ref == ref)
        target_ids = select(TARGETS.c.id).where(TARGETS.c.agreement_id == agreement_id)
        freedom_ids = select(FREEDOMS.c.id).where(FREEDOMS.c.agreement_id == agreement_id)
        where: dict[str, Any] = {
            AGREEMENTS.name: AGREEMENTS.c.id == agreement_id,
            AGREEMENT_COUNCILS.name: AGREEMENT_COUNCILS.c.agreement_id == agreement_id,
            PARTNERS.name: PARTNERS.c.agreement_id == agreement_id,
            SIGNATORIES.name: SIGNATORIES.c.agreement_id == agreement_id,
            TARGETS.name: TARGETS.c.agreement_id == agreement_id,
            INDICATORS.name: INDICATORS.c.target_id.in_(target_ids),
            FREEDOMS.name: FREEDOMS.c.agreement_id == agreement_id,
            FREEDOM_TARGETS.name: FREEDOM_TARGETS.c.freedom_id.in_(freedom_ids),
            MEETINGS.name: MEETINGS.c.agreement_ref == ref,
            IMPORT_BATCHES.name: IMPORT_BATCHES.c.agreement_ref == ref,
        }
        for child in MEETING_CHILDREN:
            where[child.name] = child.c.meeting_id.in_(meeting_ids)
        rows = {
            table.name: [
                dict(row)
                for row in self._session.execute(select(table).where(where[table.name])).mappings()
            ]
            for table in _ORDER
        }
        # Children first, though the cascades would do it: the meeting ids are needed above.
        for table in reversed(_ORDER):
            self._session.execute(delete(table).where(where[table.name]))
        return RemovedRows(ref, rows)

    def restore(self, removed: RemovedRows) -> None:
        """Insert the rows of a deletion again, with their ids; a table whose ids have been
        taken since (SQLite reuses the highest id once it is deleted) gets fresh ones, and
        the rows that refer to them follow."""
        new_ids: dict[str, dict[int, int]] = {}
        for table in _ORDER:
            rows = removed.rows.get(table.name, [])
            references = {c: parent for (t, c), parent in _REFERENCES.items() if t is table}
            if "id" in table.c and rows:
                new_ids[table.name] = self._free_ids(table, [r["id"] for r in rows])
            moved = [
                {
                    **row,
                    **{c: new_ids[p.name].get(row[c], row[c]) for c, p in references.items()},
                    **({"id": new_ids[table.name][row["id"]]} if table.name in new_ids else {}),
                }
                for row in rows
            ]
            if moved:
                self._session.execute(insert(table), moved)

    def _free_ids(self, table: Table, ids: list[int]) -> dict[int, int]:
        """old id → the id to insert with: the same, unless any of them is taken now."""
        taken = self._session.scalar(
            select(func.count()).select_from(table).where(table.c.id.in_(ids))
        )
        if not taken:
            return {i: i for i in ids}
        start = int(self._session.scalar(select(func.max(table.c.id))) or 0) + 1
        return {old: start + n for n, old in enumerate(ids)}

    def refs_with_history(self) -> set[str]:
        """Refs named by any audit row or round: an agreement that once had one (perhaps
        deleted) keeps its history under it, so a new agreement must not take it."""
        s = self._session
        refs = set(s.scalars(select(AUDIT_EVENTS.c.agreement_ref).distinct()))
        refs.update(s.scalars(select(ROUNDS.c.agreement_ref).distinct()))
        return refs

    def _id(self, ref: str) -> int:
        found = self._session.scalar(select(AGREEMENTS.c.id).where(AGREEMENTS.c.ref == ref))
        if found is None:
            raise NotFoundError(f"no agreement with ref {ref!r}")
        return int(found)
