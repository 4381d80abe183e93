"""`lpsa rounds list|take|compare` and `lpsa status`."""

from __future__ import annotations

import argparse
from typing import Any

from lpsa_desktop.cli import arguments
from lpsa_desktop.cli.output import print_json, table
from lpsa_desktop.cli.store_access import open_store
from lpsa_desktop.domain.comparison import Comparison
from lpsa_desktop.domain.enums import NegotiationStatus
from lpsa_desktop.domain.meetings import ItemKind
from lpsa_desktop.domain.money import format_money, money_text
from lpsa_desktop.domain.negotiation import status_tally
from lpsa_desktop.domain.periods import format_date
from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.errors import LpsaError


def register(commands: Any) -> None:
    rounds = commands.add_parser("rounds", help="negotiation rounds: list, take, compare")
    sub = rounds.add_subparsers(dest="rounds_command", metavar="ACTION", required=True)

    listing = sub.add_parser("list", help="the rounds of an agreement")
    listing.add_argument("agreement", metavar="AGREEMENT")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_list)

    take = sub.add_parser("take", help="record the current state as a new, read-only round")
    take.add_argument("agreement", metavar="AGREEMENT")
    take.add_argument("--name", required=True, help='e.g. "Government response"')
    take.add_argument("--party", required=True, choices=[p.value for p in Party])
    take.add_argument(
        "--date", type=arguments.day, help="when the position was put (default today)"
    )
    take.add_argument(
        "--internal", action="store_true", help="never shown outside (e.g. a fall-back position)"
    )
    take.set_defaults(run=run_take)

    compare = sub.add_parser("compare", help="what changed between two rounds (or a round and now)")
    compare.add_argument(
        "before", metavar="A", type=arguments.round_label, help="AGREEMENT:N or AGREEMENT:current"
    )
    compare.add_argument("after", metavar="B", type=arguments.round_label)
    compare.add_argument("--json", action="store_true")
    compare.set_defaults(run=run_compare)

    status = commands.add_parser(
        "status", help="show, or set, where items stand: open, agreed, parked, dropped"
    )
    status.add_argument("agreement", metavar="AGREEMENT")
    status.add_argument(
        "item",
        nargs="?",
        type=arguments.item,
        metavar="ITEM",
        help="target:3, indicator:3a or freedom:F2",
    )
    status.add_argument("status", nargs="?", choices=[s.value for s in NegotiationStatus])
    status.add_argument(
        "--expect",
        choices=[s.value for s in NegotiationStatus],
        metavar="OLD",
        help="change it only if it still stands OLD (else exit 1, nothing written)",
    )
    status.set_defaults(run=run_status)


