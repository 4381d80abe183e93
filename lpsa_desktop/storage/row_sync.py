"""Bringing the rows of one child table in line with what they should hold, in as few
statements as possible: one executemany INSERT for the new rows, one executemany UPDATE per
set of changed columns (usually one: a return changes the same columns everywhere), one
executemany DELETE. Rows are matched by a key (a ref), so that kept rows keep their ids.

A column counts as changed when its stored value differs by ``==`` from the new one, as
the ORM judged it (its ``compare_values``): Decimal('1.0') and Decimal('1') are the same.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, update
from sqlalchemy.orm import Session

_ID = "row_id"
"""The bound name of a row's id in executemany UPDATE and DELETE (not a column name)."""


@dataclass
class RowChanges:
    """What a table needs: new rows, changed columns of kept rows by id, ids to delete."""

    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: dict[frozenset[str], list[dict[str, Any]]] = field(default_factory=dict)
    deletes: list[int] = field(default_factory=list)

    def compare(self, stored: Mapping[Any, Any], wanted: dict[str, Any]) -> None:
        """A kept row: note the columns of ``wanted`` whose stored value differs."""
        changed = {
            name: value
            for name, value in wanted.items()
            if not _same(stored[name], value)  # Decimal('1.0') == Decimal('1'), as the ORM
        }
        if changed:
            changed[_ID] = stored["id"]
            self.updates.setdefault(frozenset(changed), []).append(changed)

    def match(
        self,
        stored: Mapping[Any, Mapping[Any, Any]],
        wanted: Iterable[tuple[Hashable, dict[str, Any]]],
    ) -> None:
        """Rows ``wanted`` (key, columns), matched by key to ``stored`` (key → row with an
        id): kept rows compared, new ones inserted, the rest deleted."""
        left = dict(stored)
        for key, columns in wanted:
            row = left.pop(key, None)
            if row is None:
                self.inserts.append(columns)
            else:
                self.compare(row, columns)
        self.deletes.extend(row["id"] for row in left.values())

    def write_inserts(self, session: Session, table: Table) -> None:
        if self.inserts:
            session.execute(insert(table), [with_defaults(table, row) for row in self.inserts])

    def write_updates_and_deletes(self, session: Session, table: Table) -> None:
        for rows in self.updates.values():
            session.execute(update(table).where(table.c.id == bindparam(_ID)), rows)
        if self.deletes:
            session.execute(
                delete(table).where(table.c.id == bindparam(_ID)),
                [{_ID: row_id} for row_id in self.deletes],
            )


def with_defaults(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """A new row as the ORM inserted it: a column left None gets the column's default
    (the ORM leaves None out of an INSERT), so that, say, notes read as 'to be confirmed'
    are stored as '' rather than refused by NOT NULL. (An UPDATE to None is written as
    NULL, as by the ORM.)"""
    for name, default in _defaults(table).items():
        if row.get(name, default) is None:
            row[name] = default
    return row


def _defaults(table: Table) -> dict[str, Any]:
    found = _DEFAULTS.get(table.name)
    if found is None:
        found = _DEFAULTS[table.name] = {
            column.name: column.default.arg  # type: ignore[attr-defined]
            for column in table.columns
            if column.default is not None and column.default.is_scalar
        }
    return found


_DEFAULTS: dict[str, dict[str, Any]] = {}


def _same(stored: Any, wanted: Any) -> bool:
    if stored is None or wanted is None:
        return stored is wanted
    return bool(stored == wanted)
