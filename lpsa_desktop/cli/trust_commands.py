"""`lpsa trust add|list|remove`: the certificates `lpsa verify` and the window trust."""

# Imports inside the functions are deliberate: `lpsa list` must not pay for them.
# ruff: noqa: PLC0415

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from lpsa_desktop.cli.output import print_json
from lpsa_desktop.cli.store_access import open_store


def register(commands: Any) -> None:
    trust = commands.add_parser("trust", help="the signers' certificates you trust")
    verbs = trust.add_subparsers(dest="verb", metavar="VERB", required=True)
    add = verbs.add_parser("add", help="trust a signer's certificate (from `lpsa keygen`)")
    add.add_argument("certificate", metavar="CERT.pem", type=Path)
    add.set_defaults(run=run_add)
    listing = verbs.add_parser("list", help="the trusted certificates")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)
    remove = verbs.add_parser("remove", help="stop trusting a certificate")
    remove.add_argument("which", metavar="NAME", help="the holder's name, or the fingerprint")
    remove.set_defaults(run=run_remove)


def run_add(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.trust_list import add_trusted

    info, added = add_trusted(open_store(args, create=True), args.certificate)
    state = "Now trusting" if added else "Already trusted:"
    print(f"{state} {info.label}")
    print(f"Certificate SHA-256: {info.sha256}")
    print(f"Valid until {info.not_after:%d/%m/%Y}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.trust_list import list_trusted

    certificates = list_trusted(open_store(args))
    if args.json:
        print_json(
            [
                {
                    "name": c.name,
                    "organisation": c.organisation,
                    "sha256": c.sha256,
                    "not_after": c.not_after.date().isoformat(),
                }
                for c in certificates
            ]
        )
        return 0
    if not certificates:
        print("No trusted certificates (add one with `lpsa trust add CERT.pem`).")
    for c in certificates:
        print(f"{c.label}\n  SHA-256 {c.sha256}\n  valid until {c.not_after:%d/%m/%Y}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.trust_list import remove_trusted

    info = remove_trusted(open_store(args), args.which)
    print(f"No longer trusting {info.label} (SHA-256 {info.sha256})")
    return 0
