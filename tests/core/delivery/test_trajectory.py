"""Trajectory, status and forecast on hand-worked cases, in both directions.

Every case: a three-year agreement reported yearly (2003/04, 2004/05, 2005/06).
"""

from __future__ import annotations

from datetime import date

import pytest

from lpsa_desktop.domain.delivery.assessment import assess_agreement
from lpsa_desktop.domain.delivery.outturns import Outturn, series_by_indicator
from lpsa_desktop.domain.delivery.reporting_periods import Frequency, reporting_periods
from lpsa_desktop.domain.delivery.trajectory import (
    DEFAULT_LIMITS,
    ForecastMethod,
    Status,
    StatusLimits,
    forecast,
    status,
    trajectory,
)
from lpsa_desktop.domain.enums import Direction
from tests.core.domain.builders import D, agreement, indicator, target

START, END = date(2003, 4, 1), date(2006, 3, 31)
YEARS = reporting_periods(START, END, Frequency.ANNUAL)
HIGHER = indicator("1", baseline="40", without="45", with_="50")
# Lower is better: baseline 100, expected 95 without the agreement, 85 with it.
LOWER = indicator("2", baseline="100", without="95", with_="85", direction=Direction.LOWER)


def _series(ref: str, *values: str, audited_last: bool = False) -> tuple:
    outturns = [
        Outturn(
            ref, YEARS[i].label, D(v), date(2004 + i, 6, 1), audited_last and i == len(values) - 1
        )
        for i, v in enumerate(values)
    ]
    return series_by_indicator(outturns, YEARS).get(ref, ())


def _judge(ind, *values: str, limits: StatusLimits = DEFAULT_LIMITS):
    own = _series(ind.ref, *values)
    predicted = forecast(own, YEARS, min_points=limits.min_points)
    return predicted, status(ind, own, YEARS, predicted, threshold=D("0.60"), limits=limits)


def test_periods_by_quarter_four_months_and_year() -> None:
    assert [p.label for p in YEARS] == ["2003/04", "2004/05", "2005/06"]
    quarters = reporting_periods(START, END, Frequency.QUARTERLY)
    assert len(quarters) == 12 and quarters[0].label == "2003/04 Q1"
    assert quarters[-1].label == "2005/06 Q4" and quarters[-1].end == END
    assert quarters[1].start == date(2003, 7, 1) and quarters[1].end == date(2003, 9, 30)
    thirds = reporting_periods(START, END, Frequency.FOUR_MONTHLY)
    assert [p.label for p in thirds[:3]] == ["2003/04 P1", "2003/04 P2", "2003/04 P3"]
    assert thirds[2].start == date(2003, 12, 1) and thirds[2].end == date(2004, 3, 31)
    york = reporting_periods(date(2003, 1, 1), date(2005, 12, 31), Frequency.ANNUAL)
    assert [p.label for p in york] == ["Dec 2003", "Dec 2004", "Dec 2005"]


def test_trajectory_runs_straight_from_baseline_to_target() -> None:
    assert trajectory(HIGHER, YEARS) == (D("40") + D(10) / 3, D("40") + D(20) / 3, D("50"))
    assert trajectory(LOWER, YEARS) == (D("95"), D("90"), D("85"))
    assert trajectory(indicator("3", baseline=None), YEARS) == ()


def test_higher_is_better_ahead_of_the_line_is_on_track_with_a_least_squares_forecast() -> None:
    # 44 then 47: slope 3, intercept 41 → 50 at year 3; 47 is above the planned 46.67.
    predicted, judged = _judge(HIGHER, "44", "47")
    assert predicted.method is ForecastMethod.LINE
    assert (predicted.slope, predicted.intercept, predicted.value) == (D(3), D(41), D(50))
    assert judged is Status.ON_TRACK


def test_higher_is_better_below_the_line_is_behind() -> None:
    # 43 then 46: forecast 49 (80% of the stretch: still earning); 46 < 46.67 planned.
    predicted, judged = _judge(HIGHER, "43", "46")
    assert predicted.value == D(49)
    assert judged is Status.BEHIND


