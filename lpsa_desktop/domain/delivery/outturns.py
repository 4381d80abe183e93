"""Outturns over time: one value per indicator and reporting period, provisional or audited.

The reward's "actual" is the end period's audited value; an officer may still type another
for a what-if. ``note`` is commentary for the Executive's report; ``internal_note`` never
leaves the program.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from lpsa_desktop.domain.delivery.reporting_periods import ReportingPeriod


@dataclass(frozen=True)
class Outturn:
    indicator_ref: str
    period: str
    """The reporting period's label (see ``reporting_periods``)."""
    value: Decimal
    recorded_on: date
    audited: bool = False
    note: str = ""
    internal_note: str = ""


class PeriodValue(NamedTuple):
    """An outturn placed on the trajectory's axis (a named tuple: the portfolio makes
    20,000 of them, and a frozen dataclass's __init__ costs five times as much)."""

    period: ReportingPeriod
    outturn: Outturn


@dataclass(frozen=True)
class OutturnEntry:
    """One value to record, as typed or read from a return (period as its label)."""

    indicator_ref: str
    period: str
    value: Decimal
    audited: bool = False
    note: str = ""
    internal_note: str | None = None
    """None keeps the stored one (a return never carries internal notes)."""
    recorded_on: date | None = None
    """None: today for a new value, else the date already stored."""


def series_by_indicator(
    outturns: Iterable[Outturn], periods: tuple[ReportingPeriod, ...]
) -> dict[str, tuple[PeriodValue, ...]]:
    """Each indicator's outturns in period order; outturns for periods the agreement no
    longer has (its dates or frequency changed) are left out."""
    by_label = {p.label: p for p in periods}
    found: dict[str, list[PeriodValue]] = {}
    for outturn in outturns:
        period = by_label.get(outturn.period)
        if period is not None:
            found.setdefault(outturn.indicator_ref, []).append(PeriodValue(period, outturn))
    return {
        ref: tuple(sorted(values, key=lambda v: v.period.index)) for ref, values in found.items()
    }


def audited_end_values(
    series: Mapping[str, tuple[PeriodValue, ...]], periods: tuple[ReportingPeriod, ...]
) -> dict[str, Decimal]:
    """Indicator ref → its audited value for the end period, where there is one."""
    if not periods:
        return {}
    end = periods[-1].label
    return {
        ref: v.outturn.value
        for ref, values in series.items()
        for v in values
        if v.period.label == end and v.outturn.audited
    }


def remap_periods(
    outturns: Iterable[Outturn],
    old: tuple[ReportingPeriod, ...],
    new: tuple[ReportingPeriod, ...],
) -> tuple[list[Outturn], list[Outturn]]:
    """Outturns moved to a new schedule: each goes to the new period that ends on the same
    day as its old one (a year's value becomes its last quarter's). Returns (moved, those
    with no such period)."""
    old_end = {p.label: p.end for p in old}
    new_by_end = {p.end: p.label for p in new}
    moved: list[Outturn] = []
    stranded: list[Outturn] = []
    for outturn in outturns:
        end = old_end.get(outturn.period)
        label = new_by_end.get(end) if end else None
        if label is None:
            stranded.append(outturn)
        else:
            moved.append(
                Outturn(
                    outturn.indicator_ref,
                    label,
                    outturn.value,
                    outturn.recorded_on,
                    outturn.audited,
                    outturn.note,
                    outturn.internal_note,
                )
            )
    return moved, stranded
