"""`lpsa reward AGREEMENT [--actual REF=VALUE ...] [--json]`."""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import Any

from lpsa_desktop.cli.arguments import indicator_number
from lpsa_desktop.cli.formatting import clip, indicator_value, percent
from lpsa_desktop.cli.output import print_json, table
from lpsa_desktop.cli.store_access import open_store
from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.money import format_money
from lpsa_desktop.domain.reward import RewardResult
from lpsa_desktop.domain.reward_report import reward_to_dict

_MISSING = {"", "n/a", "na", "none", "-", "–"}


def register(commands: Any) -> None:
    reward = commands.add_parser("reward", help="reward grant on the stored (or given) outturns")
    reward.add_argument("agreement", metavar="AGREEMENT")
    reward.add_argument(
        "--actual",
        action="append",
        default=[],
        type=parse_actual,
        metavar="REF=VALUE",
        help="a what-if outturn for indicator REF (repeatable); VALUE 'none' clears it",
    )
    reward.add_argument("--json", action="store_true", help="print JSON")
    reward.set_defaults(run=run_reward)


def parse_actual(text: str) -> tuple[str, Decimal | None]:
    ref, sep, value = text.partition("=")
    if not sep or not ref.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not REF=VALUE (e.g. 1a=72.5)")
    cleaned = value.strip().removesuffix("%")
    if cleaned.lower() in _MISSING:
        return ref.strip(), None
    return ref.strip(), indicator_number(cleaned, field=f"--actual {ref.strip()}")


def run_reward(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.reward_service import reward_for  # noqa: PLC0415

    actuals = dict(args.actual)
    agreement, result = reward_for(open_store(args), args.agreement, actuals)
    if args.json:
        print_json(reward_to_dict(agreement, result))
    else:
        print(describe_reward(agreement, result, actuals))
    return 0


def describe_reward(
    agreement: Agreement, result: RewardResult, actuals: dict[str, Decimal | None]
) -> str:
    lines = [
        f"Performance Reward Grant: {agreement.title}",
        f"Pot {format_money(result.pot)}; nothing below {percent(result.threshold)} of the stretch, "
        f"capped at {percent(result.cap)}.",
        "",
    ]
    rows = []
    for target_reward in result.targets:
        target = agreement.target(target_reward.ref)
        assert target is not None
        rows.append(
            [
                target.ref,
                clip(target.title, 48),
                "",
                "",
                "",
                _pounds(target_reward.potential),
                _pounds(target_reward.earned),
            ]
        )
        for ir in target_reward.indicators:
            indicator = target.indicator(ir.ref)
            assert indicator is not None
            actual = actuals.get(ir.ref, indicator.actual)
            needed = (
                " / ".join(indicator_value(indicator, v, exact=True) for _, v in ir.needed) or "–"
            )
            rows.append(
                [
                    f"  {ir.ref}",
                    f"  needs {needed}",
                    indicator_value(indicator, actual, exact=True)  # 74.5 is not "75%"
                    + (" (what-if)" if ir.ref in actuals else ""),
                    percent(ir.achieved_fraction),
                    percent(ir.payable_fraction),
                    _pounds(ir.potential),
                    _pounds(ir.earned),
                ]
            )
    lines.append(
        table(
            [
                "Target",
                "Title / outturn needed for 60% / 80% / 100%",
                "Outturn",
                "Achieved",
                "Paid",
                "Potential",
                "Earned",
            ],
            rows,
            right={2, 3, 4, 5, 6},
        )
    )
    lines += [
        "",
        f"Total earned: {format_money(result.total_earned)} of {format_money(result.pot)}",
    ]
    if result.capital is not None and result.revenue is not None:
        lines.append(
            f"Capital {format_money(result.capital)}, revenue {format_money(result.revenue)}"
        )
    for payment in result.payments:
        lines.append(
            f"  {payment.financial_year}: {format_money(payment.amount)} ({payment.kind.replace('_', ' ')})"
        )
    if result.recoverable:
        lines.append(
            f"Recoverable (paid on account beyond the entitlement): {format_money(result.recoverable)}"
        )
    return "\n".join(lines)


def _pounds(amount: Decimal) -> str:
    """Money in a column: always with pence, so that the figures line up."""
    return format_money(amount, pence=True)
