"""PostgreSQL: a team's store on a server, through psycopg 3.

The transaction rule is SQLite's, done the server's way: a write unit takes the store's
write lock as it begins (a transaction-level advisory lock, released by COMMIT or
ROLLBACK, even when the client dies), so writers queue exactly as BEGIN IMMEDIATE makes
them queue on SQLite and the conflict rule (read what is there, compare, write) sees
every earlier writer's commit. The wait is bounded like SQLite's busy timeout. A read
unit runs at REPEATABLE READ: one consistent snapshot, as SQLite's read transaction.

Every write unit also says ``NOTIFY lpsa_changes``: PostgreSQL delivers it only when
the transaction commits, so the other windows' watchers (LISTEN) hear of every commit,
and of nothing rolled back.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine import ExceptionContext

from lpsa_desktop.errors import (
    StoreBusyError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
    StoreUnreachableError,
)
from lpsa_desktop.storage.change_watch import ChangeWatcher
from lpsa_desktop.storage.engines.common import WRITE_OPTION
from lpsa_desktop.storage.faults import BUSY_SECONDS, NOTHING_CHANGED

CHANNEL = "lpsa_changes"
WRITE_LOCK_KEY = 0x4C505341  # 'LPSA': the one advisory lock all writers of a store take
APPLICATION_NAME = "lpsa-desk"

ROUND_GUARDS = (
    """CREATE OR REPLACE FUNCTION lpsa_rounds_read_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'rounds are read-only: take a new round instead';
    END IF;
    RAISE EXCEPTION 'rounds are kept: take a new round instead';
END $$""",
    "CREATE TRIGGER rounds_are_read_only BEFORE UPDATE OR DELETE ON rounds "
    "FOR EACH ROW EXECUTE FUNCTION lpsa_rounds_read_only()",
)

VERSION_TABLE = "lpsa_schema"


def configure(engine: Engine, where: Path | str) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Named in pg_stat_activity, so an administrator sees who holds the lock.
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET application_name = '{APPLICATION_NAME}'")
        dbapi_connection.commit()

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> BaseException | None:
        if _is_psycopg_error(context.original_exception):
            return store_fault(where, context.original_exception)
        return None

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        if connection.get_execution_options().get(WRITE_OPTION, False):
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{BUSY_SECONDS}s'")
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
            connection.exec_driver_sql(f"NOTIFY {CHANNEL}")
        else:
            connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")


def read_version(connection: Connection) -> int:
    exists = connection.exec_driver_sql(f"SELECT to_regclass('{VERSION_TABLE}')").scalar()
    if exists is None:
        return 0
    value = connection.exec_driver_sql(f"SELECT version FROM {VERSION_TABLE}").scalar()
    return int(value or 0)


def write_version(connection: Connection, version: int) -> None:
    connection.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)"
    )
    connection.exec_driver_sql(f"DELETE FROM {VERSION_TABLE}")
    connection.exec_driver_sql(f"INSERT INTO {VERSION_TABLE} (version) VALUES ({int(version)})")


def quick_check(_connection: Connection) -> str | None:
    """The server keeps its own pages sound (checksums, WAL); nothing to ask here."""
    return None


def watcher(engine: Engine, _file: Path | None) -> ChangeWatcher | None:
    return NotifyWatcher(engine)


def current_role(connection: Connection) -> str | None:
    return str(connection.exec_driver_sql("SELECT session_user").scalar_one())


class NotifyWatcher:
    """LISTEN on a connection of the watcher's own (taken out of the pool, autocommit);
    ``changed()`` drains what the server has delivered, without waiting."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection: Any = None
        self._listen()

    def _listen(self) -> None:
        raw = self._engine.raw_connection()
        connection: Any = raw.driver_connection
        raw.detach()  # the pool forgets it: LISTEN stays on this connection alone
        connection.rollback()
        connection.autocommit = True
        connection.execute(f"LISTEN {CHANNEL}")
        self._connection = connection

    def changed(self) -> bool:
        """A lost connection (the server restarted, the network dropped) is not a fault
        here: the watcher listens again as soon as the server answers, and then says
        "changed", since a commit may have gone by unheard; until then, "not changed"
        (the window's own next write reports the server gone, in words)."""
        if self._connection is None or self._connection.closed:
            return self._listen_again()
        try:
            moved = False
            for _notice in self._connection.notifies(timeout=0):
                moved = True
            return moved
        except Exception:  # any driver fault means: listen again
            self.close()
            return self._listen_again()

    def _listen_again(self) -> bool:
        try:
            self._listen()
        except Exception:  # still away: try at the next poll
            self._connection = None
            return False
        return True

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(Exception):
                self._connection.close()


def _is_psycopg_error(error: BaseException) -> bool:
    try:
        import psycopg  # noqa: PLC0415 - only a PostgreSQL store needs the driver
    except ImportError:
        return False
    return isinstance(getattr(error, "orig", None) or error, psycopg.Error)


def store_fault(where: Path | str, error: BaseException) -> StoreError:
    """The StoreError for a psycopg error met on the server store ``where``."""
    original: Any = getattr(error, "orig", None) or error
    state = getattr(original, "sqlstate", None) or ""
    diag = getattr(original, "diag", None)
    text = (getattr(diag, "message_primary", None) or str(original)).strip().splitlines()[0]
    if state in ("55P03", "40P01"):  # lock_not_available, deadlock_detected
        return StoreBusyError(
            f"the store {where} is busy: another writer kept it locked for more than "
            f"{BUSY_SECONDS} s; {NOTHING_CHANGED}, try again when it has finished"
        )
    if state == "42501":  # insufficient_privilege
        return StoreReadOnlyError(
            f"your role on the store {where} does not allow this change ({text}): an "
            f"administrator can change it (`lpsa server grant`); {NOTHING_CHANGED}"
        )
    if state == "25006":  # read_only_sql_transaction (a standby, or a read-only session)
        return StoreReadOnlyError(f"the store {where} is read-only here; {NOTHING_CHANGED}")
    if state.startswith("53"):  # insufficient_resources: disk full, out of memory
        return StoreFullError(f"the server of the store {where} is out of room; {NOTHING_CHANGED}")
    if state.startswith("08") or state in ("57P01", "57P02", "57P03") or not state:
        # connection_exception, admin_shutdown, crash_shutdown, cannot_connect_now; no
        # sqlstate at all: the client could not reach the server.
        return StoreUnreachableError(
            f"the server of the store {where} cannot be reached or went away ({text}); "
            f"{NOTHING_CHANGED}: check the network and try again"
        )
    return StoreError(f"the store {where} could not be used: {text}")
