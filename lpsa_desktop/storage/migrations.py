"""Schema versions, stepped with ``PRAGMA user_version`` (the calibre way).

A new store is created at the current version. An older one is first copied aside
(``<name>.v<old>.<timestamp>.bak``, with SQLite's online backup so the copy is consistent),
then upgraded one step at a time inside a single transaction: a failure leaves the file as
it was. Every released schema has a fixture in ``tests/data/schemas/`` and a test that
migrates it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from lpsa_desktop.domain.priorities import SHARED_PRIORITIES
from lpsa_desktop.errors import StoreError
from lpsa_desktop.storage.migration_delivery import add_delivery_monitoring
from lpsa_desktop.storage.orm import SCHEMA_VERSION, Base
from lpsa_desktop.storage.orm_negotiation import ROUND_TRIGGERS  # also registers its tables

MigrationStep = Callable[[Connection], None]


def _add_import_batches(connection: Connection) -> None:
    """Version 2: the import batches of council returns (one per applied file)."""
    connection.exec_driver_sql(
        """CREATE TABLE import_batches (
	id INTEGER NOT NULL,
	agreement_ref VARCHAR NOT NULL,
	file_name VARCHAR NOT NULL,
	sha256 VARCHAR NOT NULL,
	imported_at DATETIME NOT NULL,
	officer VARCHAR NOT NULL,
	counts TEXT NOT NULL,
	before_json TEXT,
	after_json TEXT NOT NULL,
	reverted_at DATETIME,
	reverted_by VARCHAR,
	CONSTRAINT pk_import_batches PRIMARY KEY (id)
)"""
    )
    connection.exec_driver_sql(
        "CREATE INDEX ix_import_batches_agreement_ref ON import_batches (agreement_ref)"
    )
    connection.exec_driver_sql("CREATE INDEX ix_import_batches_sha256 ON import_batches (sha256)")


_V3_COLUMNS = (
    "ALTER TABLE agreements ADD COLUMN internal_notes TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE targets ADD COLUMN internal_notes TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE targets ADD COLUMN negotiation VARCHAR NOT NULL DEFAULT 'open'",
    "ALTER TABLE indicators ADD COLUMN negotiation VARCHAR NOT NULL DEFAULT 'open'",
    "ALTER TABLE freedoms ADD COLUMN internal_notes TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE freedoms ADD COLUMN negotiation VARCHAR NOT NULL DEFAULT 'open'",
)

_V3_TABLES = (
    """CREATE TABLE rounds (
	id INTEGER NOT NULL, agreement_ref VARCHAR NOT NULL, number INTEGER NOT NULL,
	name VARCHAR NOT NULL, party VARCHAR NOT NULL, held_on DATE NOT NULL,
	internal BOOLEAN NOT NULL, taken_at DATETIME NOT NULL, officer VARCHAR NOT NULL,
	source VARCHAR NOT NULL, snapshot TEXT NOT NULL,
	CONSTRAINT pk_rounds PRIMARY KEY (id),
	CONSTRAINT uq_rounds_agreement_ref UNIQUE (agreement_ref, number))""",
    "CREATE INDEX ix_rounds_agreement_ref ON rounds (agreement_ref)",
    """CREATE TABLE meetings (
	id INTEGER NOT NULL, agreement_ref VARCHAR NOT NULL, held_on DATE NOT NULL,
	place VARCHAR NOT NULL, status VARCHAR NOT NULL, round_number INTEGER,
	CONSTRAINT pk_meetings PRIMARY KEY (id))""",
    "CREATE INDEX ix_meetings_agreement_ref ON meetings (agreement_ref)",
    """CREATE TABLE meeting_attendees (
	name VARCHAR NOT NULL, organisation VARCHAR NOT NULL,
	meeting_id INTEGER NOT NULL, position INTEGER NOT NULL,
	CONSTRAINT pk_meeting_attendees PRIMARY KEY (meeting_id, position),
	CONSTRAINT fk_meeting_attendees_meeting_id_meetings FOREIGN KEY(meeting_id)
		REFERENCES meetings (id) ON DELETE CASCADE)""",
    """CREATE TABLE meeting_agenda (
	item VARCHAR NOT NULL, meeting_id INTEGER NOT NULL, position INTEGER NOT NULL,
	CONSTRAINT pk_meeting_agenda PRIMARY KEY (meeting_id, position),
	CONSTRAINT fk_meeting_agenda_meeting_id_meetings FOREIGN KEY(meeting_id)
		REFERENCES meetings (id) ON DELETE CASCADE)""",
    """CREATE TABLE meeting_decisions (
	item VARCHAR, text TEXT NOT NULL, recorded_at DATETIME NOT NULL,
	officer VARCHAR NOT NULL, internal BOOLEAN NOT NULL,
	meeting_id INTEGER NOT NULL, position INTEGER NOT NULL,
	CONSTRAINT pk_meeting_decisions PRIMARY KEY (meeting_id, position),
	CONSTRAINT fk_meeting_decisions_meeting_id_meetings FOREIGN KEY(meeting_id)
		REFERENCES meetings (id) ON DELETE CASCADE)""",
    """CREATE TABLE meeting_actions (
	item VARCHAR, text TEXT NOT NULL, owner VARCHAR NOT NULL, due DATE,
	done BOOLEAN NOT NULL, internal BOOLEAN NOT NULL,
	meeting_id INTEGER NOT NULL, position INTEGER NOT NULL,
	CONSTRAINT pk_meeting_actions PRIMARY KEY (meeting_id, position),
	CONSTRAINT fk_meeting_actions_meeting_id_meetings FOREIGN KEY(meeting_id)
		REFERENCES meetings (id) ON DELETE CASCADE)""",
)


def _add_negotiation_record(connection: Connection) -> None:
    """Version 3: internal notes and negotiation status on items; rounds (read-only, by
    trigger) and meetings with attendees, agenda, decisions and actions."""
    for statement in (*_V3_COLUMNS, *_V3_TABLES, *ROUND_TRIGGERS):
        connection.exec_driver_sql(statement)


# version N → the step that upgrades a store from N-1 to N. Version 1 is the first release.
STEPS: dict[int, MigrationStep] = {
    2: _add_import_batches,
    3: _add_negotiation_record,
    4: add_delivery_monitoring,
}


def schema_version(connection: Connection) -> int:
    return int(connection.exec_driver_sql("PRAGMA user_version").scalar_one())


def migrate(engine: Engine, file: Path | None) -> int | None:
    """Bring the store to SCHEMA_VERSION; returns the older version it was upgraded from,
    or None when nothing was upgraded (already current, or newly created)."""
    with engine.connect() as connection:
        found = schema_version(connection)
        has_tables = bool(inspect(connection).get_table_names())
    if found == SCHEMA_VERSION:
        return None
    if found > SCHEMA_VERSION:
        raise StoreError(
            f"the store {file or engine.url} was written by a newer LPSA Desk "
            f"(schema {found}, this program knows up to {SCHEMA_VERSION})"
        )
    if found == 0 and has_tables:
        raise StoreError(f"{file or engine.url} is a SQLite database but not an LPSA Desk store")
    if found == 0:
        _create_fresh(engine)
        return None
    if file is not None:
        backup_store(file, found)
    with engine.connect().execution_options(lpsa_write=True) as connection, connection.begin():
        for version in range(found + 1, SCHEMA_VERSION + 1):
            STEPS[version](connection)
        connection.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")
    return found


def _create_fresh(engine: Engine) -> None:
    with engine.connect().execution_options(lpsa_write=True) as connection, connection.begin():
        Base.metadata.create_all(connection)
        seed_priorities(connection)
        connection.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")


def seed_priorities(connection: Connection) -> None:
    for name in SHARED_PRIORITIES:
        connection.execute(
            text("INSERT OR IGNORE INTO priorities (name, shared) VALUES (:name, 1)"),
            {"name": name},
        )


def backup_store(file: Path, version: int) -> Path:
    """A consistent copy of the store beside it, made before any migration touches it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = file.with_name(f"{file.name}.v{version}.{stamp}.bak")
    with closing(sqlite3.connect(file)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    return target
