"""What differs between the two engines a store can live on, in one place.

``engine_kind(engine)`` gives the module for the engine's dialect: ``sqlite`` (a file on
one machine) or ``postgresql`` (a team's server). Each module offers the same functions:

- ``configure(engine, where)``: connection setup, the transaction rule (a write unit
  takes the store's write lock when it begins) and the fault hook (driver errors become
  typed StoreErrors in plain words);
- ``read_version`` / ``write_version``: the schema version (``PRAGMA user_version`` on
  SQLite, the one-row table ``lpsa_schema`` on PostgreSQL);
- ``ROUND_GUARDS``: the DDL that makes rounds read-only in the database itself;
- ``quick_check(connection)``: None when sound, else the first finding;
- ``watcher(engine)``: the live-refresh ChangeWatcher (``PRAGMA data_version`` /
  ``LISTEN``), or None;
- ``current_role(connection)``: the authenticated role for the audit trail (None on
  SQLite, which has no logins: the officer's declared name is used).

Nothing above ``storage`` asks which engine it is talking to.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from sqlalchemy import Connection, Engine

from lpsa_desktop.storage.change_watch import ChangeWatcher
from lpsa_desktop.storage.engines import postgresql, sqlite


class EngineKind(Protocol):
    @property
    def ROUND_GUARDS(self) -> Sequence[str]: ...

    def configure(self, engine: Engine, where: Path | str) -> None: ...

    def read_version(self, connection: Connection) -> int: ...

    def write_version(self, connection: Connection, version: int) -> None: ...

    def quick_check(self, connection: Connection) -> str | None: ...

    def watcher(self, engine: Engine, file: Path | None) -> ChangeWatcher | None: ...

    def current_role(self, connection: Connection) -> str | None: ...


_KINDS: dict[str, EngineKind] = {"sqlite": sqlite, "postgresql": postgresql}


def engine_kind(engine: Engine) -> EngineKind:
    return _KINDS.get(engine.dialect.name, sqlite)


def is_postgresql(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
