"""The one rule for numbers: what is read, what is refused, and that refusals say why."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lpsa_desktop.domain.numbers import (
    INDICATOR_VALUE,
    MONEY,
    WHOLE,
    check_integer,
    magnitude_problem,
    parse_decimal_text,
)
from lpsa_desktop.errors import InvalidValueError

POISON = {
    "1e999": "exponent",
    "1E5": "exponent",
    "1e999999": "exponent",
    "9" * 100_000: "at most 40 characters",
    "١٢": "digits 0-9 only",
    "१२": "digits 0-9 only",
    "１２": "digits 0-9 only",
    "12,5": "'12,5' is ambiguous",
    "1,2345": "groups of three",
    "NaN": "a number such as",
    "Infinity": "a number such as",
    "2000000000000": "at most 1,000,000,000,000",
    "0.1234567890123456": "at most 15 decimal places",
}


@pytest.mark.parametrize("text", sorted(POISON))
def test_poison_values_are_refused_naming_the_field_and_the_rule(text: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        parse_decimal_text(text, field="indicator 1a outturn", rule=INDICATOR_VALUE)
    message = str(caught.value)
    assert message.startswith("indicator 1a outturn: ")
    assert POISON[text] in message
    assert len(message) < 300  # never the 100,000 digits back


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", Decimal("12")),
        ("-3.25", Decimal("-3.25")),
        ("−3.25", Decimal("-3.25")),
        ("1,234.5", Decimal("1234.5")),
        ("1,234,567", Decimal("1234567")),
        (" .5 ", Decimal("0.5")),
        ("1000000000000", Decimal("1000000000000")),
    ],
)
def test_plain_decimals_are_read_exactly(text: str, expected: Decimal) -> None:
    assert parse_decimal_text(text, field="f", rule=INDICATOR_VALUE) == expected


def test_money_has_pence_and_whole_numbers_no_decimals() -> None:
    assert parse_decimal_text("1,500.50", field="pot", rule=MONEY) == Decimal("1500.50")
    with pytest.raises(InvalidValueError, match="at most 2 decimal places"):
        parse_decimal_text("1.505", field="pot", rule=MONEY)
    with pytest.raises(InvalidValueError, match="a whole number"):
        parse_decimal_text("2.5", field="population", rule=WHOLE)
    assert parse_decimal_text("2.0", field="population", rule=WHOLE) == 2


def test_integer_options_are_range_checked() -> None:
    assert check_integer(50, field="--limit") == 50
    with pytest.raises(InvalidValueError, match="--limit"):
        check_integer(10**30, field="--limit")


def test_a_stored_value_past_the_rule_is_named_without_being_expanded() -> None:
    assert magnitude_problem(Decimal("1E+999999"), INDICATOR_VALUE) is not None
    assert magnitude_problem(Decimal("12.5"), INDICATOR_VALUE) is None
