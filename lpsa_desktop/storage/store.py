"""The store: one SQLite file (or SQLAlchemy URL), migrated on open."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DBAPIError

from lpsa_desktop.storage.database import (
    create_store_engine,
    describe_database_error,
    resolve_store_url,
    sqlite_file,
)
from lpsa_desktop.storage.migrations import migrate
from lpsa_desktop.storage.unit_of_work import UnitOfWork


class Store:
    def __init__(self, url: str) -> None:
        self.url = url
        self.file: Path | None = sqlite_file(url)
        self.engine = create_store_engine(url)
        try:
            self.upgraded_from = migrate(self.engine, self.file)
        except DBAPIError as exc:
            self.engine.dispose()
            raise describe_database_error(url, exc) from exc

    @classmethod
    def open(cls, location: str | None = None) -> Store:
        """Open (creating and migrating as needed) the store named by ``--db``/``LPSA_DB``."""
        return cls(resolve_store_url(location))

    def unit_of_work(self, *, write: bool = False) -> UnitOfWork:
        return UnitOfWork(self.engine, self.url, write=write)

    def close(self) -> None:
        self.engine.dispose()

    def __str__(self) -> str:
        return str(self.file or self.url)
