"""The reporting periods of an agreement: quarters, four-monthly periods or years.

Periods run from the agreement's start date in steps of 3, 4 or 12 months; the last one
ends on the agreement's end date (the *end period*, whose audited value the reward uses).
An agreement that starts on 1 April is labelled by financial year ("2005/06 Q2",
"2005/06 P3", "2005/06"); any other start is labelled by the month a period ends
("Dec 2005"), as York's December-ending agreements reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from lpsa_desktop.domain.periods import financial_year_of, format_date


class Frequency(StrEnum):
    QUARTERLY = "quarterly"
    FOUR_MONTHLY = "four_monthly"
    ANNUAL = "annual"

    @property
    def months(self) -> int:
        return {"quarterly": 3, "four_monthly": 4, "annual": 12}[self.value]

    @property
    def letter(self) -> str:
        return {"quarterly": "Q", "four_monthly": "P", "annual": ""}[self.value]


DEFAULT_FREQUENCY = Frequency.ANNUAL
"""What an agreement reports by until the officer says otherwise (and what a store migrated
from the single outturn gets: its outturn becomes the last year's value)."""


@dataclass(frozen=True)
class ReportingPeriod:
    label: str
    index: int
    """1 for the first period; the trajectory's x axis (0 is the baseline)."""
    start: date
    end: date

    def __str__(self) -> str:
        return f"{self.label} ({format_date(self.start)}–{format_date(self.end)})"


def _add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    return date(day.year + month0 // 12, month0 % 12 + 1, 1)


@lru_cache(maxsize=256)
def reporting_periods(start: date, end: date, frequency: Frequency) -> tuple[ReportingPeriod, ...]:
    """Every period from ``start`` to ``end`` (the last one may be shorter). Cached: the
    result is immutable, and a portfolio asks for the same few schedules many times."""
    if end < start:
        return ()
    fy_aligned = start.month == 4 and start.day == 1
    periods: list[ReportingPeriod] = []
    first = date(start.year, start.month, 1)
    index = 0
    while True:
        index += 1
        period_start = start if index == 1 else _add_months(first, (index - 1) * frequency.months)
        period_end = _add_months(first, index * frequency.months) - timedelta(days=1)
        period_end = min(end, period_end)
        periods.append(
            ReportingPeriod(
                _label(period_start, period_end, frequency, fy_aligned),
                index,
                period_start,
                period_end,
            )
        )
        if period_end >= end:
            return tuple(periods)


def _label(start: date, end: date, frequency: Frequency, fy_aligned: bool) -> str:
    if not fy_aligned:
        return end.strftime("%b %Y")
    year = financial_year_of(start)
    if frequency is Frequency.ANNUAL:
        return year
    within = (start.month - 4) % 12 // frequency.months + 1
    return f"{year} {frequency.letter}{within}"


def fold_label(text: str) -> str:
    """How period labels are compared: case and spacing ignored ('2005/06q4' = '2005/06 Q4')."""
    return "".join(text.split()).casefold()


def find_period(periods: tuple[ReportingPeriod, ...], text: str) -> ReportingPeriod | None:
    """A period by its label, or 'end' for the end period."""
    wanted = fold_label(text)
    if wanted == "end" and periods:
        return periods[-1]
    return next((p for p in periods if fold_label(p.label) == wanted), None)
