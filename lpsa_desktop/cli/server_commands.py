"""`lpsa server init|grant|revoke|roles`: the team's roles on a PostgreSQL store.

Run by the server's administrator (a login with CREATEROLE that owns the store's tables).
What each role may do is in ``storage/server_roles.py`` and docs/postgresql.md.
"""

# Imports inside the functions are deliberate: `lpsa list` must not pay for them.
# ruff: noqa: PLC0415

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import Any

from lpsa_desktop.cli.output import print_json
from lpsa_desktop.cli.store_access import open_store
from lpsa_desktop.errors import ServerRoleError

ROLE_WORDS = ("reader", "editor", "administrator")


def register(commands: Any) -> None:
    server = commands.add_parser("server", help="a team store's roles on PostgreSQL")
    verbs = server.add_subparsers(dest="verb", metavar="VERB", required=True)
    init = verbs.add_parser(
        "init", help="create the reader, editor and administrator roles and grant them"
    )
    init.set_defaults(run=run_init)
    grant = verbs.add_parser("grant", help="give a login one of the three roles")
    grant.add_argument("login", metavar="LOGIN")
    grant.add_argument("--as", dest="role", choices=ROLE_WORDS, required=True, metavar="ROLE")
    secret = grant.add_mutually_exclusive_group()
    secret.add_argument(
        "--password", action="store_true", help="set the login's password (asked twice)"
    )
    secret.add_argument(
        "--password-file", type=Path, metavar="FILE", help="set it from FILE's first line"
    )
    grant.set_defaults(run=run_grant)
    revoke = verbs.add_parser("revoke", help="take a login's lpsa role away (the login stays)")
    revoke.add_argument("login", metavar="LOGIN")
    revoke.set_defaults(run=run_revoke)
    roles = verbs.add_parser("roles", help="who has which role, and what yours allows")
    roles.add_argument("--json", action="store_true", help="print JSON")
    roles.set_defaults(run=run_roles)


def run_init(args: argparse.Namespace) -> int:
    from lpsa_desktop.storage import server_roles

    store = open_store(args, create=True)
    made = server_roles.initialise(store)
    print(f"Roles on {store}: " + ", ".join(server_roles.ROLES.values()))
    print(f"Created: {', '.join(made)}" if made else "They existed already; grants renewed")
    print("Give a login a role with `lpsa server grant LOGIN --as reader|editor|administrator`")
    return 0


def run_grant(args: argparse.Namespace) -> int:
    from lpsa_desktop.storage import server_roles

    password = _password(args)
    store = open_store(args)
    created = server_roles.grant(store, args.login, args.role, password)
    made = "Created the login" if created else "The login"
    print(f"{made} {args.login}: {args.role} ({server_roles.ROLES[args.role]}) on {store}")
    if created and password is None:
        print("It has no password yet: `--password`, or the server's own authentication")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    from lpsa_desktop.storage import server_roles

    store = open_store(args)
    server_roles.revoke(store, args.login)
    print(f"{args.login} has no lpsa role on {store} now (the login itself is kept)")
    return 0


def run_roles(args: argparse.Namespace) -> int:
    from lpsa_desktop.storage import server_roles

    store = open_store(args)
    members = server_roles.team(store)
    access = store.access
    if args.json:
        print_json(
            {
                "you": {"login": access.role, "may": access.level.value},
                "members": [{"login": m.login, "role": m.role} for m in members],
            }
        )
        return 0
    print(f"You: {access.describe()}")
    for member in members:
        print(f"  {member.login:<24} {member.role}")
    if not members:
        print("  nobody has an lpsa role yet (`lpsa server grant LOGIN --as ROLE`)")
    return 0


def _password(args: argparse.Namespace) -> str | None:
    if args.password_file is not None:
        try:
            lines: list[str] = args.password_file.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ServerRoleError(
                f"cannot read the password file {args.password_file}: {exc}"
            ) from exc
        if not lines or not lines[0]:
            raise ServerRoleError(f"the password file {args.password_file} is empty")
        return lines[0]
    if not args.password:
        return None
    try:
        typed = getpass.getpass(f"Password for {args.login}: ")
        if getpass.getpass("Type it again: ") != typed:
            raise ServerRoleError("the two passwords typed do not match; nothing was changed")
    except EOFError:
        raise ServerRoleError(
            "no password given (use --password-file when not at a terminal)"
        ) from None
    if not typed:
        raise ServerRoleError("no password given; nothing was changed")
    return typed
