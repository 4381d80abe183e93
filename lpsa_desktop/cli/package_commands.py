"""`lpsa package export|show|merge`: agreement packages between laptops."""

# Services and the exchange package are imported in the handlers: `lpsa list` stays quick.
# ruff: noqa: PLC0415

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lpsa_desktop.cli.output import print_json
from lpsa_desktop.cli.store_access import open_store
from lpsa_desktop.errors import LpsaError

if TYPE_CHECKING:
    from lpsa_desktop.domain.three_way import Side
    from lpsa_desktop.exchange.package import ReadPackage
    from lpsa_desktop.services.package_exchange import ConflictView, MergePlan

EXIT_CONFLICTS = 1


class TakeItemError(LpsaError):
    """A --take-item that is not ADDRESS=mine|theirs."""


def register(commands: Any) -> None:
    package = commands.add_parser("package", help="agreement packages between laptops")
    sub = package.add_subparsers(dest="package_command", metavar="ACTION", required=True)

    export = sub.add_parser("export", help="write an agreement package (.lpsa) to send")
    export.add_argument("agreement", metavar="AGREEMENT")
    export.add_argument("out", type=Path, metavar="OUT.lpsa")
    export.add_argument(
        "--identity", type=Path, metavar="ID.p12", help="sign it with this identity"
    )
    export.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="F",
        help="the identity's passphrase from the first line of F (else you are asked)",
    )
    export.add_argument(
        "--include-internal",
        action="store_true",
        help="also carry internal notes, rounds, decisions and actions (they leave the office)",
    )
    export.set_defaults(run=run_export)

    show = sub.add_parser("show", help="who sent a package, when, what it holds, its base")
    show.add_argument("source", type=Path, metavar="IN.lpsa")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=run_show)

    merge = sub.add_parser("merge", help="three-way merge of a package into this store")
    merge.add_argument("source", type=Path, metavar="IN.lpsa")
    merge.add_argument("--dry-run", action="store_true", help="print the plan; write nothing")
    merge.add_argument("--json", action="store_true")
    merge.add_argument("--take", choices=["mine", "theirs"], help="resolve every conflict so")
    merge.add_argument(
        "--take-item",
        action="append",
        default=[],
        metavar="ADDRESS=mine|theirs",
        help="resolve one conflict (indicator:3a.with=theirs); repeatable",
    )
    merge.add_argument("--as-ref", metavar="REF", help="add the package's agreement under REF")
    merge.set_defaults(run=run_merge)


