"""`lpsa export`, `keygen`, `sign`, `verify`: the agreement as a signed document.

reportlab (~0.12 s) and pyHanko (~0.5 s) are imported inside the run functions, so that
`lpsa list` and the other commands never pay for them.
"""

# Imports inside the functions are deliberate: reportlab and pyHanko load only when used.
# ruff: noqa: PLC0415

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from lpsa_desktop.cli.arguments import whole_number
from lpsa_desktop.cli.output import print_json
from lpsa_desktop.cli.store_access import open_store


def register(commands: Any) -> None:
    export = commands.add_parser("export", help="the agreement PDF")
    export.add_argument("agreement", metavar="AGREEMENT", help="ref, or a council name")
    export.add_argument("out", metavar="OUT.pdf", type=Path)
    export.add_argument(
        "--draft", action="store_true", help="mark DRAFT even if provisionally agreed or signed"
    )
    export.set_defaults(run=run_export)

    keygen = commands.add_parser(
        "keygen", help="a self-signed signing identity for offline use", allow_abbrev=False
    )
    keygen.add_argument("out", metavar="OUT.p12", type=Path)
    keygen.add_argument("--name", required=True, help="the signatory's name, as it will show")
    keygen.add_argument("--organisation", help="the organisation they sign for")
    _passphrase_option(keygen)
    keygen.add_argument(
        "--key-type",
        choices=("ec", "rsa"),
        default="ec",
        help="ec (P-256, default, fast) or rsa (3072-bit, for readers that need RSA)",
    )
    keygen.add_argument(
        "--valid-years",
        type=whole_number(low=1, high=100, what="--valid-years"),
        default=10,
        metavar="N",
        help="certificate lifetime (10)",
    )
    keygen.set_defaults(run=run_keygen)

    sign = commands.add_parser(
        "sign", help="add a digital signature in a signatory's block", allow_abbrev=False
    )
    sign.add_argument("source", metavar="IN.pdf", type=Path)
    sign.add_argument("out", metavar="OUT.pdf", type=Path)
    sign.add_argument("--identity", required=True, type=Path, metavar="ID.p12")
    _passphrase_option(sign)
    sign.add_argument("--signatory", required=True, metavar="NAME", help="whose block to sign")
    sign.add_argument(
        "--certify",
        action="store_true",
        help="certify the document (first signature only): afterwards only signatures may be added",
    )
    sign.add_argument("--location", help="where it was signed (recorded in the signature)")
    sign.set_defaults(run=run_sign)

    verify = commands.add_parser("verify", help="check every signature of a PDF")
    verify.add_argument("file", metavar="FILE.pdf", type=Path)
    verify.add_argument(
        "--trust",
        action="append",
        default=[],
        type=Path,
        metavar="CERT.pem",
        help="a signer's certificate to trust for this run, besides the trust list "
        "(repeatable; from `lpsa keygen`)",
    )
    verify.add_argument("--json", action="store_true", help="print JSON")
    verify.set_defaults(run=run_verify)


def _passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="F",
        help="read the passphrase from the first line of F (else you are asked for it)",
    )
    # A passphrase typed as an argument would stay in the shell history and show in process
    # listings: refuse it outright, without repeating it in the message.
    parser.add_argument("--passphrase", nargs="?", action=_RefusePassphrase, help=argparse.SUPPRESS)


class _RefusePassphrase(argparse.Action):
    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        parser.error(
            "a passphrase is never given as an argument (it would stay in your shell "
            "history); use --passphrase-file F or type it when asked"
        )


def run_export(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.documents import export_agreement

    agreement, result = export_agreement(
        open_store(args), args.agreement, args.out, force_draft=args.draft
    )
    mark = ", marked DRAFT" if result.draft else ""
    print(
        f"Wrote {args.out}: {agreement.title}, {result.pages} pages{mark}; "
        f"fingerprint {result.fingerprint}"
    )
    return 0


def run_keygen(args: argparse.Namespace) -> int:
    from lpsa_desktop.cli.passphrase import read_passphrase
    from lpsa_desktop.exporting.errors import IdentityError
    from lpsa_desktop.exporting.identity import create_identity

    if not 1 <= args.valid_years <= 30:
        raise IdentityError("--valid-years must be between 1 and 30")
    passphrase = read_passphrase(
        args.passphrase_file, prompt=f"Passphrase to protect {args.out}: ", confirm=True
    )
    files = create_identity(
        args.out,
        name=args.name,
        organisation=args.organisation,
        passphrase=passphrase,
        key_type=args.key_type,
        valid_years=args.valid_years,
    )
    print(f"Wrote the signing identity {files.identity} (keep it private, with its passphrase)")
    print(f"Wrote the certificate {files.certificate} (share it: lpsa verify FILE --trust it)")
    print(f"Certificate SHA-256: {files.sha256}")
    print(f"Valid until {files.not_after:%d %B %Y}")
    return 0


def run_sign(args: argparse.Namespace) -> int:
    from lpsa_desktop.cli.passphrase import read_passphrase
    from lpsa_desktop.exporting.identity import load_identity
    from lpsa_desktop.exporting.signing import sign_pdf

    passphrase = read_passphrase(args.passphrase_file, prompt=f"Passphrase for {args.identity}: ")
    identity = load_identity(args.identity, passphrase)
    if not _same_person(identity.name, args.signatory):
        print(
            f"lpsa: note: the identity is {identity.name!r}, signing the block of {args.signatory!r}",
            file=sys.stderr,
        )
    result = sign_pdf(
        args.source,
        args.out,
        identity,
        args.signatory,
        certify=args.certify,
        location=args.location,
    )
    if result.ahead_of:
        print(
            f"lpsa: note: signed out of turn, before {'; '.join(result.ahead_of)}",
            file=sys.stderr,
        )
    certified = ", and certified the document" if result.certified else ""
    print(f"Signed the block of {result.signatory} [{result.field}] as {result.signer}{certified}")
    print(f"Wrote {args.out}")
    if result.remaining:
        print(f"Still to sign: {'; '.join(result.remaining)}")
    else:
        print("Every signatory has now signed.")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from lpsa_desktop.cli.verify_report import describe_verification
    from lpsa_desktop.errors import StoreMissingError
    from lpsa_desktop.exporting.verification import report_to_dict, verify_pdf
    from lpsa_desktop.services.trust_list import trusted_for_run

    try:
        store = open_store(args)
    except StoreMissingError:
        store = None  # verifying needs no store: only the certificates given with --trust
    trusted = trusted_for_run(store, args.trust)
    report = verify_pdf(args.file, trusted=trusted)
    if args.json:
        print_json(report_to_dict(report))
    if report.refusal is not None:
        # A refused file is a refused input: one line on stderr, as every command does.
        print(f"lpsa: {args.file}: {report.reason()}", file=sys.stderr)
    elif not args.json:
        print(describe_verification(report))
    elif not report.passed:
        print(f"lpsa: {report.reason()}", file=sys.stderr)  # beside the JSON, for a person
    return 0 if report.passed else 1


def _same_person(identity_name: str, signatory: str) -> bool:
    """'David Pennington' signing 'Mr David Pennington' is the same person; titles vary."""
    a, b = identity_name.casefold().split(), signatory.casefold().split()
    return bool(a) and bool(b) and (set(a) <= set(b) or set(b) <= set(a))
