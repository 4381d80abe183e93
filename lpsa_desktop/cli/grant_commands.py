"""`lpsa claims` (reward claims against the entitlement) and `lpsa pump-priming` (the
funding monitor), each listing by default and recording with an option.

Services are imported inside the handlers so that `lpsa list` stays quick to start.
"""

# ruff: noqa: PLC0415

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from typing import Any

from lpsa_desktop.cli import arguments
from lpsa_desktop.cli.output import print_json, table


def register(commands: Any) -> None:
    claims = commands.add_parser(
        "claims", help="reward claims per instalment, checked against the entitlement"
    )
    claims.add_argument("agreement", metavar="AGREEMENT")
    claims.add_argument(
        "--record", nargs=2, metavar=("N", "AMOUNT"), help="record instalment N's claim"
    )
    claims.add_argument("--date", type=arguments.day, help="the day it was claimed (with --record)")
    claims.add_argument("--capital", type=money, metavar="AMOUNT")
    claims.add_argument("--revenue", type=money, metavar="AMOUNT")
    claims.add_argument("--audited", action="store_true", help="the claim has been audited")
    claims.add_argument("--paid-on", type=arguments.day, metavar="DATE")
    claims.add_argument("--note", default="")
    claims.add_argument("--remove", type=int, metavar="N", help="remove instalment N's claim")
    claims.add_argument("--json", action="store_true", help="print JSON")
    claims.set_defaults(run=run_claims)

    pump = commands.add_parser(
        "pump-priming", help="pump-priming grant per target: allocated, spent, balance"
    )
    pump.add_argument("agreement", metavar="AGREEMENT")
    pump.add_argument(
        "--spend", nargs=2, metavar=("TARGET", "YEAR"), help="record a target's spend for a year"
    )
    pump.add_argument("--budget", type=money, metavar="AMOUNT", help="with --spend")
    pump.add_argument("--actual", type=money, metavar="AMOUNT", help="with --spend")
    pump.add_argument("--json", action="store_true", help="print JSON")
    pump.set_defaults(run=run_pump_priming)


