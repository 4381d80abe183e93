"""Opening the store named by --db for one command."""

from __future__ import annotations

import argparse
import sys

from lpsa_desktop.storage.store import Store


def open_store(args: argparse.Namespace) -> Store:
    store = Store.open(args.db)
    if store.upgraded_from is not None:
        # Said on stderr so that --json output stays clean.
        print(
            f"lpsa: upgraded the store from schema {store.upgraded_from}; "
            f"a backup of the old file is beside it",
            file=sys.stderr,
        )
    return store
