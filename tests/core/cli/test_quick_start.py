"""Each command imports only what it uses: `lpsa list` loads neither the workbook, PDF and
signing libraries nor the importer or the services of other commands (checked in a fresh
process by what it loaded, not by timing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.storage.store import Store

HEAVY = ("openpyxl", "reportlab", "pyhanko", "python_calamine", "docx", "PySide6")
PROBE = """
import json, sys
from lpsa_desktop.cli.main import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def loaded_by(*args: str) -> tuple[int, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True
    )
    found = json.loads(done.stdout.splitlines()[-1])
    return found["code"], found["modules"]


def test_lpsa_list_imports_only_what_listing_uses(store_path: Path) -> None:
    store = Store.open(str(store_path))
    add_demo_agreement(store, officer="Test Officer")
    store.close()
    code, modules = loaded_by("--db", str(store_path), "list")
    assert code == 0
    heavy = [m for m in modules if m.split(".")[0] in HEAVY]
    assert heavy == []
    assert not [
        m for m in modules if m.startswith(("lpsa_desktop.importing", "lpsa_desktop.exporting"))
    ]
    # The first open of the day made the daily backup (it reads the store's settings with
    # the ORM); every later listing that day is the quick one.
    code, modules = loaded_by("--db", str(store_path), "list")
    assert code == 0
    # A store at the current schema is only looked at: neither the ORM nor its models
    # nor the migration steps are loaded (they are for creating and upgrading).
    assert "sqlalchemy.orm" not in modules
    assert not [m for m in modules if m.startswith("lpsa_desktop.storage.orm")]
    assert "lpsa_desktop.storage.migrations" not in modules
    services = sorted(m for m in modules if m.startswith("lpsa_desktop.services."))
    # Listing, and the daily backup every open of an existing store checks for.
    assert services == [
        "lpsa_desktop.services.agreement_queries",
        "lpsa_desktop.services.store_backups",
    ]


def test_the_import_command_still_finds_what_it_uses(store_path: Path, tmp_path: Path) -> None:
    Store.open(str(store_path)).close()  # `lpsa imports` reads a store; it never makes one
    code, modules = loaded_by("--db", str(store_path), "imports")
    assert code == 0
    assert "lpsa_desktop.services.import_batches" in modules
    assert "openpyxl" not in modules
