"""The trajectory, an indicator's status against it, and the forecast of its end value.

- **Trajectory**: the straight line from the baseline (at the start, x = 0) to the with-LPSA
  target (at the end of the last period, x = n); period k's planned level is
  baseline + (with − baseline) × k / n.
- **Forecast**: if the end period has an outturn, that outturn. Otherwise the ordinary
  least-squares line through the outturns so far (x = period number, y = value), read at
  the end period; fewer than ``min_points`` outturns give no forecast and say so.
- **Status** (direction-aware), in this order: *no data* (no outturn); *not judged* (no
  baseline or with-LPSA level to draw the line); *at risk* of earning nothing when the
  forecast achieves less than the risk level of the enhancement (the agreement's threshold
  unless given) — or, with too few points for a forecast, when the latest outturn is worse
  than the line from the baseline to the threshold level; *behind* when the latest outturn
  falls short of the trajectory by more than the tolerance (a fraction of the planned
  improvement, baseline to with-LPSA); else *on track*.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from lpsa_desktop.domain.agreement import Indicator
from lpsa_desktop.domain.delivery.outturns import PeriodValue
from lpsa_desktop.domain.delivery.reporting_periods import ReportingPeriod
from lpsa_desktop.domain.enums import Direction
from lpsa_desktop.domain.reward import achieved_fraction, outturn_needed


class Status(StrEnum):
    ON_TRACK = "on_track"
    BEHIND = "behind"
    AT_RISK = "at_risk"
    NO_DATA = "no_data"
    NOT_JUDGED = "not_judged"

    @property
    def words(self) -> str:
        return {
            "on_track": "on track",
            "behind": "behind",
            "at_risk": "at risk of earning nothing",
            "no_data": "no outturn yet",
            "not_judged": "not judged (no baseline or target)",
        }[self.value]


@dataclass(frozen=True)
class StatusLimits:
    behind_tolerance: Decimal = Decimal(0)
    """How far (a fraction of baseline → with-LPSA) an outturn may trail the line and still
    be on track."""
    at_risk_level: Decimal | None = None
    """The fraction of the enhancement below which the forecast is at risk; None: the
    agreement's threshold (60%)."""
    min_points: int = 2
    """Outturns needed for a forecast line."""


DEFAULT_LIMITS = StatusLimits()


class ForecastMethod(StrEnum):
    END_OUTTURN = "end_outturn"
    LINE = "line"
    TOO_FEW_POINTS = "too_few_points"


@dataclass(frozen=True)
class Forecast:
    value: Decimal | None
    method: ForecastMethod
    points: int
    slope: Decimal | None = None
    intercept: Decimal | None = None

    @property
    def words(self) -> str:
        if self.method is ForecastMethod.END_OUTTURN:
            return "the end period's outturn"
        if self.method is ForecastMethod.LINE:
            return f"a straight line through {self.points} outturns"
        return f"too few outturns for a forecast ({self.points})"


def trajectory(indicator: Indicator, periods: Sequence[ReportingPeriod]) -> tuple[Decimal, ...]:
    """The planned level at the end of each period (empty without a baseline or target)."""
    if indicator.baseline is None or indicator.with_ is None or not periods:
        return ()
    n = len(periods)
    return tuple(_level(indicator.baseline, indicator.with_, n, p.index) for p in periods)


def planned_level(indicator: Indicator, period_count: int, index: int) -> Decimal | None:
    """The trajectory at the end of period ``index`` of ``period_count``, alone (the
    portfolio needs two points of each line, not all of them); None without a baseline or
    target."""
    if indicator.baseline is None or indicator.with_ is None:
        return None
    return _level(indicator.baseline, indicator.with_, period_count, index)


def _level(baseline: Decimal, with_: Decimal, period_count: int, index: int) -> Decimal:
    step = (with_ - baseline) / period_count
    return baseline + step * index


def forecast(
    series: Sequence[PeriodValue], periods: Sequence[ReportingPeriod], *, min_points: int = 2
) -> Forecast:
    return forecast_points(
        [v.period.index for v in series],
        [v.outturn.value for v in series],
        periods[-1].index if periods else None,
        min_points=min_points,
    )


def forecast_points(
    xs: Sequence[int], ys: Sequence[Decimal], end: int | None, *, min_points: int = 2
) -> Forecast:
    """The forecast from the outturns as (period number, value) pairs in period order, for
    the end period ``end`` (None: the agreement has no periods). ``forecast`` in terms the
    portfolio can give without building an outturn per row."""
    if end is not None and xs and xs[-1] == end:
        return Forecast(ys[-1], ForecastMethod.END_OUTTURN, len(xs))
    if len(xs) < max(min_points, 2) or end is None:
        return Forecast(None, ForecastMethod.TOO_FEW_POINTS, len(xs))
    xds = [Decimal(x) for x in xs]
    mean_x = sum(xds, Decimal(0)) / len(xds)
    mean_y = sum(ys, Decimal(0)) / len(ys)
    spread = sum(((x - mean_x) ** 2 for x in xds), Decimal(0))
    slope = sum(((x - mean_x) * (y - mean_y) for x, y in zip(xds, ys, strict=True)), Decimal(0))
    slope /= spread
    intercept = mean_y - slope * mean_x
    at_end = Decimal(end)
    return Forecast(intercept + slope * at_end, ForecastMethod.LINE, len(xs), slope, intercept)


def status(
    indicator: Indicator,
    series: Sequence[PeriodValue],
    periods: Sequence[ReportingPeriod],
    predicted: Forecast,
    *,
    threshold: Decimal,
    limits: StatusLimits = DEFAULT_LIMITS,
    line: tuple[Decimal, ...] | None = None,
) -> Status:
    """``line``: the trajectory, if the caller has worked it out already."""
    if not series:
        return Status.NO_DATA
    if line is None:
        line = trajectory(indicator, periods)
    latest = series[-1]
    return judge_latest(
        indicator,
        (latest.period.index, latest.outturn.value),
        len(periods),
        predicted,
        threshold=threshold,
        limits=limits,
        planned=(line[latest.period.index - 1], line[-1]) if line else None,
    )


def judge_latest(
    indicator: Indicator,
    latest: tuple[int, Decimal] | None,
    period_count: int,
    predicted: Forecast,
    *,
    threshold: Decimal,
    limits: StatusLimits,
    planned: tuple[Decimal, Decimal] | None,
) -> Status:
    """``status`` from the latest outturn alone, as (period number, value), None without one;
    ``planned`` is the trajectory at the latest outturn's period and at the end period of
    ``period_count`` (None: no trajectory)."""
    if latest is None:
        return Status.NO_DATA
    if planned is None:
        return Status.NOT_JUDGED
    latest_index, latest_value = latest
    risk_level = threshold if limits.at_risk_level is None else limits.at_risk_level
    sign = 1 if indicator.direction is Direction.HIGHER else -1
    if predicted.value is not None:
        achieved = achieved_fraction(indicator, predicted.value)
        if achieved is not None and achieved < risk_level:
            return Status.AT_RISK
    else:
        floor_end = outturn_needed(indicator, risk_level)
        if floor_end is not None and indicator.baseline is not None:
            k = Decimal(latest_index) / period_count
            floor_now = indicator.baseline + (floor_end - indicator.baseline) * k
            if sign * (latest_value - floor_now) < 0:
                return Status.AT_RISK
    planned_now, planned_end = planned
    shortfall = sign * (planned_now - latest_value)
    assert indicator.baseline is not None  # the line exists
    allowed = limits.behind_tolerance * abs(planned_end - indicator.baseline)
    return Status.BEHIND if shortfall > allowed else Status.ON_TRACK
