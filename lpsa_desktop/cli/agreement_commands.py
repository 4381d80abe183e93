"""`lpsa demo`, `list`, `show`, `history`, `officer`."""

from __future__ import annotations

import argparse
from typing import Any

from lpsa_desktop.cli.arguments import whole_number
from lpsa_desktop.cli.formatting import indicator_value
from lpsa_desktop.cli.output import print_json, table
from lpsa_desktop.cli.store_access import open_store
from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.money import format_money
from lpsa_desktop.domain.periods import format_date
from lpsa_desktop.domain.reward import reward_pot
from lpsa_desktop.domain.serialization import agreement_to_dict
from lpsa_desktop.domain.validation import validate_agreement
from lpsa_desktop.domain.vocabulary import linked_targets_text, where_text
from lpsa_desktop.errors import NotFoundError


def register(commands: Any) -> None:
    demo = commands.add_parser("demo", help="add the demo agreement; prints its ref")
    demo.set_defaults(run=run_demo)

    listing = commands.add_parser("list", help="agreements: ref, councils, title, period, status")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)

    show = commands.add_parser("show", help="one agreement, whole")
    show.add_argument(
        "agreement", metavar="AGREEMENT", help="ref, or a council name unique in the store"
    )
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(run=run_show)

    history = commands.add_parser("history", help="the audit trail of an agreement, newest first")
    history.add_argument("agreement", metavar="AGREEMENT")
    history.add_argument(
        "--limit",
        type=whole_number(low=1, high=1_000_000, what="--limit"),
        default=50,
        help="how many changes (default 50)",
    )
    history.set_defaults(run=run_history)

    officer = commands.add_parser(
        "officer", help="show or set the officer named in the audit trail"
    )
    officer.add_argument("name", nargs="?", help="the name to record from now on")
    officer.set_defaults(run=run_officer)


def run_demo(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.demo import add_demo_agreement  # noqa: PLC0415
    from lpsa_desktop.services.officer import current_officer  # noqa: PLC0415

    store = open_store(args, create=True)
    print(add_demo_agreement(store, officer=current_officer(store)))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.agreement_queries import list_agreements  # noqa: PLC0415

    summaries = list_agreements(open_store(args))
    if args.json:
        print_json(
            [
                {
                    "ref": s.ref,
                    "councils": list(s.councils),
                    "title": s.title,
                    "period": {
                        "start": s.period_start.isoformat(),
                        "end": s.period_end.isoformat(),
                    },
                    "status": s.status.value,
                    "generation": s.generation.value,
                }
                for s in summaries
            ]
        )
        return 0
    if not summaries:
        print("No agreements yet. `lpsa demo` adds one to try.")
        return 0
    rows = [
        [
            s.ref,
            "; ".join(s.councils),
            s.title,
            f"{format_date(s.period_start)} – {format_date(s.period_end)}",
            s.status.value.replace("_", " "),
        ]
        for s in summaries
    ]
    print(table(["Ref", "Councils", "Title", "Period", "Status"], rows))
    return 0


def run_show(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.agreement_lifecycle import copied_from  # noqa: PLC0415
    from lpsa_desktop.services.agreement_queries import load_agreement  # noqa: PLC0415

    store = open_store(args)
    agreement = load_agreement(store, args.agreement)
    if args.json:
        print_json(agreement_to_dict(agreement))
    else:
        text = describe(agreement)
        if source := copied_from(store, agreement.ref):
            period = text.index("\nPeriod:")
            text = f"{text[:period]}\nCopied from:  {source}{text[period:]}"
        print(text)
    return 0


def describe(agreement: Agreement) -> str:
    """The agreement as a person would read it in a terminal."""
    lines = [
        agreement.title,
        "=" * len(agreement.title),
        f"Ref:          {agreement.ref} ({agreement.generation.value}, {agreement.status.value.replace('_', ' ')})",
        f"Councils:     {'; '.join(c.name for c in agreement.councils)}",
        f"Period:       {format_date(agreement.period_start)} to {format_date(agreement.period_end)}",
        f"Net budget:   {_money(agreement.net_budget_requirement)}  ×  {(agreement.reward_rate * 100).normalize():f}%"
        f"  =  reward pot {format_money(reward_pot(agreement))}",
        f"Pump priming: {_money(agreement.pump_priming_grant)}",
    ]
    if agreement.partners:
        lines.append(
            "Partners:     " + "; ".join(f"{p.name} ({p.kind.value})" for p in agreement.partners)
        )
    if agreement.signatories:
        lines.append(
            "Signatories:  " + "; ".join(f"{s.name}, {s.position}" for s in agreement.signatories)
        )
    lines.append("")
    rows = []
    for target in agreement.targets:
        label = f"{target.ref}{' (reserve)' if target.reserve else ''}"
        rows.append([label, target.title, "", "", "", "", ""])
        for ind in target.indicators:
            rows.append(
                [
                    f"  {ind.ref}",
                    f"  {ind.description}",
                    ind.direction.value,
                    indicator_value(ind, ind.baseline, precise=True),
                    indicator_value(ind, ind.without, precise=True),
                    indicator_value(ind, ind.with_, precise=True),
                    indicator_value(ind, ind.actual, precise=True),
                ]
            )
    lines.append(
        table(
            ["Target", "Title / indicator", "Better", "Baseline", "Without", "With", "Actual"],
            rows,
            right={3, 4, 5, 6},
        )
    )
    if agreement.freedoms:
        lines += ["", "Freedoms and flexibilities"]
        frows = [
            [
                f.ref,
                f.description,
                linked_targets_text(f.targets),
                f.status.value.replace("_", " "),
                f.delivery.value.replace("_", " "),
            ]
            for f in agreement.freedoms
        ]
        lines.append(table(["Ref", "Request", "Targets", "Status", "Delivery"], frows))
    issues = validate_agreement(agreement)
    if issues:
        lines += ["", "Checks"] + [f"  {i}" for i in issues]
    return "\n".join(lines)


def run_history(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.agreement_queries import agreement_history, load_agreement  # noqa: PLC0415

    store = open_store(args)
    try:
        ref = load_agreement(store, args.agreement).ref
    except NotFoundError:
        ref = args.agreement  # a deleted agreement: its audit trail is kept under its ref
        if not agreement_history(store, ref, limit=1):
            raise
    events = agreement_history(store, ref, limit=args.limit)
    rows = [
        [
            e.at.strftime("%d/%m/%Y %H:%M"),
            e.officer,
            e.action,
            where_text(e.entity, e.field),
            e.old or "",
            e.new or "",
        ]
        for e in events
    ]
    print(table(["When", "Officer", "Action", "What", "Old", "New"], rows))
    return 0


def run_officer(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.officer import current_officer, set_officer  # noqa: PLC0415

    store = open_store(args, create=True)
    if args.name:
        set_officer(store, args.name)
    print(current_officer(store))
    return 0


def _money(value: Any) -> str:
    return "–" if value is None else format_money(value)
