"""`lpsa outturn`, `lpsa outturns`, `lpsa reporting` and `lpsa delivery`: outturns over time
and the delivery picture (status, forecast, reward at risk).

Services are imported inside the handlers so that `lpsa list` stays quick to start.
"""

# ruff: noqa: PLC0415

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from typing import Any

from lpsa_desktop.cli import arguments
from lpsa_desktop.cli.output import print_json, table

FREQUENCIES = ("quarterly", "four_monthly", "annual")


def register(commands: Any) -> None:
    outturn = commands.add_parser(
        "outturn", help="record an indicator's outturn for a reporting period"
    )
    outturn.add_argument("agreement", metavar="AGREEMENT")
    outturn.add_argument("indicator", metavar="INDICATOR")
    outturn.add_argument("period", metavar="PERIOD", help="e.g. 2004/05, '2004/05 Q2', or end")
    outturn.add_argument(
        "value",
        type=_number,
        metavar="VALUE",
        help="the outturn; 'none' removes the period's value",
    )
    outturn.add_argument("--audited", action="store_true", help="an audited (final) figure")
    outturn.add_argument("--note", default="", help="commentary, printed in the report")
    outturn.add_argument("--internal-note", help="never printed or exported")
    outturn.add_argument("--date", type=arguments.day, help="when it was reported (default today)")
    outturn.set_defaults(run=run_outturn)

    listing = commands.add_parser("outturns", help="outturns by period, against the trajectory")
    listing.add_argument("agreement", metavar="AGREEMENT")
    listing.add_argument("--indicator", metavar="REF", help="only this indicator")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_outturns)

    reporting = commands.add_parser(
        "reporting", help="show or set how an agreement reports (quarterly, four_monthly, annual)"
    )
    reporting.add_argument("agreement", metavar="AGREEMENT")
    reporting.add_argument("frequency", nargs="?", choices=FREQUENCIES)
    reporting.set_defaults(run=run_reporting)

    delivery = commands.add_parser(
        "delivery", help="status, forecast and reward at risk per target"
    )
    delivery.add_argument("agreement", metavar="AGREEMENT")
    delivery.add_argument("--period", metavar="P", help="as at the end of this period")
    delivery.add_argument("--json", action="store_true", help="print JSON")
    delivery.set_defaults(run=run_delivery)

    report = commands.add_parser("report", help="the performance report for the Executive (PDF)")
    report.add_argument("agreement", metavar="AGREEMENT")
    report.add_argument("out", metavar="OUT.pdf")
    report.add_argument("--period", metavar="P", help="outturns up to this period only")
    report.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from lpsa_desktop.cli.store_access import open_store
    from lpsa_desktop.services.performance_reports import write_performance_report

    written = write_performance_report(
        open_store(args), args.agreement, Path(args.out), period=args.period
    )
    as_at = f" as at {written.as_at}" if written.as_at else ""
    print(
        f"Wrote the performance report of {written.agreement_ref}{as_at} to {written.path} ({written.pages} pages)"
    )
    return 0


def _number(text: str) -> Decimal | None:
    if text.strip().casefold() == "none":
        return None
    cleaned = text.strip().replace(",", "").rstrip("%")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number")
    return value


def run_outturn(args: argparse.Namespace) -> int:
    from lpsa_desktop.cli.store_access import open_store
    from lpsa_desktop.domain.delivery.outturns import OutturnEntry
    from lpsa_desktop.services.officer import current_officer
    from lpsa_desktop.services.outturn_recording import record_outturns

    store = open_store(args)
    if args.value is None:
        from lpsa_desktop.services.outturn_recording import remove_outturn

        remove_outturn(
            store, args.agreement, args.indicator, args.period, officer=current_officer(store)
        )
        print(f"removed {args.indicator} {args.period}")
        return 0
    entry = OutturnEntry(
        args.indicator,
        args.period,
        args.value,
        audited=args.audited,
        note=args.note,
        internal_note=args.internal_note,
        recorded_on=args.date,
    )
    made = record_outturns(store, args.agreement, [entry], officer=current_officer(store))
    if not made:
        print("unchanged: that outturn is already recorded")
    for outturn in made:
        state = "audited" if outturn.audited else "provisional"
        print(f"recorded {outturn.indicator_ref} {outturn.period}: {outturn.value} ({state})")
    return 0