def run_export(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.agreement_queries import load_agreement
    from lpsa_desktop.services.officer import current_officer
    from lpsa_desktop.services.package_exchange import export_package

    identity = None
    if args.identity is not None:
        from lpsa_desktop.cli.passphrase import read_passphrase
        from lpsa_desktop.exporting.identity import load_identity

        passphrase = read_passphrase(
            args.passphrase_file, prompt=f"Passphrase for {args.identity}: "
        )
        identity = load_identity(args.identity, passphrase)
    store = open_store(args)
    ref = load_agreement(store, args.agreement).ref
    if args.include_internal:
        print(
            "lpsa: warning: the package carries INTERNAL notes, rounds, decisions and actions; "
            "whoever receives it can read them",
            file=sys.stderr,
        )
    done = export_package(
        store,
        ref,
        args.out,
        officer=current_officer(store),
        include_internal=args.include_internal,
        identity=identity,
    )
    signed = f", signed by {identity.name}" if identity else ", unsigned"
    left_out = "; internal content left out" if done.left_out_internal else ""
    print(
        f"Wrote {done.path}: {ref}, {done.rounds} rounds, {done.meetings} meetings, "
        f"{done.size:,} bytes{signed}{left_out}"
    )
    return 0


def run_show(args: argparse.Namespace) -> int:
    from lpsa_desktop.errors import StoreMissingError
    from lpsa_desktop.exchange.reader import read_package
    from lpsa_desktop.services.package_exchange import NoSharedStateError, plan_merge

    read = read_package(args.source)
    try:
        plan = plan_merge(open_store(args), read)
        base = plan.base_label or "none: a first exchange (the agreement would be added)"
    except NoSharedStateError:
        base = "none shared with this store, which holds another agreement of that ref"
    except StoreMissingError:
        base = "none: there is no store here yet (a merge would make it)"
    data = _package_facts(read)
    data["base"] = base
    if args.json:
        print_json(data)
        return 0
    for label, key in (("Agreement", "agreement"), ("Title", "title"), ("Sent by", "officer"),
                       ("Exported", "exported_at"), ("Signed", "signed"), ("Internal", "internal"),
                       ("Holds", "holds"), ("Base here", "base")):  # fmt: skip
        print(f"{label + ':':11} {data[key]}")
    return 0


def _package_facts(read: ReadPackage) -> dict[str, Any]:
    package = read.package
    signer = read.signer
    signed = (
        f"by {signer.name}{', ' + signer.organisation if signer.organisation else ''} "
        f"(certificate SHA-256 {signer.fingerprint}); nothing altered since"
        if signer
        else "NOT signed: anyone could have written it (its parts match its manifest)"
    )
    return {
        "file": read.file_name,
        "sha256": read.sha256,
        "agreement": package.agreement.ref,
        "title": package.agreement.title,
        "officer": package.officer,
        "exported_at": f"{package.exported_at:%d/%m/%Y %H:%M}",
        "signed": signed,
        "signer": None
        if signer is None
        else {
            "name": signer.name,
            "organisation": signer.organisation,
            "fingerprint": signer.fingerprint,
        },
        "internal": "included" if package.include_internal else "left out",
        "holds": f"{len(package.agreement.targets)} targets, {len(package.rounds)} rounds, "
        f"{len(package.meetings)} meetings, {len(package.audit)} audit entries, "
        f"{len(package.imports)} import batches",
        "state": package.state,
    }


def run_merge(args: argparse.Namespace) -> int:
    from lpsa_desktop.domain.three_way import Side
    from lpsa_desktop.exchange.reader import read_package
    from lpsa_desktop.services.officer import current_officer
    from lpsa_desktop.services.package_exchange import apply_merge, plan_merge

    choices = dict(map(_take_item, args.take_item))
    default = Side(args.take) if args.take else None
    read = read_package(args.source)
    store = open_store(args, create=True)  # a first exchange may bring the first agreement
    plan = plan_merge(store, read, choices=choices, default=default, as_ref=args.as_ref)
    unknown = set(choices) - {c.conflict.address for c in plan.conflicts}
    if unknown:
        raise TakeItemError(
            f"--take-item {sorted(unknown)[0]}: no such conflict in this merge "
            f"(conflicts: {', '.join(c.conflict.address for c in plan.conflicts) or 'none'})"
        )
    written = False
    if not args.dry_run and not plan.unresolved:
        plan = apply_merge(
            store, read, officer=current_officer(store), choices=choices, default=default,
            as_ref=args.as_ref,
        )  # fmt: skip
        written = not plan.changes_nothing
    if args.json:
        print_json(_plan_json(plan, written=written))
    else:
        _print_plan(plan, written=written, dry_run=args.dry_run)
    if plan.unresolved:
        print(
            f"lpsa: {len(plan.unresolved)} conflict(s) need a choice (--take mine|theirs or "
            "--take-item ADDRESS=mine|theirs); nothing was written",
            file=sys.stderr,
        )
        return EXIT_CONFLICTS
    return 0


def _take_item(text: str) -> tuple[str, Side]:
    from lpsa_desktop.domain.three_way import Side

    address, sep, side = text.rpartition("=")
    if not sep or not address.strip() or side.strip() not in ("mine", "theirs"):
        raise TakeItemError(f"--take-item {text!r} is not ADDRESS=mine or ADDRESS=theirs")
    return address.strip(), Side(side.strip())


def _print_plan(plan: MergePlan, *, written: bool, dry_run: bool) -> None:
    read = plan.read
    who = f"signed by {read.signer.name}" if read.signer else "NOT signed"
    print(f"Package {read.file_name}: {plan.agreement_ref} from {read.package.officer} ({who})")
    print(f"Base: {plan.base_label or 'none (first exchange): the agreement is added'}")
    result = plan.result
    if result is not None:
        _section("Taken from theirs", [f"{s.address}: {s.old} → {s.new}" for s in result.taken])
        _section("Kept (changed here only)", [f"{s.address}: {s.new}" for s in result.kept])
        _section("Conflicts", [_conflict_line(c) for c in plan.conflicts])
    print(
        f"Records: {len(plan.new_rounds)} new rounds, {plan.new_meetings} new meetings, "
        f"{plan.grown_meetings} meetings with more recorded, {plan.new_audit} audit entries"
    )
    if written:
        print("Merged: written in one transaction (undo it with `lpsa import-revert BATCH`)")
    elif plan.changes_nothing:
        print("Nothing to merge: this store already holds everything in the package")
    elif dry_run and not plan.unresolved:
        print("Dry run: nothing was written")


def _section(title: str, lines: list[str]) -> None:
    print(f"{title}: {len(lines)}")
    for line in lines:
        print(f"  {line}")


def _conflict_line(view: ConflictView) -> str:
    c = view.conflict
    chosen = f" → {c.chosen.value}" if c.chosen else " (needs a choice)"
    return (
        f"{c.address}: base {c.base or '(empty)'} | mine {c.mine or '(empty)'}"
        f"{_by(view.mine_by)} | theirs {c.theirs or '(empty)'}{_by(view.theirs_by)}{chosen}"
    )


def _by(author: Any) -> str:
    return "" if author is None else f" ({author.officer}, {author.at:%d/%m/%Y %H:%M})"


def _plan_json(plan: MergePlan, *, written: bool) -> dict[str, Any]:
    result = plan.result

    def steps(which: Any) -> list[dict[str, Any]]:
        return [{"address": s.address, "old": s.old, "new": s.new} for s in which]

    return {
        "package": _package_facts(plan.read),
        "agreement": plan.agreement_ref,
        "base": plan.base_label,
        "adds_agreement": plan.adds_agreement,
        "taken": steps(result.taken) if result else [],
        "kept": steps(result.kept) if result else [],
        "conflicts": [_conflict_json(v) for v in plan.conflicts],
        "new_rounds": len(plan.new_rounds),
        "new_meetings": plan.new_meetings,
        "grown_meetings": plan.grown_meetings,
        "new_audit": plan.new_audit,
        "written": written,
    }


def _conflict_json(view: ConflictView) -> dict[str, Any]:
    c = view.conflict
    return {
        "address": c.address,
        "base": c.base,
        "mine": c.mine,
        "theirs": c.theirs,
        "mine_by": _author_json(view.mine_by),
        "theirs_by": _author_json(view.theirs_by),
        "chosen": c.chosen.value if c.chosen else None,
    }


def _author_json(author: Any) -> dict[str, str] | None:
    return None if author is None else {"officer": author.officer, "at": author.at.isoformat()}
