"""Exact money shown the British way; readable agreement refs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from lpsa_desktop.domain.money import format_money, fraction_text, money_text, to_pence
from lpsa_desktop.domain.periods import financial_year_of, format_date, format_long_date
from lpsa_desktop.domain.refs import make_agreement_ref


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        ("1234567", "£1,234,567"),
        ("298162.5", "£298,162.50"),
        ("223621.875", "£223,621.88"),
        ("-120", "−£120"),
        ("0.004", "£0"),
    ],
)
def test_money_is_shown_the_british_way(amount: str, shown: str) -> None:
    assert format_money(Decimal(amount)) == shown


def test_json_money_has_two_decimals_half_up() -> None:
    assert money_text(Decimal("223621.875")) == "223621.88"
    assert money_text(Decimal("3577950")) == "3577950.00"


def test_pence_refuse_fractions_of_a_penny() -> None:
    assert to_pence(Decimal("919613.01")) == 91961301
    with pytest.raises(ValueError, match="fraction of a penny"):
        to_pence(Decimal("1.005"))


def test_fractions_keep_two_to_four_decimals() -> None:
    assert [fraction_text(Decimal(x)) for x in ("0.75", "1", "0.666666", "0.6")] == [
        "0.75",
        "1.00",
        "0.6667",
        "0.60",
    ]


def test_dates_and_financial_years() -> None:
    assert format_date(date(2006, 3, 31)) == "31/03/2006"
    assert format_long_date(date(2006, 3, 1)) == "1 March 2006"
    assert financial_year_of(date(2006, 3, 31)) == "2005/06"
    assert financial_year_of(date(2006, 4, 1)) == "2006/07"
    assert financial_year_of(date(1999, 4, 1)) == "1999/00"


def test_refs_are_short_readable_and_unique() -> None:
    assert (
        make_agreement_ref("Bath and North East Somerset Council", "LPSA1")
        == "bath-ne-somerset-lpsa1"
    )
    assert make_agreement_ref("Kent County Council", "LPSA2", {"kent-lpsa2"}) == "kent-lpsa2-2"
