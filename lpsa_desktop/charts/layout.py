"""A chart laid out in a box: plot area, axes, ticks, legend, as plain primitives in
top-left coordinates (y grows downwards). Both renderers draw exactly these, so the window
and the PDF show the same chart. Text widths are estimated (0.55 em a character): both
faces use DejaVu Sans, whose average width that is."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from lpsa_desktop.charts import palette
from lpsa_desktop.charts.model import BarChart, Chart, LineChart, Marker, Stroke


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 1.0
    stroke: Stroke = Stroke.SOLID


@dataclass(frozen=True)
class Path:
    points: tuple[tuple[float, float], ...]
    colour: str
    width: float = 1.5
    stroke: Stroke = Stroke.SOLID


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    colour: str
    marker: Marker
    size: float = 7.0


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    colour: str


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    """Baseline of the text."""
    text: str
    size: float
    colour: str = palette.INK
    anchor: str = "start"
    """'start', 'middle' or 'end'."""
    bold: bool = False


@dataclass
class Scene:
    width: float
    height: float
    items: list[Line | Path | Dot | Box | Text] = field(default_factory=list)


FONT = 9.0


def text_width(text: str, size: float) -> float:
    return len(text) * size * 0.55


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (1, 2, 2.5 or 5 × 10^k apart)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 0.001:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks


def lay_out(chart: Chart, width: float, height: float) -> Scene:
    if isinstance(chart, LineChart):
        return _line_chart(chart, width, height)
    return _bar_chart(chart, width, height)


def _frame(
    scene: Scene,
    title: str,
    ticks: list[float],
    fmt: str,
    legend_rows: int,
    *,
    note: str = "",
    last_label: float = 0.0,
) -> tuple[float, float, float, float]:
    """Title (and its note beneath), y ticks and grid; returns the plot area (left, top,
    right, bottom)."""
    scene.items.append(Text(8, 16, title, FONT + 2, bold=True))
    if note:
        scene.items.append(Text(8, 29, note, FONT, palette.MUTED))
    labels = [fmt.format(t) for t in ticks]
    left = 14 + max(text_width(s, FONT) for s in labels)
    top = 40.0 if note else 30.0
    right = scene.width - 12 - last_label / 2
    bottom = scene.height - 34 - legend_rows * 15
    return left, top, right, bottom


def _y_axis(
    scene: Scene, area: tuple[float, float, float, float], ticks: list[float], fmt: str
) -> Callable[[float], float]:
    left, top, right, bottom = area
    low, high = ticks[0], ticks[-1]

    def y_of(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - top)

    for tick in ticks:
        y = y_of(tick)
        scene.items.append(Line(left, y, right, y, palette.GRID, 0.6))
        scene.items.append(
            Text(left - 4, y + FONT * 0.35, fmt.format(tick), FONT, palette.MUTED, "end")
        )
    scene.items.append(Line(left, top, left, bottom, palette.INK, 0.8))
    scene.items.append(Line(left, bottom, right, bottom, palette.INK, 0.8))
    return y_of


def _legend(scene: Scene, entries: list[tuple[str, str, Stroke, Marker]], top: float) -> None:
    x, y = 8.0, top
    for label, colour, stroke, marker in entries:
        needed = 26 + text_width(label, FONT) + 14
        if x + needed > scene.width - 8 and x > 8:
            x, y = 8.0, y + 15
        if stroke is not Stroke.NONE:
            scene.items.append(Line(x, y - 3, x + 20, y - 3, colour, 1.5, stroke))
        if marker is not Marker.NONE:
            scene.items.append(Dot(x + 10, y - 3, colour, marker, 6))
        scene.items.append(Text(x + 24, y, label, FONT, palette.INK))
        x += needed


def _legend_rows(scene_width: float, labels: list[str]) -> int:
    rows, x = 1, 8.0
    for label in labels:
        needed = 26 + text_width(label, FONT) + 14
        if x + needed > scene_width - 8 and x > 8:
            rows, x = rows + 1, 8.0
        x += needed
    return rows


def _line_chart(chart: LineChart, width: float, height: float) -> Scene:
    scene = Scene(width, height)
    values = [y for s in chart.series for _x, y in s.points] + [r.value for r in chart.references]
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    pad = (high - low) * 0.08 or abs(high) * 0.1 or 1
    ticks = nice_ticks(low - pad, high + pad)
    legend = [(s.label, s.colour, s.stroke, s.marker) for s in chart.series]
    legend += [(r.label, r.colour, r.stroke, Marker.NONE) for r in chart.references]
    rows = _legend_rows(width, [e[0] for e in legend])
    last = text_width(chart.x_labels[-1], FONT) if chart.x_labels else 0.0
    area = _frame(scene, chart.title, ticks, chart.y_format, rows, note=chart.note, last_label=last)
    left, _top, right, bottom = area
    y_of = _y_axis(scene, area, ticks, chart.y_format)
    n = max(len(chart.x_labels) - 1, 1)

    def x_of(x: float) -> float:
        return left + 10 + x / n * (right - left - 20)

    every = max(1, math.ceil(len(chart.x_labels) * 62 / max(right - left, 1)))
    for i, label in enumerate(chart.x_labels):
        if i % every == 0 or i == len(chart.x_labels) - 1:
            scene.items.append(Line(x_of(i), bottom, x_of(i), bottom + 4, palette.INK, 0.8))
            scene.items.append(Text(x_of(i), bottom + 15, label, FONT, palette.MUTED, "middle"))
    for ref in chart.references:
        y = y_of(ref.value)
        scene.items.append(Line(left, y, right, y, ref.colour, 1.0, ref.stroke))
    for series in chart.series:
        points = tuple((x_of(x), y_of(y)) for x, y in series.points)
        if series.stroke is not Stroke.NONE and len(points) > 1:
            scene.items.append(Path(points, series.colour, 1.6, series.stroke))
        if series.marker is not Marker.NONE:
            marked = points[-1:] if series.marker_last_only else points
            scene.items += [Dot(x, y, series.colour, series.marker) for x, y in marked]
    _legend(scene, legend, bottom + 34)
    return scene


def _bar_chart(chart: BarChart, width: float, height: float) -> Scene:
    scene = Scene(width, height)
    values = [v for g in chart.groups for v in g.values] or [0.0]
    ticks = nice_ticks(min(0.0, *values), max(values) or 1.0)
    legend = [(g.label, g.colour, Stroke.NONE, Marker.FILLED) for g in chart.groups]
    rows = _legend_rows(width, [g.label for g in chart.groups])
    area = _frame(scene, chart.title, ticks, chart.y_format, rows, note=chart.note)
    left, _top, right, bottom = area
    y_of = _y_axis(scene, area, ticks, chart.y_format)
    count = max(len(chart.categories), 1)
    slot = (right - left) / count
    bar = slot * 0.8 / max(len(chart.groups), 1)
    every = max(1, math.ceil(count * 40 / max(right - left, 1)))
    for i, category in enumerate(chart.categories):
        x0 = left + i * slot + slot * 0.1
        for j, group in enumerate(chart.groups):
            value = group.values[i]
            y = y_of(value)
            scene.items.append(
                Box(
                    x0 + j * bar,
                    min(y, y_of(0)),
                    max(bar - 0.5, 0.5),
                    abs(y_of(0) - y),
                    group.colour,
                )
            )
        if i % every == 0:
            scene.items.append(
                Text(left + (i + 0.5) * slot, bottom + 15, category, FONT, palette.MUTED, "middle")
            )
    _legend(scene, legend, bottom + 34)
    return scene