def test_higher_is_better_forecast_under_sixty_percent_is_at_risk() -> None:
    # 42 then 44: forecast 46, i.e. (46 − 45) / 5 = 20% of the enhancement.
    predicted, judged = _judge(HIGHER, "42", "44")
    assert predicted.value == D(46)
    assert judged is Status.AT_RISK


def test_lower_is_better_behind_on_track_and_at_risk() -> None:
    predicted, judged = _judge(LOWER, "96", "91")  # forecast 86: 90%; 91 worse than 90
    assert (predicted.value, judged) == (D(86), Status.BEHIND)
    predicted, judged = _judge(LOWER, "94", "88")  # forecast 82, beyond target; 88 < 90
    assert (predicted.value, judged) == (D(82), Status.ON_TRACK)
    predicted, judged = _judge(LOWER, "99", "98")  # forecast 97: worse than without
    assert (predicted.value, judged) == (D(97), Status.AT_RISK)


def test_a_tolerance_lets_a_small_shortfall_count_as_on_track() -> None:
    # 46 trails 46.67 by 0.67; 10% of the 10-point rise allows 1.
    _, judged = _judge(HIGHER, "43", "46", limits=StatusLimits(behind_tolerance=D("0.1")))
    assert judged is Status.ON_TRACK


def test_a_higher_risk_level_is_a_parameter() -> None:
    # Forecast 49 is 80% of the stretch: at risk only if the risk level is above 80%.
    _, judged = _judge(HIGHER, "43", "46", limits=StatusLimits(at_risk_level=D("0.9")))
    assert judged is Status.AT_RISK


def test_one_outturn_is_too_few_points_and_is_judged_against_the_threshold_line() -> None:
    predicted, judged = _judge(HIGHER, "43")
    assert predicted.method is ForecastMethod.TOO_FEW_POINTS and predicted.value is None
    assert "too few" in predicted.words
    assert judged is Status.BEHIND  # 43 < 43.33 planned, above the 60% line (40 → 48: 42.67)
    _, judged = _judge(HIGHER, "42")
    assert judged is Status.AT_RISK  # below 42.67
    _, judged = _judge(LOWER, "99")  # the 60% line runs 100 → 89, 96.33 after a year
    assert judged is Status.AT_RISK


def test_the_end_periods_outturn_is_the_forecast() -> None:
    predicted, judged = _judge(HIGHER, "44", "45", "48")
    assert (predicted.method, predicted.value) == (ForecastMethod.END_OUTTURN, D(48))
    assert judged is Status.BEHIND


def test_no_outturn_is_no_data() -> None:
    assert _judge(HIGHER)[1] is Status.NO_DATA


@pytest.fixture
def two_targets():
    return agreement(target("1", HIGHER), target("2", LOWER), nbr="40000000")  # pot £1,000,000


def test_forecast_reward_and_reward_at_risk_per_target_and_agreement(two_targets) -> None:
    outturns = [
        Outturn("1", "2003/04", D(43), START),
        Outturn("1", "2004/05", D(46), START),  # forecast 49: 80% of £500,000
        Outturn("2", "2003/04", D(99), START),  # one point: no forecast, counts as nothing
    ]
    picture = assess_agreement(two_targets, outturns)
    one, two = picture.targets
    assert (one.potential, one.forecast_earned, one.at_risk) == (
        D(500000),
        D(400000),
        D(100000),
    )
    assert (two.forecast_earned, two.at_risk) == (D(0), D(500000))
    assert picture.forecast_total == D(400000)
    assert picture.at_risk == D(600000)
    assert (one.status, two.status) == (Status.BEHIND, Status.AT_RISK)
    assert picture.count(Status.AT_RISK) == 1


def test_a_report_as_at_a_period_ignores_later_outturns(two_targets) -> None:
    outturns = [
        Outturn("1", "2003/04", D(44), START),
        Outturn("1", "2004/05", D(47), START),
    ]
    picture = assess_agreement(two_targets, outturns, up_to=YEARS[0])
    assert picture.indicator("1").forecast.method is ForecastMethod.TOO_FEW_POINTS
    assert picture.indicator("1").latest.outturn.value == D(44)
