"""What the Executive's performance report says, as plain data: the summary lines and the
commentary, taken from the delivery picture. Only outturns' public notes are used; internal
notes never reach a report."""

from __future__ import annotations

from dataclasses import dataclass

from lpsa_desktop.domain.delivery.assessment import AgreementDelivery
from lpsa_desktop.domain.display import indicator_value
from lpsa_desktop.domain.money import format_money


@dataclass(frozen=True)
class SummaryLine:
    target: str
    indicator: str
    description: str
    status: str
    latest: str
    forecast: str
    at_risk: str
    """Given on a target's first line only."""


@dataclass(frozen=True)
class Commentary:
    indicator: str
    period: str
    text: str


def summary_lines(picture: AgreementDelivery) -> list[SummaryLine]:
    lines = []
    for target in picture.targets:
        for n, item in enumerate(target.indicators):
            ind = item.indicator
            latest = item.latest
            shown = "–"
            if latest is not None:
                state = "audited" if latest.outturn.audited else "provisional"
                value = indicator_value(ind, latest.outturn.value, exact=True)
                shown = f"{value} ({latest.period.label}, {state})"
            forecast = indicator_value(ind, item.forecast.value, exact=True)
            if item.forecast.value is None:
                forecast = "too few outturns"
            lines.append(
                SummaryLine(
                    target.ref if n == 0 else "",
                    ind.ref,
                    ind.description,
                    item.status.words,
                    shown,
                    forecast,
                    format_money(target.at_risk, pence=True) if n == 0 else "",
                )
            )
    return lines


def commentary(picture: AgreementDelivery, target_ref: str) -> list[Commentary]:
    """The notes of a target's outturns, in period order (public notes only)."""
    target = next(t for t in picture.targets if t.ref == target_ref)
    return [
        Commentary(item.indicator.ref, v.period.label, v.outturn.note)
        for item in target.indicators
        for v in item.series
        if v.outturn.note.strip()
    ]
