"""The store: one SQLite file or a PostgreSQL database (a SQLAlchemy URL), migrated on
open, checked on open."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from lpsa_desktop.errors import StoreDamagedError, StoreError, StoreMissingError
from lpsa_desktop.storage.access import StoreAccess, file_access, server_access
from lpsa_desktop.storage.agreement_listing import AgreementSummary, agreement_summaries
from lpsa_desktop.storage.change_watch import ChangeWatcher
from lpsa_desktop.storage.database import (
    create_store_engine,
    describe_database_error,
    masked_url,
    resolve_store_url,
    sqlite_file,
)
from lpsa_desktop.storage.engines import engine_kind, is_postgresql
from lpsa_desktop.storage.faults import damaged_message
from lpsa_desktop.storage.schema_level import SCHEMA_VERSION, found_version, use_wal

if TYPE_CHECKING:
    from lpsa_desktop.storage.unit_of_work import UnitOfWork


class Store:
    """``damaged`` holds the quick check's finding when the file is damaged: the store is
    then open for reading only (every write unit is refused with the way out)."""

    def __init__(self, url: str, *, create: bool = True, check: bool = True) -> None:
        self.url = url
        self.file: Path | None = sqlite_file(url)
        self.damaged: str | None = None
        self._access: StoreAccess | None = None
        if self.file is not None and not create and not self.file.exists():
            raise StoreMissingError(
                f"no store at {self.file} (`lpsa demo` or `lpsa new` creates one)"
            )
        self.engine = create_store_engine(url)
        try:
            self.upgraded_from = self._bring_to_current()
            if check:
                self.damaged = self.quick_check()
        except (DBAPIError, sqlite3.Error) as exc:
            self.engine.dispose()
            raise describe_database_error(url, exc) from exc
        except StoreDamagedError as exc:
            self.upgraded_from = None
            self.damaged = str(exc)
        except StoreError:
            self.engine.dispose()
            raise

    def _bring_to_current(self) -> int | None:
        """None when nothing was upgraded, else the version it was upgraded from. A store
        already at the current version (nearly every open) is only looked at: the ORM models
        and the migration steps are loaded only for a store to create or upgrade."""
        if found_version(self.engine) == SCHEMA_VERSION:
            use_wal(self.engine)
            return None
        from lpsa_desktop.storage.migrations import migrate  # noqa: PLC0415 - see above

        return migrate(self.engine, self.file)

    @classmethod
    def open(cls, location: str | None = None, *, create: bool = True) -> Store:
        """Open (creating and migrating as needed) the store named by ``--db``/``LPSA_DB``.
        ``create=False`` refuses a store that does not exist (commands that only read)."""
        return cls(resolve_store_url(location), create=create)

    def quick_check(self) -> str | None:
        """SQLite's ``quick_check`` (pages and their structure, not index contents): None
        when the file is sound, else its first finding."""
        with self.engine.connect() as connection:
            return engine_kind(self.engine).quick_check(connection)

    def unit_of_work(self, *, write: bool = False) -> UnitOfWork:
        if write and self.damaged is not None:
            raise StoreDamagedError(damaged_message(str(self)))
        from lpsa_desktop.storage.unit_of_work import UnitOfWork  # noqa: PLC0415 - the ORM

        return UnitOfWork(self.engine, self.url, write=write)

    def agreement_summaries(self) -> list[AgreementSummary]:
        """The agreements list, read with Core alone (no unit of work, no ORM)."""
        with self.engine.connect() as connection:
            return agreement_summaries(connection)

    def watcher(self) -> ChangeWatcher | None:
        """What tells a window that another writer committed (None: it cannot be told)."""
        return engine_kind(self.engine).watcher(self.engine, self.file)

    @property
    def access(self) -> StoreAccess:
        """What this login may do here (asked once, on first use: the window asks on its
        worker thread as it opens the store, and then reads the answer)."""
        if self._access is None:
            if self.on_server:
                with self.engine.connect() as connection:
                    self._access = server_access(connection)
            else:
                self._access = file_access(self.file)
        return self._access

    @property
    def on_server(self) -> bool:
        """A team store on a PostgreSQL server (not a file on this machine)."""
        return is_postgresql(self.engine)

    @property
    def short_name(self) -> str:
        """For a status bar: the file's name, or "DATABASE on HOST" for a server store."""
        if self.file is not None:
            return self.file.name
        url = make_url(self.url)
        host = url.host or str(url.query.get("host") or "") or "localhost"
        return f"{url.database} on {host}"

    def close(self) -> None:
        self.engine.dispose()

    def __str__(self) -> str:
        return str(self.file or masked_url(self.url))
