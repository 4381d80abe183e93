"""`lpsa backup [OUT]`, `lpsa restore BACKUP`, `lpsa check`: the store file itself; and
`lpsa store copy FROM TO`: a whole store into a new one, across engines."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from lpsa_desktop.cli.store_access import open_store


def register(commands: Any) -> None:
    backup = commands.add_parser("backup", help="a checked copy of the store")
    backup.add_argument(
        "out", nargs="?", type=Path, metavar="OUT", help="where (default: the store's backups)"
    )
    backup.set_defaults(run=run_backup)
    restore = commands.add_parser(
        "restore", help="put a backup in place of the store (the current file is kept first)"
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP")
    restore.set_defaults(run=run_restore)
    check = commands.add_parser("check", help="check the store file for damage; list backups")
    check.set_defaults(run=run_check)
    store = commands.add_parser("store", help="the store as a whole")
    verbs = store.add_subparsers(dest="verb", metavar="VERB", required=True)
    copy = verbs.add_parser(
        "copy", help="copy a whole store into a new one (SQLite file or PostgreSQL database)"
    )
    copy.add_argument("source", metavar="FROM", help="a store file or database URL")
    copy.add_argument("target", metavar="TO", help="a new file, or an empty database's URL")
    copy.set_defaults(run=run_copy)


def run_backup(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.store_backups import back_up  # noqa: PLC0415

    print(f"Backed up to {back_up(open_store(args), args.out)} (checked)")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.store_backups import restore  # noqa: PLC0415
    from lpsa_desktop.storage.database import resolve_store_url, sqlite_file  # noqa: PLC0415

    target = sqlite_file(resolve_store_url(args.db))
    if target is None:
        print("lpsa: restore works on a SQLite store file")
        return 1
    kept = restore(target, args.backup)
    print(f"Restored {target} from {args.backup}")
    if kept != target:
        print(f"The file it replaced is kept as {kept}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.store_backups import check_store  # noqa: PLC0415
    from lpsa_desktop.storage.database import resolve_store_url, sqlite_file  # noqa: PLC0415

    target = sqlite_file(resolve_store_url(args.db))
    if target is None:
        print("lpsa: check works on a SQLite store file")
        return 1
    result = check_store(target)
    if result.ok:
        print(f"{target}: ok")
    else:
        print(f"{target}: damaged ({result.verdict}); `lpsa restore BACKUP` puts a backup back")
    for backup in result.backups:
        print(f"  backup {backup}")
    if not result.backups:
        print("  no backups yet (`lpsa backup` makes one)")
    return 0 if result.ok else 1


def run_copy(args: argparse.Namespace) -> int:
    from lpsa_desktop.errors import StoreError  # noqa: PLC0415
    from lpsa_desktop.storage.store import Store  # noqa: PLC0415
    from lpsa_desktop.storage.store_copy import copy_store, new_target  # noqa: PLC0415

    source = Store.open(args.source, create=False)
    try:
        target, made = new_target(args.target)
    except StoreError:
        source.close()
        raise
    try:
        report = copy_store(source, target)
    except BaseException:
        target.close()
        if made is not None:  # a file this command created: no half-made store left behind
            for leftover in (made, *(made.with_name(made.name + s) for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    target.close()
    counts = report.rows
    print(
        f"Copied {source} to {target}: {report.total} rows, read back and compared "
        f"({counts.get('agreements', 0)} agreements, {counts.get('rounds', 0)} rounds, "
        f"{counts.get('meetings', 0)} meetings, {counts.get('import_batches', 0)} imports, "
        f"{counts.get('audit_events', 0)} audit entries)"
    )
    return 0