def run_outturns(args: argparse.Namespace) -> int:
    from lpsa_desktop.cli.store_access import open_store
    from lpsa_desktop.domain.display import indicator_value
    from lpsa_desktop.domain.periods import format_date
    from lpsa_desktop.errors import NotFoundError
    from lpsa_desktop.services.delivery_queries import assess

    view = assess(open_store(args), args.agreement)
    picture = view.delivery
    chosen = [i for t in picture.targets for i in t.indicators]
    if args.indicator:
        chosen = [i for i in chosen if i.indicator.ref == args.indicator]
        if not chosen:
            raise NotFoundError(f"{picture.agreement.ref} has no indicator {args.indicator!r}")
    if args.json:
        print_json(
            {
                "agreement": picture.agreement.ref,
                "frequency": view.frequency.value,
                "periods": [
                    {"label": p.label, "start": p.start.isoformat(), "end": p.end.isoformat()}
                    for p in picture.periods
                ],
                "indicators": [
                    {
                        "ref": i.indicator.ref,
                        "status": i.status.value,
                        "trajectory": list(i.trajectory),
                        "forecast": i.forecast.value,
                        "forecast_method": i.forecast.method.value,
                        "outturns": [
                            {
                                "period": v.period.label,
                                "value": v.outturn.value,
                                "audited": v.outturn.audited,
                                "recorded_on": v.outturn.recorded_on.isoformat(),
                                "note": v.outturn.note,
                            }
                            for v in i.series
                        ],
                    }
                    for i in chosen
                ],
            }
        )
        return 0
    print(f"{picture.agreement.ref}: reports {view.frequency.value.replace('_', '-')}")
    for item in chosen:
        ind = item.indicator
        print(f"\n{ind.ref}  {ind.description}  [{item.status.words}]")
        values = {v.period.label: v.outturn for v in item.series}
        rows = []
        for period, planned in zip(
            picture.periods, item.trajectory or (None,) * len(picture.periods), strict=True
        ):
            outturn = values.get(period.label)
            rows.append(
                [
                    period.label,
                    indicator_value(ind, planned),
                    indicator_value(ind, outturn.value if outturn else None, exact=True),
                    ("audited" if outturn.audited else "provisional") if outturn else "",
                    format_date(outturn.recorded_on) if outturn else "",
                    outturn.note if outturn else "",
                ]
            )
        print(
            table(["period", "trajectory", "outturn", "", "reported", "note"], rows, right={1, 2})
        )
        shown = indicator_value(ind, item.forecast.value, exact=True)
        print(f"forecast for the end: {shown} ({item.forecast.words})")
    return 0


def run_reporting(args: argparse.Namespace) -> int:
    from lpsa_desktop.cli.store_access import open_store
    from lpsa_desktop.domain.delivery.reporting_periods import Frequency
    from lpsa_desktop.services.officer import current_officer
    from lpsa_desktop.services.outturn_recording import delivery_record, set_frequency

    store = open_store(args)
    if args.frequency:
        set_frequency(
            store, args.agreement, Frequency(args.frequency), officer=current_officer(store)
        )
    record = delivery_record(store, args.agreement)
    labels = ", ".join(p.label for p in record.periods)
    print(f"{record.agreement.ref}: {record.frequency.value} ({labels})")
    return 0


def run_delivery(args: argparse.Namespace) -> int:
    from lpsa_desktop.cli.formatting import clip
    from lpsa_desktop.cli.store_access import open_store
    from lpsa_desktop.domain.display import indicator_value
    from lpsa_desktop.domain.money import format_money, money_text
    from lpsa_desktop.services.delivery_queries import assess

    view = assess(open_store(args), args.agreement, period=args.period)
    picture = view.delivery
    if args.json:
        print_json(
            {
                "agreement": picture.agreement.ref,
                "as_at": view.as_at.label if view.as_at else None,
                "pot": money_text(picture.pot),
                "forecast_reward": money_text(picture.forecast_total),
                "reward_at_risk": money_text(picture.at_risk),
                "targets": [
                    {
                        "ref": t.ref,
                        "status": t.status.value,
                        "potential": money_text(t.potential),
                        "forecast": money_text(t.forecast_earned),
                        "at_risk": money_text(t.at_risk),
                        "indicators": [
                            {
                                "ref": i.indicator.ref,
                                "status": i.status.value,
                                "latest": i.latest.outturn.value if i.latest else None,
                                "latest_period": i.latest.period.label if i.latest else None,
                                "forecast": i.forecast.value,
                                "forecast_method": i.forecast.method.value,
                            }
                            for i in t.indicators
                        ],
                    }
                    for t in picture.targets
                ],
            }
        )
        return 0
    as_at = f" as at {view.as_at.label}" if view.as_at else ""
    print(f"{picture.agreement.title}{as_at}")
    rows = []
    for t in picture.targets:
        for n, i in enumerate(t.indicators):
            latest = i.latest
            rows.append(
                [
                    t.ref if n == 0 else "",
                    i.indicator.ref,
                    clip(i.indicator.description, 40),
                    i.status.words,
                    f"{indicator_value(i.indicator, latest.outturn.value, exact=True)} ({latest.period.label})"
                    if latest
                    else "–",
                    indicator_value(i.indicator, i.forecast.value, exact=True),
                    format_money(t.at_risk, pence=True) if n == 0 else "",
                ]
            )
    headers = ["target", "ind", "indicator", "status", "latest", "forecast", "at risk"]
    print(table(headers, rows, right={6}))
    print(
        f"\npot {format_money(picture.pot, pence=True)}   forecast reward "
        f"{format_money(picture.forecast_total, pence=True)}   reward at risk "
        f"{format_money(picture.at_risk, pence=True)}   earned on stored outturns "
        f"{format_money(picture.reward.total_earned, pence=True)}"
    )
    return 0
