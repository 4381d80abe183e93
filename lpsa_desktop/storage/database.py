"""Opening the store: where it lives (a SQLite file, or a PostgreSQL server's URL) and the
engine for it; what each engine needs (connection settings, the transaction rule, the
fault hook) is in ``storage/engines/``."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from lpsa_desktop.errors import StoreError
from lpsa_desktop.storage.engines import engine_kind, postgresql
from lpsa_desktop.storage.faults import store_fault

APP_NAME = "lpsa-desk"


def default_store_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "lpsa.sqlite"


def resolve_store_url(location: str | None) -> str:
    """``--db`` value → SQLAlchemy URL: an explicit URL, a file path, ``LPSA_DB``, or the default."""
    chosen = location or os.environ.get("LPSA_DB") or str(default_store_path())
    if "://" in chosen:
        try:
            parsed = make_url(chosen)
        except ArgumentError as exc:
            raise StoreError(f"{chosen!r} is not a database URL: {exc}") from exc
        if location and parsed.password is not None:
            # A command line is seen by every user of the machine (ps) and kept in shell
            # history: refuse it there, and say where a password belongs.
            raise StoreError(
                f"--db {parsed.render_as_string(hide_password=True)}: a password does not "
                f"belong on the command line; put it in ~/.pgpass (or the file PGPASSFILE "
                f"names), or use a service (PGSERVICE), and give the URL without it"
            )
        return chosen
    path = Path(chosen).expanduser().resolve()
    return f"sqlite:///{path}"


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL, or None (in-memory or another database)."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite") or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def create_store_engine(url: str) -> Engine:
    file = sqlite_file(url)
    if file is not None:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the store {file}: {exc}") from exc
    # hide_parameters: an error's text (logged, or shown) never carries the row's values.
    try:
        engine = create_engine(url, hide_parameters=True)
    except ImportError as exc:
        raise StoreError(f"no driver for the store {masked_url(url)}: {exc}") from exc
    engine_kind(engine).configure(engine, store_name(url))
    return engine


def masked_url(url: str) -> str:
    """The URL as it may be shown or logged: its password, if any, as ***."""
    return make_url(url).render_as_string(hide_password=True)


def store_name(url: str) -> Path | str:
    """How messages name the store: its file, or its URL with the password masked."""
    return sqlite_file(url) or masked_url(url)


def describe_database_error(url: str, exc: Exception) -> StoreError:
    """A plain-words StoreError for a driver error met while opening or writing the store."""
    if make_url(url).get_backend_name() == "postgresql":
        return postgresql.store_fault(store_name(url), exc)
    return store_fault(store_name(url), exc)
