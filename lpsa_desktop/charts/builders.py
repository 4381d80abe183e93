"""The charts of delivery monitoring, described from the domain: one per indicator, one of
an agreement's reward by target, and one of the whole portfolio."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lpsa_desktop.charts import palette
from lpsa_desktop.charts.model import (
    BarChart,
    BarGroup,
    LineChart,
    Marker,
    ReferenceLine,
    Series,
    Stroke,
)
from lpsa_desktop.domain.delivery.assessment import AgreementDelivery, IndicatorDelivery
from lpsa_desktop.domain.delivery.portfolio import PortfolioEntry
from lpsa_desktop.domain.delivery.reporting_periods import ReportingPeriod
from lpsa_desktop.domain.enums import Unit
from lpsa_desktop.domain.reward import outturn_needed


def indicator_chart(
    item: IndicatorDelivery, periods: Sequence[ReportingPeriod], *, threshold: Decimal
) -> LineChart:
    """Baseline, without, with, interim and the threshold level as reference lines; the
    trajectory; audited outturns (filled) and provisional ones (hollow); the forecast."""
    ind = item.indicator
    n = len(periods)
    x_labels = ("Baseline", *(p.label for p in periods))
    refs: list[ReferenceLine] = []

    def ref(label: str, value: Decimal | None, colour: str, stroke: Stroke) -> None:
        if value is not None:
            refs.append(ReferenceLine(label, float(value), colour, stroke))

    ref("Baseline", ind.baseline, palette.BASELINE, Stroke.DOTTED)
    ref("Without LPSA", ind.without, palette.WITHOUT, Stroke.DASHED)
    ref("With LPSA (target)", ind.with_, palette.WITH, Stroke.SOLID)
    ref("Interim", ind.interim, palette.INTERIM, Stroke.DOTTED)
    level = outturn_needed(ind, threshold)
    percent = int(threshold * 100)
    ref(f"{percent}% of the stretch", level, palette.THRESHOLD, Stroke.DASHED)
    series: list[Series] = []
    if item.trajectory and ind.baseline is not None:
        points = (
            (0.0, float(ind.baseline)),
            *((float(i + 1), float(v)) for i, v in enumerate(item.trajectory)),
        )
        series.append(Series("Trajectory", points, palette.TRAJECTORY, Stroke.DASHED))
    outturns = tuple((float(v.period.index), float(v.outturn.value)) for v in item.series)
    if outturns:
        series.append(Series("Outturns", outturns, palette.AUDITED, Stroke.SOLID, Marker.NONE))
    audited = tuple(
        (float(v.period.index), float(v.outturn.value)) for v in item.series if v.outturn.audited
    )
    provisional = tuple(
        (float(v.period.index), float(v.outturn.value))
        for v in item.series
        if not v.outturn.audited
    )
    if audited:
        series.append(Series("Audited", audited, palette.AUDITED, Stroke.NONE, Marker.FILLED))
    if provisional:
        series.append(
            Series("Provisional", provisional, palette.PROVISIONAL, Stroke.NONE, Marker.HOLLOW)
        )
    if item.forecast.value is not None and item.series and item.series[-1].period.index < n:
        last = outturns[-1]
        series.append(
            Series(
                "Forecast",
                (last, (float(n), float(item.forecast.value))),
                palette.FORECAST,
                Stroke.DOTTED,
                Marker.DIAMOND,
                marker_last_only=True,
            )
        )
    decimals = max(0, min(ind.decimals, 3))
    suffix = "%" if ind.unit is Unit.PERCENT else ""
    prefix = "£" if ind.unit is Unit.MONEY else ""
    return LineChart(
        title=f"{ind.ref}  {_clip(ind.description, 70)}",
        x_labels=x_labels,
        series=tuple(series),
        references=tuple(refs),
        y_format=prefix + "{:,." + str(decimals) + "f}" + suffix,
        note=f"{item.status.words.capitalize()}; forecast: {item.forecast.words}",
    )


def reward_chart(picture: AgreementDelivery) -> BarChart:
    """Potential, forecast and earned reward by target."""
    targets = picture.targets
    return BarChart(
        title="Reward by target: potential, forecast and earned",
        categories=tuple(t.ref for t in targets),
        groups=(
            BarGroup("Potential", tuple(float(t.potential) for t in targets), palette.POTENTIAL),
            BarGroup(
                "Forecast", tuple(float(t.forecast_earned) for t in targets), palette.FORECAST_BAR
            ),
            BarGroup("Earned", tuple(float(t.earned) for t in targets), palette.EARNED),
        ),
    )


def portfolio_chart(pictures: Sequence[PortfolioEntry]) -> BarChart:
    """Each agreement's pot beside its forecast reward and reward at risk."""
    return BarChart(
        title=f"Portfolio: {len(pictures)} agreements — pot, forecast reward and reward at risk",
        categories=tuple(_clip(p.council, 14) for p in pictures),
        groups=(
            BarGroup("Pot", tuple(float(p.pot) for p in pictures), palette.POTENTIAL),
            BarGroup(
                "Forecast", tuple(float(p.forecast_reward) for p in pictures), palette.FORECAST_BAR
            ),
            BarGroup("At risk", tuple(float(p.at_risk) for p in pictures), palette.AT_RISK),
        ),
    )


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
