"""Schema versions, stepped with ``PRAGMA user_version`` (the calibre way) on SQLite and a
one-row ``lpsa_schema`` table on PostgreSQL (``storage/engines/``).

A new store is created at the current version. An older one is first copied aside
(``<name>.v<old>.<timestamp>.bak``, with SQLite's online backup so the copy is consistent),
then upgraded one step at a time inside a single transaction: a failure leaves the file as
it was. Every released schema has a fixture in ``tests/data/schemas/`` and a test that
migrates it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, inspect, select

from lpsa_desktop.domain.priorities import SHARED_PRIORITIES
from lpsa_desktop.errors import NewerStoreError, NotAStoreError
from lpsa_desktop.storage.audit_guard import add_audit_guard
from lpsa_desktop.storage.backups import copy_store
from lpsa_desktop.storage.engines import EngineKind, engine_kind
from lpsa_desktop.storage.migration_delivery import add_delivery_monitoring
from lpsa_desktop.storage.orm import Base
from lpsa_desktop.storage.orm_exchange import ExchangedStateRow  # registers its table
from lpsa_desktop.storage.orm_negotiation import ROUND_TRIGGERS  # also registers its tables
from lpsa_desktop.storage.schema_level import SCHEMA_VERSION, use_wal
from lpsa_desktop.storage.server_roles import apply_grants, roles_exist
from lpsa_desktop.storage.tables import PRIORITIES

MigrationStep = Callable[[Connection], None]


def _add_import_batches(connection: Connection) -> None:
    """Version 2: the import batches of council returns (one per applied file)."""
    if _on_postgresql(connection):
        _create_tables(connection, "import_batches")
        return
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
    if _on_postgresql(connection):
        for statement in _V3_COLUMNS:
            connection.exec_driver_sql(statement)
        _create_tables(connection, *_V3_TABLE_NAMES)  # the rounds' guards come with theirs
        return
    for statement in (*_V3_COLUMNS, *_V3_TABLES, *ROUND_TRIGGERS):
        connection.exec_driver_sql(statement)


def _add_exchanged_states(connection: Connection) -> None:
    """Version 4: the agreement states exchanged with other laptops (merge bases)."""
    ExchangedStateRow.__table__.create(connection)  # type: ignore[attr-defined]


_V3_TABLE_NAMES = (
    "rounds",
    "meetings",
    "meeting_attendees",
    "meeting_agenda",
    "meeting_decisions",
    "meeting_actions",
)


def _on_postgresql(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def _create_tables(connection: Connection, *names: str) -> None:
    """PostgreSQL's steps create new tables from the one definition (the models): the
    SQLite steps' DDL is kept as released, byte for byte, for SQLite's schema dumps; on
    PostgreSQL the models' DDL (SERIAL keys, TIMESTAMP) is the right text of the same
    tables. The models only ever grow, so a table's current definition is the one its
    step introduced plus what later steps add (a later step must then add to it with
    ALTER only if the column is not already there)."""
    for name in names:
        Base.metadata.tables[name].create(connection)


# version N → the step that upgrades a store from N-1 to N. Version 1 is the first release.
STEPS: dict[int, MigrationStep] = {
    2: _add_import_batches,
    3: _add_negotiation_record,
    4: _add_exchanged_states,
    5: add_delivery_monitoring,
    6: add_audit_guard,
}


def schema_version(connection: Connection) -> int:
    return engine_kind_of(connection).read_version(connection)


def engine_kind_of(connection: Connection) -> EngineKind:
    return engine_kind(connection.engine)


def migrate(engine: Engine, file: Path | None) -> int | None:
    """Bring the store to SCHEMA_VERSION; returns the older version it was upgraded from,
    or None when nothing was upgraded (already current, or newly created).

    The first look only reads, so a file that is refused (another program's database, a
    newer store) is left byte for byte as it was. Creating or upgrading happens under the
    write lock (BEGIN IMMEDIATE) and looks again there: of two programs opening one old
    store at once, the second finds it already upgraded and does nothing.
    """
    with engine.connect() as connection:
        found = schema_version(connection)
        has_tables = bool(inspect(connection).get_table_names())
    _refuse_unknown(engine, file, found, has_tables)
    if found == SCHEMA_VERSION:
        _use_wal(engine)
        return None
    if found > 0:
        _use_wal(engine)  # recognised as ours (an older schema): WAL before the lock
    with engine.connect().execution_options(lpsa_write=True) as connection, connection.begin():
        found = schema_version(connection)
        has_tables = bool(inspect(connection).get_table_names())
        _refuse_unknown(engine, file, found, has_tables)
        if found == SCHEMA_VERSION:
            return None  # another program upgraded or created it while we waited
        if found == 0:
            Base.metadata.create_all(connection)
            seed_priorities(connection)
            engine_kind_of(connection).write_version(connection, SCHEMA_VERSION)
        else:
            if file is not None:
                # Readers may still read while we hold the write lock: the copy is made
                # now, complete and checked, before the first step changes anything.
                backup_store(file, found)
            for version in range(found + 1, SCHEMA_VERSION + 1):
                STEPS[version](connection)
            engine_kind_of(connection).write_version(connection, SCHEMA_VERSION)
            if connection.dialect.name == "postgresql" and roles_exist(connection):
                apply_grants(connection)  # a table this version added gets the team's GRANTs
    _use_wal(engine)
    return found or None


def _refuse_unknown(engine: Engine, file: Path | None, found: int, has_tables: bool) -> None:
    if found > SCHEMA_VERSION:
        raise NewerStoreError(
            f"the store {file or engine.url} was written by a newer LPSA Desk "
            f"(schema {found}, this program knows up to {SCHEMA_VERSION}); it was not changed"
        )
    if found == 0 and has_tables:
        raise NotAStoreError(
            f"{file or engine.url} is a {_ENGINE_NAMES.get(engine.dialect.name, 'SQL')} "
            f"database but not an LPSA Desk store; "
            f"it was not changed"
        )


def _use_wal(engine: Engine) -> None:
    use_wal(engine)


_ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def seed_priorities(connection: Connection) -> None:
    present = set(connection.execute(select(PRIORITIES.c.name)).scalars())
    missing = [{"name": n, "shared": True} for n in SHARED_PRIORITIES if n not in present]
    if missing:
        connection.execute(insert(PRIORITIES), missing)


def backup_store(file: Path, version: int) -> Path:
    """A consistent, checked copy of the store beside it, made before any migration
    touches it (``<name>.v<old>.<timestamp>.bak``); a failed copy is removed."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = file.with_name(f"{file.name}.v{version}.{stamp}.bak")
    copy_store(file, target)
    return target
