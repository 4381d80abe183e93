"""Shared fixtures: a fresh store in a temporary folder, and the demo agreement."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.services.demo import demo_agreement
from lpsa_desktop.storage.store import Store
from tests.engines import (
    engine_name,
    pg_database,
    pg_server,
    pg_template,
    pytest_generate_tests,
)
from tests.server_team import team

__all__ = [
    "engine_name",
    "pg_database",
    "pg_server",
    "pg_template",
    "pytest_generate_tests",
    "team",
]

OFFICER = "Test Officer"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's store, settings or logs."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("LPSA_DB", raising=False)
    monkeypatch.setenv("LPSA_OFFICER", OFFICER)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"


@pytest.fixture
def store_location(engine_name: str, request: pytest.FixtureRequest) -> str:
    """What ``--db`` names: the SQLite file, or a fresh PostgreSQL database's URL."""
    if engine_name == "postgresql":
        return str(request.getfixturevalue("pg_database"))
    return str(request.getfixturevalue("store_path"))


@pytest.fixture
def store(store_location: str) -> Iterator[Store]:
    opened = Store.open(store_location)
    yield opened
    opened.close()


@pytest.fixture
def demo() -> Agreement:
    return demo_agreement()
