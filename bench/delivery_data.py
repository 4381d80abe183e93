"""Outturns over time for benchmarks and screenshots: each indicator of an agreement follows
its trajectory with a steady, deterministic drift (some ahead, some behind, some failing),
quarterly, the early periods audited and the latest provisional."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.delivery.outturns import OutturnEntry
from lpsa_desktop.domain.delivery.reporting_periods import Frequency, reporting_periods
from lpsa_desktop.domain.enums import Direction

NOTES = (
    "Ahead of plan after the new scheme started",
    "Slightly behind: data revised by the partner",
    "Winter pressures held progress back",
    "",
)


def outturn_entries(
    agreement: Agreement, *, periods_done: int, frequency: Frequency = Frequency.QUARTERLY
) -> list[OutturnEntry]:
    periods = reporting_periods(agreement.period_start, agreement.period_end, frequency)
    entries = []
    n = len(periods)
    for number, (target, indicator) in enumerate(
        (t, i) for t in agreement.active_targets for i in t.indicators
    ):
        if indicator.baseline is None or indicator.with_ is None:
            continue
        rise = indicator.with_ - indicator.baseline
        # 1.1 (ahead), 0.9, 0.75 (behind), 0.3 (failing) of the planned progress, by turn
        pace = (Decimal("1.1"), Decimal("0.9"), Decimal("0.75"), Decimal("0.3"))[number % 4]
        wobble = (Decimal("0.02"), Decimal("-0.03"), Decimal("0.01"))
        for period in periods[:periods_done]:
            k = Decimal(period.index) / n
            value = indicator.baseline + rise * (k * pace + wobble[period.index % 3] * k)
            if indicator.direction is Direction.LOWER and value < 0:
                value = Decimal(0)
            entries.append(
                OutturnEntry(
                    indicator.ref,
                    period.label,
                    value.quantize(Decimal(1).scaleb(-max(indicator.decimals, 1))),
                    audited=period.index <= periods_done - 2,
                    note=NOTES[(number + period.index) % 4] if period.index == periods_done else "",
                    internal_note="Check with the partner before the Executive"
                    if period.index == periods_done
                    else "",
                    recorded_on=period.end + timedelta(days=40),
                )
            )
        del target
    return entries


def seed_portfolio(
    store: object, count: int, *, periods_done: int = 12, stagger: bool = False
) -> list[str]:
    """``count`` agreements of 12 one-indicator targets (from the demo), reporting
    quarterly, with ``periods_done`` quarters of outturns each (``stagger``: up to four
    fewer, agreement by agreement); returns their refs."""
    import dataclasses  # noqa: PLC0415 - a bench helper

    from lpsa_desktop.domain.agreement import Council, Target  # noqa: PLC0415
    from lpsa_desktop.services.agreement_editing import create_agreement  # noqa: PLC0415
    from lpsa_desktop.services.demo import demo_agreement  # noqa: PLC0415
    from lpsa_desktop.services.outturn_recording import record_outturns, set_frequency  # noqa: PLC0415
    from lpsa_desktop.storage.store import Store  # noqa: PLC0415

    assert isinstance(store, Store)
    demo = demo_agreement()
    firsts = [t.indicators[0] for t in demo.active_targets][:12]
    refs = []
    for n in range(count):
        targets = tuple(
            Target(
                ref=str(i + 1),
                title=f"Target {i + 1}",
                indicators=(dataclasses.replace(ind, ref=str(i + 1)),),
            )
            for i, ind in enumerate(firsts)
        )
        council = Council(f"Council {n + 1:03d}")
        made = dataclasses.replace(
            demo,
            ref=f"council-{n + 1:03d}-lpsa1",
            councils=(council,),
            net_budget_requirement=demo.net_budget_requirement + n * 100000
            if demo.net_budget_requirement
            else None,
            targets=targets,
            freedoms=(),
        )
        create_agreement(store, made, officer="Bench")
        set_frequency(store, made.ref, Frequency.QUARTERLY, officer="Bench")
        done = min(periods_done, 12 - (n % 5)) if stagger else periods_done
        entries = outturn_entries(made, periods_done=done)
        record_outturns(store, made.ref, entries, officer="Bench")
        refs.append(made.ref)
    return refs
