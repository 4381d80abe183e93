"""`lpsa new`, `copy`, `delete`, `councils` and `council`: starting agreements from nothing,
copying one as a starting point, deleting one, and editing councils."""

# Services (and SQLAlchemy under them) are imported by the handlers, so that `lpsa list`
# does not pay for them.
# ruff: noqa: PLC0415

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

from lpsa_desktop.cli import arguments
from lpsa_desktop.domain.enums import CouncilType, CpaCategory, Generation
from lpsa_desktop.errors import LpsaError


def register(commands: Any) -> None:
    new = commands.add_parser("new", help="start a new draft agreement; prints its ref")
    new.add_argument(
        "--council",
        action="append",
        required=True,
        metavar="NAME",
        help="a council party to it (repeat for several; the first is the lead, accountable one)",
    )
    new.add_argument(
        "--generation", required=True, type=_generation, choices=[g.value for g in Generation]
    )
    new.add_argument("--start", required=True, type=arguments.day, help="31/03/2006 or 2006-03-31")
    new.add_argument("--end", required=True, type=arguments.day)
    new.add_argument("--title", help="default: '<lead council> Local Public Service Agreement'")
    new.add_argument("--ref", help="default: made from the lead council and generation")
    new.add_argument("--nbr", type=_amount, metavar="AMOUNT", help="net budget requirement (£)")
    new.set_defaults(run=run_new)

    copy = commands.add_parser(
        "copy", help="a new draft from an agreement's targets, freedoms and people; prints its ref"
    )
    copy.add_argument("agreement", metavar="AGREEMENT")
    copy.add_argument("--generation", type=_generation, choices=[g.value for g in Generation])
    copy.add_argument("--start", type=arguments.day)
    copy.add_argument("--end", type=arguments.day)
    copy.add_argument("--ref")
    copy.set_defaults(run=run_copy, parser=copy)

    delete = commands.add_parser("delete", help="delete an agreement (says what goes first)")
    delete.add_argument("agreement", metavar="AGREEMENT")
    delete.add_argument("--yes", action="store_true", help="delete without asking")
    delete.set_defaults(run=run_delete)

    councils = commands.add_parser(
        "councils", help="an agreement's councils: list, add, remove, move (the first leads)"
    )
    councils.add_argument("agreement", metavar="AGREEMENT")
    councils.add_argument("verb", nargs="?", choices=["add", "remove", "move"])
    councils.add_argument("name", nargs="?", metavar="NAME")
    councils.add_argument("position", nargs="?", type=int, metavar="POSITION")
    councils.add_argument("--at", type=int, metavar="POSITION", help="add at (1 = lead)")
    councils.set_defaults(run=run_councils, parser=councils)

    council = commands.add_parser(
        "council", help="a council's details, for every agreement sharing it: show or change"
    )
    council.add_argument("name", metavar="NAME")
    council.add_argument("--name", dest="new_name", metavar="NEW", help="rename it")
    council.add_argument("--code", help="GSS code (E06000022) or old ONS code (00HA); '' clears")
    council.add_argument("--type", choices=[*(t.value for t in CouncilType), ""])
    council.add_argument("--population", type=_population)
    council.add_argument("--cpa-category", choices=[*(c.value for c in CpaCategory), ""])
    council.set_defaults(run=run_council)


def run_new(args: argparse.Namespace) -> int:
    from lpsa_desktop.cli.store_access import open_store
    from lpsa_desktop.services.agreement_lifecycle import start_agreement
    from lpsa_desktop.services.officer import current_officer

    store = open_store(args, create=True)
    ref = start_agreement(
        store,
        councils=args.council,
        generation=Generation(args.generation),
        period_start=args.start,
        period_end=args.end,
        title=args.title,
        ref=args.ref,
        net_budget_requirement=args.nbr,
        officer=current_officer(store),
    )
    print(ref)
    return 0


