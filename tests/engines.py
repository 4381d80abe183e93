"""Both engines for the tests: a fresh store on SQLite (a file) or on PostgreSQL (a new
database made from a migrated template: CREATE DATABASE … TEMPLATE copies files, ~0.1 s).

A module opts in with ``pytestmark = pytest.mark.both_engines``; its tests that take the
``store`` (or ``store_location``) fixture then run once per engine, except those marked
``sqlite_only`` (they look inside the file). The server is the one ``scripts/
test-postgres.sh`` starts (``LPSA_TEST_PG_URL``). Without one, the PostgreSQL cases FAIL
in CI (CI is set) and are skipped, saying why, on a developer's machine.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    from lpsa_desktop.storage.store import Store

ENGINES = ("sqlite", "postgresql")
TEMPLATE = "lpsa_template"
_counter = itertools.count()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine_name" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("both_engines") is None:
        return
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        return
    metafunc.parametrize("engine_name", ENGINES)


def server_url(database: str = "postgres") -> str:
    url = os.environ.get("LPSA_TEST_PG_URL")
    if not url:
        reason = (
            "no PostgreSQL test server: LPSA_TEST_PG_URL is unset "
            "(scripts/run-tests.sh starts one; apt-get install postgresql)"
        )
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return make_url(url).set(database=database).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_template() -> str:
    """A database migrated to the current schema, copied for every test."""
    from lpsa_desktop.storage.store import Store  # noqa: PLC0415

    admin = create_engine(server_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
        connection.exec_driver_sql(f"CREATE DATABASE {TEMPLATE}")
    Store(server_url(TEMPLATE)).close()
    admin.dispose()
    return TEMPLATE


@pytest.fixture
def pg_database(pg_template: str) -> Iterator[str]:
    """The URL of a new database holding an empty, current store."""
    name = f"lpsa_test_{os.getpid()}_{next(_counter)}"
    # pre_ping: a test may have killed and restarted the server since the CREATE.
    admin = create_engine(server_url(), isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    try:
        yield server_url(name)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


@pytest.fixture
def engine_name() -> str:
    return "sqlite"


def recorded_officer(location: str, officer: str) -> str:
    """The officer the audit trail records: on PostgreSQL the server's role (session_user,
    here the test server's login), on SQLite the name given."""
    if location.startswith("postgresql"):
        return str(make_url(location).username)
    return officer


def recorded_by(store: Store, officer: str) -> str:
    """``recorded_officer`` for an open store."""
    return recorded_officer(store.engine.url.render_as_string(hide_password=True), officer)


class ServerControl:
    """Stopping the test server as a crash would (``pg_ctl stop -m immediate``) and
    starting it again: for the tests of a server that goes away mid-work. The cluster is
    the one ``scripts/test-postgres.sh`` made (``LPSA_PG_DIR``, ``LPSA_PG_BINDIR``)."""

    def __init__(self, folder: str, bindir: str) -> None:
        self.data = str(Path(folder) / "data")
        self.log = str(Path(folder) / "server.log")
        self.bindir = Path(bindir)
        self.running = True

    def _pg_ctl(self, *args: str) -> None:
        import subprocess  # noqa: PLC0415

        command = [str(self.bindir / "pg_ctl"), "-D", self.data, *args]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root: as its own user
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def kill(self) -> None:
        self._pg_ctl("-m", "immediate", "stop")
        self.running = False

    def start(self) -> None:
        self._pg_ctl("-w", "-l", self.log, "start")
        self.running = True


@pytest.fixture
def pg_server(pg_database: str) -> Iterator[ServerControl]:
    """The test server, which the test may kill; running again afterwards whatever happens."""
    folder, bindir = os.environ.get("LPSA_PG_DIR"), os.environ.get("LPSA_PG_BINDIR")
    if not folder or not bindir:
        reason = "the test server's folder is unknown (LPSA_PG_DIR, LPSA_PG_BINDIR unset)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    control = ServerControl(folder, bindir)
    try:
        yield control
    finally:
        if not control.running:
            control.start()
