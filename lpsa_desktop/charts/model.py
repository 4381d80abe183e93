"""What a chart shows, in data terms: series, reference lines, bars. Values are floats
because they only become positions on a page; the figures printed beside them come from
the Decimal domain, already formatted."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Stroke(StrEnum):
    SOLID = "solid"
    DASHED = "dashed"
    DOTTED = "dotted"
    NONE = "none"


class Marker(StrEnum):
    NONE = "none"
    FILLED = "filled"
    HOLLOW = "hollow"
    DIAMOND = "diamond"


@dataclass(frozen=True)
class ReferenceLine:
    label: str
    value: float
    colour: str
    stroke: Stroke = Stroke.DASHED


@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[tuple[float, float], ...]
    """(x, y): x is the period number (0 = baseline)."""
    colour: str
    stroke: Stroke = Stroke.SOLID
    marker: Marker = Marker.NONE
    marker_last_only: bool = False
    """Mark only the last point (a forecast drawn on from the latest outturn)."""


@dataclass(frozen=True)
class LineChart:
    title: str
    x_labels: tuple[str, ...]
    """One label per x position 0..n."""
    series: tuple[Series, ...]
    references: tuple[ReferenceLine, ...] = ()
    y_format: str = "{:,.0f}"
    note: str = ""


@dataclass(frozen=True)
class BarGroup:
    label: str
    values: tuple[float, ...]
    """One per category."""
    colour: str


@dataclass(frozen=True)
class BarChart:
    title: str
    categories: tuple[str, ...]
    groups: tuple[BarGroup, ...]
    y_format: str = "£{:,.0f}"
    note: str = ""


Chart = LineChart | BarChart
