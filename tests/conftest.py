"""Shared fixtures: a fresh store in a temporary folder, and the demo agreement."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.services.demo import demo_agreement
from lpsa_desktop.storage.store import Store

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
def store(store_path: Path) -> Iterator[Store]:
    opened = Store.open(str(store_path))
    yield opened
    opened.close()


@pytest.fixture
def demo() -> Agreement:
    return demo_agreement()