def run_copy(args: argparse.Namespace) -> int:
    if (args.start is None) != (args.end is None):
        args.parser.error("give --start and --end together")
    from lpsa_desktop.cli.store_access import open_store
    from lpsa_desktop.services.agreement_lifecycle import copy_agreement
    from lpsa_desktop.services.officer import current_officer

    store = open_store(args)
    ref = copy_agreement(
        store,
        args.agreement,
        generation=Generation(args.generation) if args.generation else None,
        period_start=args.start,
        period_end=args.end,
        ref=args.ref,
        officer=current_officer(store),
    )
    print(ref)
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from lpsa_desktop.cli.store_access import open_store
    from lpsa_desktop.services.agreement_lifecycle import (
        delete_agreement,
        deletion_counts,
        describe_counts,
    )
    from lpsa_desktop.services.agreement_queries import resolve_ref
    from lpsa_desktop.services.officer import current_officer

    store = open_store(args)
    ref = resolve_ref(store, args.agreement)
    counts = deletion_counts(store, ref)
    what = describe_counts(counts)
    kept = f"; its {counts.rounds_kept} round(s) and the audit trail are kept"
    if not args.yes:
        if not sys.stdin.isatty():
            raise LpsaError(f"deleting {ref} removes {what}: add --yes to delete it")
        answer = input(f"Delete {ref}? This removes {what}{kept}. Type the ref to confirm: ")
        if answer.strip() != ref:
            print("Not deleted.")
            return 1
    delete_agreement(store, ref, officer=current_officer(store), expected=counts)
    print(f"deleted {ref}: {what}{kept}")
    return 0


def run_councils(args: argparse.Namespace) -> int:
    from lpsa_desktop.cli.store_access import open_store
    from lpsa_desktop.services import council_edits
    from lpsa_desktop.services.agreement_queries import load_agreement
    from lpsa_desktop.services.officer import current_officer

    parser: argparse.ArgumentParser = args.parser
    if args.verb is not None and not args.name:
        parser.error(f"`councils AGREEMENT {args.verb}` needs a council NAME")
    if args.verb == "move" and args.position is None:
        parser.error("`councils AGREEMENT move NAME POSITION` needs a POSITION (1 = lead)")
    if args.at is not None and args.verb != "add":
        parser.error("--at goes with `add` only")
    if args.verb != "move" and args.position is not None:
        parser.error("a POSITION goes with `move` only (`add NAME --at POSITION`)")
    store = open_store(args)
    agreement = load_agreement(store, args.agreement)
    seen = [c.name for c in agreement.councils]
    officer = current_officer(store)
    if args.verb == "add":
        at = None if args.at is None else args.at - 1
        council_edits.add_council(
            store, agreement.ref, args.name, position=at, expected=seen, officer=officer
        )
    elif args.verb == "remove":
        council_edits.remove_council(
            store, agreement.ref, args.name, expected=seen, officer=officer
        )
    elif args.verb == "move":
        council_edits.move_council(
            store, agreement.ref, args.name, args.position - 1, expected=seen, officer=officer
        )
    for position, council in enumerate(load_agreement(store, agreement.ref).councils, start=1):
        others = [
            r for r in council_edits.council_details(store, council.name)[1] if r != agreement.ref
        ]
        lead = " (lead)" if position == 1 else ""
        shared = f"; also in {', '.join(others)}" if others else ""
        print(f"{position}  {council.name}{lead}  {_details(council)}{shared}")
    return 0


def run_council(args: argparse.Namespace) -> int:
    from lpsa_desktop.cli.store_access import open_store
    from lpsa_desktop.domain.diff import value_text
    from lpsa_desktop.services import council_edits
    from lpsa_desktop.services.officer import current_officer

    store = open_store(args)
    council, refs = council_edits.council_details(store, args.name)
    wanted = {
        "code": args.code,
        "type": args.type,
        "population": args.population,
        "cpa_category": args.cpa_category,
        "name": args.new_name,  # last, so that the other fields are found under the old name
    }
    officer = current_officer(store)
    name = council.name
    for field, value in wanted.items():
        if value is None:
            continue
        old = getattr(council, field)
        new = council_edits.checked_council_value(
            field, value, where=f"--{field.replace('_', '-')}"
        )
        council_edits.edit_council(store, name, field, new, expected=old, officer=officer)
        print(f"{field}: {value_text(old) or '(empty)'} → {value_text(new) or '(empty)'}")
    council, refs = council_edits.council_details(store, args.new_name or name)
    print(f"{council.name}  {_details(council)}")
    print(f"party to: {', '.join(refs) or '(no agreement)'}")
    return 0


def _details(council: Any) -> str:
    parts = [
        council.code or "no code",
        council.type.value if council.type else "type not given",
        f"population {council.population:,}" if council.population is not None else "",
        f"CPA {council.cpa_category.value}" if council.cpa_category else "",
    ]
    return ", ".join(p for p in parts if p)


def _amount(text: str) -> Decimal:
    cleaned = text.strip().removeprefix("£").replace(",", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an amount (write 612345678.90)"
        ) from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"{text!r} is not an amount")
    return value


def _population(text: str) -> int | str:
    if text == "":
        return ""
    if not text.replace(",", "").isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of people")
    return int(text.replace(",", ""))


def _generation(text: str) -> str:
    return text.strip().upper()  # argparse checks it against the choices
