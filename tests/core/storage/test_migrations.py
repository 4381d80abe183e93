"""Every released schema (a dump in tests/data/schemas/) opens, is backed up and migrated,
and loses nothing."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.services.agreement_queries import list_agreements, load_agreement
from lpsa_desktop.services.demo import demo_agreement
from lpsa_desktop.storage.schema_level import SCHEMA_VERSION
from lpsa_desktop.storage.store import Store

SCHEMAS = sorted((Path(__file__).parents[2] / "data" / "schemas").glob("v*.sql"))


def _load(dump: Path, target: Path) -> int:
    with sqlite3.connect(target) as db:
        db.executescript(dump.read_text())
        return int(db.execute("PRAGMA user_version").fetchone()[0])


def _columns(path: Path) -> dict[str, set[str]]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        inspector = inspect(engine)
        return {
            t: {c["name"] for c in inspector.get_columns(t)} for t in inspector.get_table_names()
        }
    finally:
        engine.dispose()


def test_there_is_a_fixture_for_every_released_schema() -> None:
    versions = {int(p.stem[1:]) for p in SCHEMAS}
    assert versions == set(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("dump", SCHEMAS, ids=[p.stem for p in SCHEMAS])
def test_an_old_store_is_migrated_without_loss(dump: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    version = _load(dump, path)
    store = Store.open(str(path))
    try:
        assert [s.ref for s in list_agreements(store)] == ["bath-ne-somerset-lpsa1"]
        # Fields added since that schema take their defaults; everything else is kept.
        assert load_agreement(store, "bath-ne-somerset-lpsa1") == _as_of(demo_agreement(), version)
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA user_version").scalar() == SCHEMA_VERSION
    finally:
        store.close()
    backups = list(tmp_path.glob("old.sqlite.v*.bak"))
    if version < SCHEMA_VERSION:
        assert store.upgraded_from == version
        assert len(backups) == 1 and _load_version(backups[0]) == version
    else:
        assert store.upgraded_from is None and backups == []
    fresh = tmp_path / "fresh.sqlite"
    Store.open(str(fresh)).close()
    assert _columns(path) == _columns(fresh)


def _as_of(agreement: Agreement, version: int) -> Agreement:
    """The demo as a store of ``version`` held it: internal notes came in version 3, and
    until then the reserve target's note was an ordinary note."""
    if version >= 3:
        return agreement
    targets = tuple(
        dataclasses.replace(t, notes=t.notes or t.internal_notes, internal_notes="")
        for t in agreement.targets
    )
    return dataclasses.replace(agreement, internal_notes="", targets=targets)


def _load_version(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
