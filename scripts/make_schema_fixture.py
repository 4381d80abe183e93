"""Writes tests/data/schemas/vN.sql: a store at the current schema holding the demo
agreement, as a text dump. Run it once each time SCHEMA_VERSION goes up (the migration
tests then load every old schema, migrate it and compare):

    .venv/bin/python scripts/make_schema_fixture.py
"""

from __future__ import annotations

import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.storage.schema_level import SCHEMA_VERSION
from lpsa_desktop.storage.store import Store

FOLDER = Path(__file__).parents[1] / "tests" / "data" / "schemas"


def main() -> None:
    target = FOLDER / f"v{SCHEMA_VERSION}.sql"
    if target.exists():
        raise SystemExit(f"{target} exists: a released schema's fixture is never rewritten")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "store.sqlite"
        store = Store.open(str(path))
        add_demo_agreement(store, officer="Fixture Officer")
        store.close()
        with closing(sqlite3.connect(path)) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            lines = list(db.iterdump())
    header = (
        f"-- LPSA Desk store, schema version {SCHEMA_VERSION}, holding the demo agreement.\n"
        "-- Made by scripts/make_schema_fixture.py; tests load it, migrate it and check "
        "nothing was lost.\n"
        f"PRAGMA user_version={SCHEMA_VERSION};\n"
    )
    target.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
