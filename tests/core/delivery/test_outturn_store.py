"""Outturns over time in a real store: recording, the reward's actual following the audited
end value, a change of frequency, and the migration from the single outturn."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from lpsa_desktop.domain.delivery.outturns import Outturn, OutturnEntry
from lpsa_desktop.domain.delivery.reporting_periods import Frequency
from lpsa_desktop.errors import InvalidValueError, NotFoundError
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.services.outturn_recording import (
    StrandedOutturnsError,
    delivery_record,
    record_outturns,
    set_frequency,
)
from lpsa_desktop.storage.migration_delivery import CARRIED_OVER
from lpsa_desktop.storage.store import Store

REF = "bath-ne-somerset-lpsa1"
V3 = Path(__file__).parents[2] / "data" / "schemas" / "v3.sql"


pytestmark = pytest.mark.both_engines


@pytest.fixture
def store(store_location: str):
    opened = Store.open(store_location)
    add_demo_agreement(opened, officer="Test")
    yield opened
    opened.close()


def _actual(store: Store, ref: str) -> Decimal | None:
    found = load_agreement(store, REF).find_indicator(ref)
    assert found is not None
    return found[1].actual


def test_a_provisional_end_value_leaves_the_actual_and_an_audited_one_sets_it(store) -> None:
    record_outturns(store, REF, [OutturnEntry("1a", "2005/06", Decimal("72"))], officer="T")
    assert _actual(store, "1a") is None
    record_outturns(
        store,
        REF,
        [OutturnEntry("1a", "end", Decimal("72.5"), audited=True, note="KS3")],
        officer="T",
    )
    assert _actual(store, "1a") == Decimal("72.5")
    record = delivery_record(store, REF)
    assert [(o.period, o.value, o.audited, o.note) for o in record.outturns] == [
        ("2005/06", Decimal("72.5"), True, "KS3")
    ]


def test_an_earlier_period_never_touches_the_actual(store) -> None:
    record_outturns(
        store, REF, [OutturnEntry("1b", "2003/04", Decimal("70"), audited=True)], officer="T"
    )
    assert _actual(store, "1b") is None


def test_bad_period_or_indicator_is_refused_and_nothing_is_written(store) -> None:
    with pytest.raises(InvalidValueError, match=r"2007/08.*2003/04, 2004/05, 2005/06"):
        record_outturns(
            store,
            REF,
            [OutturnEntry("1a", "2003/04", Decimal(1)), OutturnEntry("1a", "2007/08", Decimal(2))],
            officer="T",
        )
    with pytest.raises(NotFoundError, match="no indicator '9z'"):
        record_outturns(store, REF, [OutturnEntry("9z", "2003/04", Decimal(1))], officer="T")
    assert delivery_record(store, REF).outturns == ()


def test_changing_to_quarters_moves_a_years_value_to_its_fourth_quarter(store) -> None:
    record_outturns(store, REF, [OutturnEntry("1a", "2004/05", Decimal("71"))], officer="T")
    set_frequency(store, REF, Frequency.QUARTERLY, officer="T")
    record = delivery_record(store, REF)
    assert len(record.periods) == 12
    assert [o.period for o in record.outturns] == ["2004/05 Q4"]
    record_outturns(store, REF, [OutturnEntry("1a", "2004/05 q2", Decimal("70"))], officer="T")
    with pytest.raises(StrandedOutturnsError, match="2004/05 Q2"):
        set_frequency(store, REF, Frequency.ANNUAL, officer="T")
    assert delivery_record(store, REF).frequency is Frequency.QUARTERLY


def test_a_schema_3_store_carries_its_single_outturn_over_as_the_end_value(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript(V3.read_text())
        db.execute("UPDATE indicators SET actual = '72.5' WHERE ref = '1a'")
        db.execute("UPDATE indicators SET interim_actual = '71' WHERE ref = '1a'")  # 2003/04
        db.execute("UPDATE indicators SET actual = '1200' WHERE ref = '7'")
    store = Store.open(str(path))
    try:
        assert store.upgraded_from == 3
        record = delivery_record(store, REF)
        got = sorted((o.indicator_ref, o.period, o.value, o.audited) for o in record.outturns)
        assert got == [
            ("1a", "2003/04", Decimal("71"), False),
            ("1a", "2005/06", Decimal("72.5"), False),
            ("7", "2005/06", Decimal("1200"), False),
        ]
        assert {o.internal_note for o in record.outturns} == {CARRIED_OVER}
        assert {o.note for o in record.outturns} == {""}  # never reaches a report
        assert _actual(store, "1a") == Decimal("72.5")  # the reward is unchanged
    finally:
        store.close()


def test_the_portfolio_reader_gives_the_same_agreements_and_outturns(store) -> None:
    record_outturns(
        store,
        REF,
        [OutturnEntry("1a", "2003/04", Decimal("70.5"), True, "n", "i", date(2004, 5, 1))],
        officer="T",
    )
    with store.unit_of_work() as uow:
        (light,) = uow.delivery.all_agreements()
        whole = uow.agreements.get(REF)
        assert light == dataclasses.replace(
            whole, partners=(), signatories=(), freedoms=(), notes="", internal_notes=""
        )
        fast = uow.delivery.all_outturns()[REF]
        assert fast == uow.delivery.outturns(REF)
        assert fast[0] == Outturn(
            "1a", "2003/04", Decimal("70.5"), date(2004, 5, 1), True, "n", "i"
        )
        assert hash(fast[0]) == hash(uow.delivery.outturns(REF)[0])
