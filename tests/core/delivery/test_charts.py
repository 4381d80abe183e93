"""The neutral chart description and its layout (what both the window and the PDF draw)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from lpsa_desktop.charts import layout
from lpsa_desktop.charts.builders import indicator_chart, reward_chart
from lpsa_desktop.charts.model import Marker, Stroke
from lpsa_desktop.domain.delivery.assessment import assess_agreement
from lpsa_desktop.domain.delivery.outturns import Outturn
from tests.core.domain.builders import agreement, indicator, target

ONE = replace(indicator("1", baseline="40", without="45", with_="50"), interim=Decimal("44"))
PICTURE = assess_agreement(
    agreement(target("1", ONE), nbr="40000000"),
    [
        Outturn("1", "2003/04", Decimal(44), date(2004, 6, 1), audited=True),
        Outturn("1", "2004/05", Decimal(47), date(2005, 6, 1)),
    ],
)


def test_the_indicator_chart_has_every_reference_line_and_marks_audited_apart() -> None:
    item = PICTURE.targets[0].indicators[0]
    chart = indicator_chart(item, PICTURE.periods, threshold=Decimal("0.60"))
    assert [(r.label, r.value) for r in chart.references] == [
        ("Baseline", 40.0),
        ("Without LPSA", 45.0),
        ("With LPSA (target)", 50.0),
        ("Interim", 44.0),
        ("60% of the stretch", 48.0),
    ]
    by_label = {s.label: s for s in chart.series}
    assert by_label["Trajectory"].points[0] == (0.0, 40.0) and by_label["Trajectory"].points[
        -1
    ] == (3.0, 50.0)
    assert (
        by_label["Audited"].points == ((1.0, 44.0),) and by_label["Audited"].marker is Marker.FILLED
    )
    assert (
        by_label["Provisional"].points == ((2.0, 47.0),)
        and by_label["Provisional"].marker is Marker.HOLLOW
    )
    assert by_label["Forecast"].points == ((2.0, 47.0), (3.0, 50.0))
    assert by_label["Forecast"].stroke is Stroke.DOTTED
    assert chart.x_labels == ("Baseline", "2003/04", "2004/05", "2005/06")


def test_the_layout_places_every_point_inside_the_plot_and_keeps_order() -> None:
    item = PICTURE.targets[0].indicators[0]
    scene = layout.lay_out(
        indicator_chart(item, PICTURE.periods, threshold=Decimal("0.6")), 600, 300
    )
    dots = [d for d in scene.items if isinstance(d, layout.Dot) and d.size == 7.0]
    assert [d.marker for d in dots] == [
        Marker.FILLED,
        Marker.HOLLOW,
        Marker.DIAMOND,
    ]
    assert all(0 < d.x < 600 and 0 < d.y < 300 for d in dots)
    assert dots[0].x < dots[1].x and dots[0].y > dots[1].y  # 44 then 47: right and up


def test_nice_ticks_cover_the_range_with_round_steps() -> None:
    assert layout.nice_ticks(0, 298162.5) == [0, 100000, 200000, 300000]
    assert layout.nice_ticks(66.3, 75.7) == [66, 68, 70, 72, 74, 76]


def test_the_reward_chart_shows_potential_forecast_and_earned_by_target() -> None:
    chart = reward_chart(PICTURE)
    assert chart.categories == ("1",)
    assert [(g.label, g.values) for g in chart.groups] == [
        ("Potential", (1000000.0,)),
        ("Forecast", (1000000.0,)),
        ("Earned", (0.0,)),
    ]
