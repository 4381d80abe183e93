"""`lpsa backup [OUT]`, `lpsa restore BACKUP`, `lpsa check`: the store file itself."""

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
