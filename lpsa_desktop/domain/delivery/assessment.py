"""An agreement's delivery at a glance: each indicator's status and forecast, and the
forecast reward and reward at risk per target, from the reward engine itself.

Forecast earnings are the reward engine run on the forecasts in place of the outturns;
an indicator with no forecast (too few outturns) is counted as earning nothing, so that
the reward at risk (potential − forecast earnings) is never understated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement, Indicator
from lpsa_desktop.domain.delivery.outturns import Outturn, PeriodValue, series_by_indicator
from lpsa_desktop.domain.delivery.reporting_periods import (
    DEFAULT_FREQUENCY,
    Frequency,
    ReportingPeriod,
    reporting_periods,
)
from lpsa_desktop.domain.delivery.trajectory import (
    DEFAULT_LIMITS,
    Forecast,
    Status,
    StatusLimits,
    forecast,
    status,
    trajectory,
)
from lpsa_desktop.domain.money import ZERO
from lpsa_desktop.domain.reward import RewardResult, compute_reward

_WORST_FIRST = (Status.AT_RISK, Status.BEHIND, Status.ON_TRACK, Status.NO_DATA, Status.NOT_JUDGED)


def worst_status(statuses: Iterable[Status]) -> Status:
    """A target's status from its indicators' (see ``TargetDelivery.status``)."""
    found = set(statuses)
    return next((s for s in _WORST_FIRST if s in found), Status.NO_DATA)


@dataclass(frozen=True)
class IndicatorDelivery:
    indicator: Indicator
    series: tuple[PeriodValue, ...]
    trajectory: tuple[Decimal, ...]
    forecast: Forecast
    status: Status

    @property
    def latest(self) -> PeriodValue | None:
        return self.series[-1] if self.series else None


@dataclass(frozen=True)
class TargetDelivery:
    ref: str
    title: str
    potential: Decimal
    forecast_earned: Decimal
    earned: Decimal
    indicators: tuple[IndicatorDelivery, ...]

    @property
    def at_risk(self) -> Decimal:
        return self.potential - self.forecast_earned

    @property
    def status(self) -> Status:
        """The worst of its indicators' (at risk > behind > on track; no data counts as
        not yet known and only shows when nothing else does)."""
        return worst_status(i.status for i in self.indicators)


@dataclass(frozen=True)
class AgreementDelivery:
    agreement: Agreement
    periods: tuple[ReportingPeriod, ...]
    targets: tuple[TargetDelivery, ...]
    reward: RewardResult
    forecast_reward: RewardResult

    @property
    def pot(self) -> Decimal:
        return self.reward.pot

    @property
    def forecast_total(self) -> Decimal:
        return self.forecast_reward.total_earned

    @property
    def at_risk(self) -> Decimal:
        return sum((t.at_risk for t in self.targets), ZERO)

    def count(self, wanted: Status) -> int:
        return sum(1 for t in self.targets if t.status is wanted)

    def indicator(self, ref: str) -> IndicatorDelivery | None:
        return next((i for t in self.targets for i in t.indicators if i.indicator.ref == ref), None)


def assess_agreement(
    agreement: Agreement,
    outturns: Iterable[Outturn],
    *,
    frequency: Frequency = DEFAULT_FREQUENCY,
    limits: StatusLimits = DEFAULT_LIMITS,
    up_to: ReportingPeriod | None = None,
) -> AgreementDelivery:
    """The delivery picture; with ``up_to``, as it stood at the end of that period (later
    outturns are ignored, as in a report for that quarter)."""
    periods = reporting_periods(agreement.period_start, agreement.period_end, frequency)
    series = series_by_indicator(outturns, periods)
    if up_to is not None:
        series = {
            ref: tuple(v for v in values if v.period.index <= up_to.index)
            for ref, values in series.items()
        }
    forecasts: dict[str, Decimal | None] = {}
    deliveries: dict[str, IndicatorDelivery] = {}
    for target in agreement.active_targets:
        for indicator in target.indicators:
            own = series.get(indicator.ref, ())
            predicted = forecast(own, periods, min_points=limits.min_points)
            forecasts[indicator.ref] = predicted.value
            line = trajectory(indicator, periods)
            judged = status(
                indicator,
                own,
                periods,
                predicted,
                threshold=agreement.threshold,
                limits=limits,
                line=line,
            )
            deliveries[indicator.ref] = IndicatorDelivery(indicator, own, line, predicted, judged)
    reward = compute_reward(agreement)
    forecast_reward = compute_reward(agreement, forecasts)
    targets = tuple(
        TargetDelivery(
            ref=target.ref,
            title=target.title,
            potential=result.potential,
            forecast_earned=predicted.earned,
            earned=result.earned,
            indicators=tuple(deliveries[i.ref] for i in target.indicators),
        )
        for target, result, predicted in zip(
            agreement.active_targets, reward.targets, forecast_reward.targets, strict=True
        )
    )
    return AgreementDelivery(agreement, periods, targets, reward, forecast_reward)
