"""The portfolio's fast path (every agreement read at once, judged from (period, value)
points, one reward run each) gives exactly what the full delivery picture of each agreement
gives, on a realistic store: the text of every sum of money, and each target's status."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from decimal import Decimal

import pytest

from bench.delivery_data import outturn_entries, seed_portfolio
from lpsa_desktop.domain.agreement import Council
from lpsa_desktop.domain.delivery.outturns import OutturnEntry
from lpsa_desktop.domain.delivery.portfolio import PortfolioEntry, entry_of
from lpsa_desktop.domain.delivery.reporting_periods import Frequency
from lpsa_desktop.domain.delivery.trajectory import (
    DEFAULT_LIMITS,
    ForecastMethod,
    Status,
    StatusLimits,
)
from lpsa_desktop.services.agreement_editing import create_agreement
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.services.delivery_queries import assess, portfolio
from lpsa_desktop.services.demo import add_demo_agreement, demo_agreement
from lpsa_desktop.services.outturn_recording import record_outturns, set_frequency
from lpsa_desktop.storage.store import Store

DEMO = "bath-ne-somerset-lpsa1"
STRICT = StatusLimits(behind_tolerance=Decimal("0.05"), at_risk_level=Decimal("0.7"), min_points=3)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("portfolio") / "s.sqlite"
    opened = Store.open(str(path))
    # Five agreements of 12 one-indicator targets, 12 down to 8 quarters reported: end
    # outturns and least-squares lines, ahead, behind and failing.
    seeded = seed_portfolio(opened, 5, periods_done=12, stagger=True)
    # An audited end value sets the reward's actual: the stored reward and the forecast
    # one then differ.
    record_outturns(
        opened,
        seeded[0],
        [OutturnEntry("1", "2005/06 Q4", Decimal("74.25"), audited=True)],
        officer="T",
    )
    # The demo (weights, a reserve target, both directions, several indicators a target),
    # six quarters in; but indicator 2 has one outturn, 5 two (a line, or too few for
    # three points) and 7 none.
    add_demo_agreement(opened, officer="T")
    set_frequency(opened, DEMO, Frequency.QUARTERLY, officer="T")
    entries = outturn_entries(load_agreement(opened, DEMO), periods_done=6)
    wanted = {"2": {"2003/04 Q1"}, "5": {"2003/04 Q1", "2003/04 Q2"}, "7": set()}
    kept = [e for e in entries if e.period in wanted.get(e.indicator_ref, {e.period})]
    record_outturns(opened, DEMO, kept[::-1], officer="T")  # stored latest first
    # One agreement reporting yearly by default, with nothing reported yet.
    demo = demo_agreement()
    create_agreement(
        opened,
        dataclasses.replace(demo, ref="quiet-lpsa1", councils=(Council("Quiet Council"),)),
        officer="T",
    )
    opened.close()
    # An outturn left under a period the demo no longer has (an older schedule's label).
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO outturns (agreement_ref, indicator_ref, period, value, recorded_on, "
            "audited, note, internal_note) VALUES (?, '1a', '2003/04', '99', '2004-05-01', 1, "
            "'', '')",
            (DEMO,),
        )
    db.close()
    reopened = Store.open(str(path))
    yield reopened
    reopened.close()


def _exact(entries: list[PortfolioEntry]) -> list[tuple[object, ...]]:
    # Money by its text: Decimal("1.0") == Decimal("1.00"), and the fast path must not
    # even change an exponent.
    return [
        (e.ref, e.council, str(e.pot), str(e.forecast_reward), str(e.at_risk), e.statuses)
        for e in entries
    ]


@pytest.mark.parametrize("limits", [DEFAULT_LIMITS, STRICT], ids=["default", "strict"])
def test_the_portfolio_equals_each_agreements_full_delivery_picture(
    store: Store, limits: StatusLimits
) -> None:
    fast = portfolio(store, limits=limits)
    refs = [e.ref for e in fast]
    assert len(refs) == 7 and refs == sorted(refs)
    views = [assess(store, ref, limits=limits) for ref in refs]
    assert _exact(fast) == _exact([entry_of(v.delivery) for v in views])
    # The store is realistic enough to prove it: every status and forecast method occurs.
    statuses = {s for e in fast for s in e.statuses}
    assert {Status.ON_TRACK, Status.BEHIND, Status.AT_RISK, Status.NO_DATA} <= statuses
    methods = {i.forecast.method for v in views for t in v.delivery.targets for i in t.indicators}
    assert methods == set(ForecastMethod)

    with store.unit_of_work() as uow:  # the stale outturn is there to be left out
        assert ("2003/04", Decimal("99")) in uow.delivery.all_outturn_points()[DEMO]["1a"]


@pytest.mark.both_engines
def test_the_portfolio_reads_the_same_points_on_either_engine(store_location: str) -> None:
    """The fast path reads outturns through the driver, whose value and period types differ
    between SQLite and PostgreSQL: on both it must give what the full picture gives."""
    opened = Store.open(store_location)
    try:
        seed_portfolio(opened, 2, periods_done=8, stagger=True)
        add_demo_agreement(opened, officer="T")
        set_frequency(opened, DEMO, Frequency.QUARTERLY, officer="T")
        record_outturns(
            opened, DEMO, outturn_entries(load_agreement(opened, DEMO), periods_done=5), officer="T"
        )
        fast = portfolio(opened)
        assert [e.ref for e in fast] == sorted(e.ref for e in fast) and len(fast) == 3
        full = [entry_of(assess(opened, e.ref).delivery) for e in fast]
        assert _exact(fast) == _exact(full)
        assert any(e.forecast_reward > 0 for e in fast)  # outturns were read, not ignored
        with opened.unit_of_work() as uow:
            points = uow.delivery.all_outturn_points()[DEMO]
        assert all(isinstance(v, Decimal) and isinstance(p, str) for p, v in points["1a"])
    finally:
        opened.close()
