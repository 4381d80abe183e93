"""Opening the store named by --db for one command.

Only the commands that make something may create a store: ``demo``, ``new``, ``import``
(which can add agreements), ``officer`` (setting the name), ``trust add`` and ``restore``. Every other command only
reads or edits what exists, and a mistyped --db gets "no store at PATH" instead of a new,
empty store and its folders.
"""

from __future__ import annotations

import argparse
import sys

from lpsa_desktop.services.store_backups import automatic_backup
from lpsa_desktop.storage.database import resolve_store_url, sqlite_file
from lpsa_desktop.storage.faults import damaged_message
from lpsa_desktop.storage.store import Store


def open_store(args: argparse.Namespace, *, create: bool = False) -> Store:
    existed = (file := sqlite_file(resolve_store_url(args.db))) is not None and file.exists()
    store = Store.open(args.db, create=create)
    if existed and store.upgraded_from is None:
        # The first open of the day backs the store up (checked, the newest N kept).
        automatic_backup(store, reason="daily")
    if store.upgraded_from is not None:
        # Said on stderr so that --json output stays clean.
        print(
            f"lpsa: upgraded the store from schema {store.upgraded_from}; "
            f"a backup of the old file is beside it",
            file=sys.stderr,
        )
    if store.damaged is not None:
        print(f"lpsa: {damaged_message(str(store))}", file=sys.stderr)
    return store
