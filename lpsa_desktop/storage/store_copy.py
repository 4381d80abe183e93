"""Copying a whole store to another, exactly: SQLite → PostgreSQL and back (or file to
file, server to server), every table row for row with its ids, so that rounds, meetings,
imports, exchanged states, outturns and the audit trail arrive as they were.

The target must be a store with nothing in it (a new file, an empty database, or a store
just created and never used); it is given the current schema first. The copy is one write
transaction on the target: it is read back and compared, row for row, with the source
before it commits, so a target is either an exact copy or exactly as it was.

On PostgreSQL the audit trail's trigger sets each entry's officer to the login writing it
(``audit_guard``); copying is not writing new entries, so the trigger is disabled inside
the copy's own transaction (only the store's owner may, and ALTER TABLE locks the table
until the copy commits) and so the copied entries keep the officers who made them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select

from lpsa_desktop.errors import StoreError
from lpsa_desktop.storage import migrations  # noqa: F401 - registers every model's table
from lpsa_desktop.storage.engines.common import WRITE_OPTION
from lpsa_desktop.storage.orm import Base
from lpsa_desktop.storage.store import Store

BATCH = 1000
SEEDED = ("priorities",)  # what a new store is given: replaced by the source's own rows
AUDIT_TRIGGER = "audit_officer_is_the_role"


@dataclass(frozen=True)
class CopyReport:
    rows: dict[str, int]  # table → rows copied, in the order they were copied

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def tables() -> list[Table]:
    """Every table of the store, each after the tables it refers to."""
    return list(Base.metadata.sorted_tables)


def copy_store(source: Store, target: Store) -> CopyReport:
    """Copy every row of ``source`` into the empty store ``target``; StoreError when the
    target holds anything, or when the copy read back differs (nothing is then kept)."""
    if source.url == target.url:
        raise StoreError(f"the store {source} cannot be copied onto itself")
    with source.engine.connect() as reading, reading.begin():  # one snapshot of it all
        rows = {table.name: table_rows(reading, table) for table in tables()}
    writer = target.engine.execution_options(**{WRITE_OPTION: True})
    with writer.connect() as writing, writing.begin():
        _refuse_unless_empty(writing, target)
        on_server = writing.dialect.name == "postgresql"
        if on_server:
            writing.exec_driver_sql(f"ALTER TABLE audit_events DISABLE TRIGGER {AUDIT_TRIGGER}")
        for name in SEEDED:
            writing.execute(delete(Base.metadata.tables[name]))
        for table in tables():
            for batch in _batches(rows[table.name]):
                writing.execute(insert(table), batch)
        if on_server:
            writing.exec_driver_sql(f"ALTER TABLE audit_events ENABLE TRIGGER {AUDIT_TRIGGER}")
            _move_sequences_past_the_copied_ids(writing)
        for table in tables():
            if table_rows(writing, table) != rows[table.name]:
                raise StoreError(
                    f"the copy of the table {table.name} into {target} did not read back "
                    f"as it was in {source}; nothing was kept in {target}"
                )
    return CopyReport({table.name: len(rows[table.name]) for table in tables()})


def table_rows(connection: Connection, table: Table) -> list[dict[str, Any]]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = connection.execute(select(table).order_by(*order))
    return [dict(row._mapping) for row in result]


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


def _refuse_unless_empty(connection: Connection, target: Store) -> None:
    held = {
        table.name: count
        for table in tables()
        if table.name not in SEEDED
        and (count := int(connection.execute(select(func.count()).select_from(table)).scalar_one()))
    }
    if held:
        what = ", ".join(f"{n} row(s) in {t}" for t, n in sorted(held.items()))
        raise StoreError(
            f"the store {target} is not empty ({what}): a copy goes into a new file or an "
            f"empty database only, so that nothing there is overwritten; nothing was changed"
        )


def _move_sequences_past_the_copied_ids(connection: Connection) -> None:
    """The ids were copied as they were: each table's id sequence must start after them."""
    for table in tables():
        for column in table.primary_key.columns:
            sequence = connection.exec_driver_sql(
                "SELECT pg_get_serial_sequence(%(t)s, %(c)s)", {"t": table.name, "c": column.name}
            ).scalar()
            if sequence is None:
                continue
            connection.exec_driver_sql(
                f"SELECT setval(%(s)s, COALESCE((SELECT max({column.name}) FROM {table.name}), 1), "
                f"(SELECT max({column.name}) FROM {table.name}) IS NOT NULL)",
                {"s": sequence},
            )


def new_target(location: str) -> tuple[Store, Path | None]:
    """The target store, created with the current schema; and the file made for it, if
    it is a SQLite file that did not exist (removed again when the copy fails)."""
    from lpsa_desktop.storage.database import resolve_store_url, sqlite_file  # noqa: PLC0415

    url = resolve_store_url(location)
    file = sqlite_file(url)
    made = file if file is not None and not file.exists() else None
    return Store(url), made
