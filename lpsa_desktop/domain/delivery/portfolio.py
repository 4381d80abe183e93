"""One line of the portfolio per agreement: its pot, forecast reward, reward at risk and each
target's status — exactly what ``assess_agreement`` gives, worked out from (period, value)
points alone.

The portfolio judges every agreement in the store at once (150 agreements of 12 targets
with 12 quarters each are 21,600 outturns). The full delivery picture builds an outturn,
a placed value and a trajectory per row and runs the reward engine twice; the portfolio
needs none of the rows' dates or notes and only the forecast run of the engine (the pot
and the targets' potentials do not depend on the outturns). The same functions decide
the forecast, the status and the reward, so the figures are the same to the penny; a test
holds the two paths together (``entry_of`` is the straightforward one).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.delivery.assessment import AgreementDelivery, worst_status
from lpsa_desktop.domain.delivery.reporting_periods import (
    DEFAULT_FREQUENCY,
    Frequency,
    reporting_periods,
)
from lpsa_desktop.domain.delivery.trajectory import (
    DEFAULT_LIMITS,
    Status,
    StatusLimits,
    forecast_points,
    judge_latest,
    planned_level,
)
from lpsa_desktop.domain.money import ZERO
from lpsa_desktop.domain.reward import target_earnings

Points = Mapping[str, Iterable[tuple[str, Decimal]]]
"""Indicator ref → its outturns as (period label, value), in any order."""


@dataclass(frozen=True)
class PortfolioEntry:
    ref: str
    council: str
    """The lead council's name."""
    pot: Decimal
    forecast_reward: Decimal
    at_risk: Decimal
    statuses: tuple[Status, ...]
    """Each active target's status, in the agreement's order."""

    def count(self, wanted: Status) -> int:
        return self.statuses.count(wanted)


def entry_of(delivery: AgreementDelivery) -> PortfolioEntry:
    """The portfolio's line read off the full delivery picture."""
    return PortfolioEntry(
        ref=delivery.agreement.ref,
        council=delivery.agreement.lead_council.name,
        pot=delivery.pot,
        forecast_reward=delivery.forecast_total,
        at_risk=delivery.at_risk,
        statuses=tuple(t.status for t in delivery.targets),
    )


@lru_cache(maxsize=256)
def _numbers(start: date, end: date, frequency: Frequency) -> dict[str, int]:
    # A store holds few distinct schedules: label → period number, built once for each
    # (and only read).
    return {p.label: p.index for p in reporting_periods(start, end, frequency)}


def portfolio_entry(
    agreement: Agreement,
    points: Points,
    *,
    frequency: Frequency = DEFAULT_FREQUENCY,
    limits: StatusLimits = DEFAULT_LIMITS,
) -> PortfolioEntry:
    """The line ``entry_of(assess_agreement(...))`` gives, from the outturns' points.
    Points for periods the agreement no longer has are left out, as there."""
    periods = reporting_periods(agreement.period_start, agreement.period_end, frequency)
    numbers = _numbers(agreement.period_start, agreement.period_end, frequency)
    count = len(periods)
    end = periods[-1].index if periods else None
    forecasts: dict[str, Decimal | None] = {}
    statuses: list[Status] = []
    for target in agreement.active_targets:
        judged: list[Status] = []
        for indicator in target.indicators:
            own = [
                (number, value)
                for label, value in points.get(indicator.ref, ())
                if (number := numbers.get(label)) is not None
            ]
            own.sort(key=itemgetter(0))
            predicted = forecast_points(
                [x for x, _ in own], [y for _, y in own], end, min_points=limits.min_points
            )
            forecasts[indicator.ref] = predicted.value
            if not own:
                judged.append(Status.NO_DATA)
                continue
            now = planned_level(indicator, count, own[-1][0])
            at_end = planned_level(indicator, count, count)
            judged.append(
                judge_latest(
                    indicator,
                    own[-1],
                    count,
                    predicted,
                    threshold=agreement.threshold,
                    limits=limits,
                    planned=None if now is None or at_end is None else (now, at_end),
                )
            )
        statuses.append(worst_status(judged))
    # One run of the engine, on the forecasts: the potentials are the pot split by weight,
    # whatever the outturns, so the run on the stored actuals adds nothing here.
    pot, targets = target_earnings(agreement, forecasts)
    return PortfolioEntry(
        ref=agreement.ref,
        council=agreement.lead_council.name,
        pot=pot,
        forecast_reward=sum((earned for _, earned in targets), ZERO),
        at_risk=sum((potential - earned for potential, earned in targets), ZERO),
        statuses=tuple(statuses),
    )