def money(text: str) -> Decimal:
    cleaned = text.strip().replace(",", "").replace("£", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not an amount of money") from None
    if not value.is_finite() or value != value.quantize(Decimal("0.01")):
        raise argparse.ArgumentTypeError(f"{text!r} is not pounds and pence")
    return value


def run_claims(args: argparse.Namespace) -> int:
    from lpsa_desktop.cli.store_access import open_store
    from lpsa_desktop.domain.delivery.claims import Claim
    from lpsa_desktop.domain.money import format_money, money_text
    from lpsa_desktop.domain.periods import format_date
    from lpsa_desktop.errors import FieldProblem, InvalidValueError
    from lpsa_desktop.services.officer import current_officer
    from lpsa_desktop.services.reward_claims import claims_view, record_claim, remove_claim

    store = open_store(args)
    if args.record:
        number, amount = args.record
        if not number.isdigit():
            raise InvalidValueError(
                FieldProblem("claims --record N", number, "an instalment number")
            )
        if args.date is None:
            raise InvalidValueError(FieldProblem("claims --record", "no --date", "--date DATE"))
        capital, revenue = args.capital, args.revenue
        claim = Claim(
            int(number),
            args.date,
            money(amount),
            capital,
            revenue,
            args.audited,
            args.paid_on,
            args.note,
        )
        record_claim(store, args.agreement, claim, officer=current_officer(store))
    if args.remove is not None:
        remove_claim(store, args.agreement, args.remove, officer=current_officer(store))
    view = claims_view(store, args.agreement)
    review = view.review
    if args.json:
        print_json(
            {
                "agreement": view.agreement.ref,
                "pot": money_text(review.pot),
                "entitlement": money_text(review.entitlement),
                "claimed": money_text(review.claimed),
                "schedule": [
                    {"instalment": n, "financial_year": y, "amount": money_text(a)}
                    for n, y, a in review.schedule
                ],
                "claims": [
                    {
                        "instalment": c.instalment,
                        "claimed_on": c.claimed_on.isoformat(),
                        "amount": money_text(c.amount),
                        "capital": None if c.capital is None else money_text(c.capital),
                        "revenue": None if c.revenue is None else money_text(c.revenue),
                        "audited": c.audited,
                        "paid_on": c.paid_on.isoformat() if c.paid_on else None,
                        "note": c.note,
                    }
                    for c in view.claims
                ],
                "checks": [
                    {"severity": c.severity.value, "instalment": c.instalment, "message": c.message}
                    for c in review.checks
                ],
            }
        )
        return 1 if review.has_errors else 0

    def shown(amount: Decimal | None) -> str:
        return "–" if amount is None else format_money(amount, pence=True)

    rows = [
        [
            str(c.instalment),
            format_date(c.claimed_on),
            shown(c.amount),
            shown(c.capital),
            shown(c.revenue),
            "yes" if c.audited else "no",
            format_date(c.paid_on) if c.paid_on else "",
        ]
        for c in view.claims
    ]
    headers = ["n", "claimed on", "amount", "capital", "revenue", "audited", "paid on"]
    print(f"{view.agreement.ref} ({view.agreement.generation.value})")
    print(table(headers, rows, right={2, 3, 4}))
    for n, year, amount in review.schedule:
        print(f"due: instalment {n} in {year}: {shown(amount)}")
    fraction = review.fraction_of_pot
    share = f" ({fraction * 100:.1f}% of the maximum {shown(review.pot)})" if fraction else ""
    print(f"claimed {shown(review.claimed)}{share}; entitlement {shown(review.entitlement)}")
    for check in review.checks:
        print(str(check))
    return 1 if review.has_errors else 0


def run_pump_priming(args: argparse.Namespace) -> int:
    from lpsa_desktop.cli.formatting import clip
    from lpsa_desktop.cli.store_access import open_store
    from lpsa_desktop.domain.delivery.pump_priming import SpendEntry
    from lpsa_desktop.domain.money import format_money, money_text
    from lpsa_desktop.services.officer import current_officer
    from lpsa_desktop.services.reward_claims import pump_priming_view, record_spend

    store = open_store(args)
    if args.spend:
        target, year = args.spend
        entry = SpendEntry(target, year, args.budget, args.actual)
        record_spend(store, args.agreement, entry, officer=current_officer(store))
    agreement, monitor = pump_priming_view(store, args.agreement)

    def text(amount: Decimal | None) -> str:
        return "–" if amount is None else format_money(amount, pence=True)

    def js(amount: Decimal | None) -> str | None:
        return None if amount is None else money_text(amount)

    if args.json:
        print_json(
            {
                "agreement": agreement.ref,
                "grant": js(monitor.grant),
                "years": list(monitor.years),
                "targets": [
                    {
                        "ref": line.target_ref,
                        "allocated": js(line.allocated),
                        "spent": [js(s) for s in line.spent],
                        "final_year_budget": js(line.final_budget),
                        "final_year_actual": js(line.final_actual),
                        "balance": money_text(line.balance),
                    }
                    for line in monitor.lines
                ],
                "unknown_targets": list(monitor.unknown_targets),
            }
        )
        return 0
    final = monitor.years[-1] if monitor.years else "final year"
    headers = [
        "target",
        "title",
        "allocated",
        *(f"spent {y}" for y in monitor.years[:-1]),
        f"budget {final}",
        f"actual {final}",
        "unspent",
    ]
    rows = [
        [
            line.target_ref,
            clip(line.title, 34),
            text(line.allocated),
            *(text(s) for s in line.spent),
            text(line.final_budget),
            text(line.final_actual),
            text(line.balance),
        ]
        for line in monitor.lines
    ]
    print(table(headers, rows, right=set(range(2, len(headers)))))
    print(
        f"grant {text(monitor.grant)}; allocated {text(monitor.total_allocated)}; spent "
        f"{text(monitor.total_spent)}; unspent {text(monitor.total_balance)}"
    )
    for ref in monitor.unknown_targets:
        print(f"warning: spend is recorded for target {ref}, which the agreement no longer has")
    return 0
