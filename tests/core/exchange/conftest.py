"""Two laptops: A (the council's officer) made the agreement; B received it once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.storage.store import Store
from tests.core.exchange.helpers import receive, send


@pytest.fixture
def laptop_a(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(str(tmp_path / "a.sqlite"))
    add_demo_agreement(store, officer="Alice")
    yield store
    store.close()


@pytest.fixture
def laptop_b(store: Store) -> Store:
    """The other side: a laptop's file, or (in modules marked ``both_engines``) the team's
    PostgreSQL store that a laptop brings its meeting's changes back to."""
    return store


@pytest.fixture
def exchanged(laptop_a: Store, laptop_b: Store, tmp_path: Path) -> tuple[Store, Store]:
    """A sent the agreement to B, who merged it (a first exchange: it was added)."""
    receive(laptop_b, send(laptop_a, tmp_path, "first.lpsa", "Alice"), "Bob")
    return laptop_a, laptop_b