def run_list(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.agreement_queries import load_agreement  # noqa: PLC0415
    from lpsa_desktop.services.rounds import list_rounds  # noqa: PLC0415

    store = open_store(args)
    ref = load_agreement(store, args.agreement).ref
    rounds = list_rounds(store, ref)
    if args.json:
        print_json([
            {"round": r.label, "number": r.number, "name": r.name, "party": r.party.value,
             "date": r.held_on.isoformat(), "internal": r.internal, "officer": r.officer, "source": r.source}
            for r in rounds
        ])  # fmt: skip
        return 0
    if not rounds:
        print(f"No rounds yet. `lpsa rounds take {ref} --name NAME --party PARTY` records one.")
        return 0
    rows = [
        [
            r.label,
            r.name,
            r.party.value,
            format_date(r.held_on),
            "internal" if r.internal else "",
            r.source,
        ]
        for r in rounds
    ]
    print(table(["Round", "Name", "Party", "Date", "", "Source"], rows))
    return 0


def run_take(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.agreement_queries import load_agreement  # noqa: PLC0415
    from lpsa_desktop.services.officer import current_officer  # noqa: PLC0415
    from lpsa_desktop.services.rounds import take_round  # noqa: PLC0415

    store = open_store(args)
    ref = load_agreement(store, args.agreement).ref
    taken = take_round(store, ref, name=args.name, party=Party(args.party), officer=current_officer(store),
                       held_on=args.date, internal=args.internal)  # fmt: skip
    print(taken.label)
    return 0


def run_compare(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.agreement_queries import load_agreement  # noqa: PLC0415
    from lpsa_desktop.services.rounds import compare_rounds  # noqa: PLC0415

    (ref_a, a), (ref_b, b) = args.before, args.after
    store = open_store(args)
    ref = load_agreement(store, ref_a).ref
    if load_agreement(store, ref_b).ref != ref:
        raise LpsaError(f"{ref_a} and {ref_b} are different agreements: rounds compare within one")
    comparison = compare_rounds(store, ref, a, b)
    if args.json:
        print_json(comparison_to_dict(comparison))
    else:
        print(describe_comparison(comparison))
    return 0


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "before": comparison.before,
        "after": comparison.after,
        "changes": [
            {
                "kind": c.change.kind,
                "entity": c.change.entity,
                "field": c.change.field,
                "old": c.change.old,
                "new": c.change.new,
                "party": c.party.value if c.party else None,
                "by": c.by,
            }
            for c in comparison.changes
        ],
        "reward_pot": {
            "before": money_text(comparison.pot_before),
            "after": money_text(comparison.pot_after),
        },
        "potentials": [
            {
                "target": p.target,
                "before": None if p.before is None else money_text(p.before),
                "after": None if p.after is None else money_text(p.after),
            }
            for p in comparison.potentials
        ],
    }


def describe_comparison(comparison: Comparison) -> str:
    lines = [f"From {comparison.before}", f"  to {comparison.after}", ""]
    if not comparison.changes:
        lines.append("No changes.")
    rows = [
        [str(c.change), c.party.value if c.party else "(current)", c.by] for c in comparison.changes
    ]
    if rows:
        lines.append(table(["Change", "Party", "Made in"], rows))
    lines += [
        "",
        f"Reward pot: {format_money(comparison.pot_before)} → {format_money(comparison.pot_after)}",
    ]
    moved = [p for p in comparison.potentials if p.before != p.after]
    for p in moved:
        before = "–" if p.before is None else format_money(p.before, pence=True)
        after = "–" if p.after is None else format_money(p.after, pence=True)
        lines.append(f"  target {p.target}: {before} → {after}")
    if not moved:
        lines.append("  every target's potential is unchanged")
    return "\n".join(lines)


def run_status(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.agreement_queries import load_agreement  # noqa: PLC0415
    from lpsa_desktop.services.negotiation_status import set_item_status, status_marks  # noqa: PLC0415
    from lpsa_desktop.services.officer import current_officer  # noqa: PLC0415

    store = open_store(args)
    agreement = load_agreement(store, args.agreement)
    if args.expect and args.item is None:
        raise LpsaError("--expect goes with an ITEM and its new STATUS")
    if args.item is not None:
        if args.status is None:
            raise LpsaError("give the status too: open, agreed, parked or dropped")
        set_item_status(
            store,
            agreement.ref,
            args.item,
            NegotiationStatus(args.status),
            officer=current_officer(store),
            expected=NegotiationStatus(args.expect) if args.expect else None,
        )
        agreement = load_agreement(store, agreement.ref)
    tally = status_tally(agreement)
    for kind in ItemKind:
        counts = ", ".join(
            f"{tally[kind][s]} {s.value}" for s in NegotiationStatus if tally[kind][s]
        )
        print(f"{kind.value + 's':<11} {counts or 'none'}")
    marks = status_marks(store, agreement.ref)
    if marks:
        rows = [
            [
                str(i),
                m.status.value,
                m.officer or "",
                m.at.strftime("%d/%m/%Y %H:%M") if m.at else "",
            ]
            for i, m in sorted(marks.items())
        ]
        print()
        print(table(["Item", "Status", "Set by", "When"], rows))
    return 0
