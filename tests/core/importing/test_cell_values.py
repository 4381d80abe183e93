"""Every value rule of the returns format, cell by cell."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from lpsa_desktop.domain.enums import DeliveryStatus, Direction, FreedomStatus, Generation, Unit
from lpsa_desktop.importing.cell_numbers import (
    CellProblem,
    ToBeConfirmed,
    float_decimal,
    parse_money,
    parse_number,
    parse_rate,
)
from lpsa_desktop.importing.cell_periods import parse_date, parse_period
from lpsa_desktop.importing.cell_words import (
    DELIVERY_WORDS,
    DIRECTION_WORDS,
    FREEDOM_STATUS_WORDS,
    GENERATION_WORDS,
    UNIT_WORDS,
    parse_word,
)
from lpsa_desktop.importing.ref_text import parse_indicator_ref, parse_target_ref


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1234", Decimal("1234")),
        ("1,234.5", Decimal("1234.5")),
        (" 1 234 ", Decimal("1234")),
        ("1\u00a0234", Decimal("1234")),
        ("(120)", Decimal("-120")),
        ("−12.5", Decimal("-12.5")),
        (45.0, Decimal("45")),
        (7, Decimal("7")),
        ("45%", Decimal("45")),
        ("45 %", Decimal("45")),
    ],
)
def test_numbers_are_read_as_people_type_them(raw: object, expected: Decimal) -> None:
    assert parse_number(raw) == expected  # type: ignore[arg-type]


def test_floats_become_the_decimal_excel_shows_not_binary_noise() -> None:
    assert float_decimal(0.1) == Decimal("0.1")
    assert float_decimal(15.400000000000002) == Decimal("15.4")
    assert str(float_decimal(100.0)) == "100"
    assert str(float_decimal(1e11)) == "100000000000"


def test_a_cell_formatted_as_a_percentage_is_read_as_shown() -> None:
    assert parse_number(0.45, percent_format=True) == Decimal("45")
    assert parse_number(0.5, percent_format=True) == Decimal("50")
    assert str(parse_number(0.5, percent_format=True)) == "50"
    assert parse_number(1.2, percent_format=True) == Decimal("120")
    assert parse_number(45, percent_format=False) == Decimal("45")


@pytest.mark.parametrize("raw", ["", "n/a", "N/A", "-", "–", "none", "not available", "NONE"])
def test_missing_markers_give_no_value(raw: str) -> None:
    assert parse_number(raw) is None
    assert parse_money(raw) is None
    assert parse_period(raw) is None


@pytest.mark.parametrize("raw", ["tbc", "TBC", " Tbc "])
def test_tbc_gives_no_value_and_a_signal(raw: str) -> None:
    with pytest.raises(ToBeConfirmed):
        parse_number(raw)


@pytest.mark.parametrize("raw", ["#DIV/0!", "#REF!", "#N/A", "#VALUE!", "Err:502"])
def test_formula_error_values_are_errors_not_missing(raw: str) -> None:
    with pytest.raises(CellProblem) as problem:
        parse_number(raw)
    assert "formula error" in problem.value.message


@pytest.mark.parametrize("raw", ["4x5", "12 people", "1,23,4", "abc", True])
def test_text_where_a_number_belongs_is_refused_with_what_was_expected(raw: object) -> None:
    with pytest.raises(CellProblem) as problem:
        parse_number(raw)  # type: ignore[arg-type]
    assert "number" in problem.value.expected


def test_a_date_where_a_number_belongs_is_refused() -> None:
    with pytest.raises(CellProblem):
        parse_number(date(2005, 4, 1))


@pytest.mark.parametrize(
    ("raw", "pounds"),
    [
        ("£1,500,000", "1500000.00"),
        ("1500000", "1500000.00"),
        ("£1.5m", "1500000.00"),
        ("£875k", "875000.00"),
        ("£0.9 million", "900000.00"),
        ("(120)", "-120.00"),
        ("£1,234.56", "1234.56"),
        (919613.0, "919613.00"),
        (76634.416666, "76634.42"),
    ],
)
def test_money_is_read_exactly_to_the_penny(raw: object, pounds: str) -> None:
    value = parse_money(raw)  # type: ignore[arg-type]
    assert value == Decimal(pounds)
    assert isinstance(value, Decimal)


def test_money_that_is_not_money_is_refused() -> None:
    with pytest.raises(CellProblem) as problem:
        parse_money("about a million")
    assert "£1.5m" in problem.value.expected


@pytest.mark.parametrize(
    ("raw", "percent", "rate"),
    [
        ("2.5%", False, "0.025"),
        (0.025, True, "0.025"),
        (2.5, False, "0.025"),
        (0.025, False, "0.025"),
    ],
)
def test_rates_are_fractions_however_written(raw: object, percent: bool, rate: str) -> None:
    assert parse_rate(raw, percent_format=percent) == Decimal(rate)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "unit"),
    [
        ("%", Unit.PERCENT),
        ("Percentage", Unit.PERCENT),
        ("percent", Unit.PERCENT),
        ("number", Unit.COUNT),
        ("Count", Unit.COUNT),
        ("No.", Unit.COUNT),
        ("rate per 1,000", Unit.RATE_PER_1000),
        ("Rate per 100,000", Unit.RATE_PER_100000),
        ("£", Unit.MONEY),
        ("money", Unit.MONEY),
        ("days", Unit.DAYS),
        ("score", Unit.SCORE),
        ("ratio", Unit.RATIO),
    ],
)
def test_units(raw: str, unit: Unit) -> None:
    assert parse_word(raw, UNIT_WORDS, "a unit") is unit


@pytest.mark.parametrize(
    ("raw", "direction"),
    [
        ("higher", Direction.HIGHER),
        ("Up", Direction.HIGHER),
        ("increase", Direction.HIGHER),
        ("Higher is better", Direction.HIGHER),
        ("maximise", Direction.HIGHER),
        ("lower", Direction.LOWER),
        ("down", Direction.LOWER),
        ("Reduce", Direction.LOWER),
        ("decrease", Direction.LOWER),
        ("lower-is-better", Direction.LOWER),
        ("minimise", Direction.LOWER),
    ],
)
def test_directions(raw: str, direction: Direction) -> None:
    assert parse_word(raw, DIRECTION_WORDS, "higher or lower") is direction


def test_an_unknown_word_is_refused_and_an_empty_one_is_no_value() -> None:
    with pytest.raises(CellProblem):
        parse_word("sideways", DIRECTION_WORDS, "higher or lower")
    assert parse_word("", DIRECTION_WORDS, "higher or lower") is None
    assert parse_word("n/a", UNIT_WORDS, "a unit") is None


def test_other_vocabularies() -> None:
    assert parse_word("Agreed in principle", FREEDOM_STATUS_WORDS, "") is (
        FreedomStatus.AGREED_IN_PRINCIPLE
    )
    assert parse_word("partly", DELIVERY_WORDS, "") is DeliveryStatus.PARTLY_DELIVERED
    assert parse_word("second generation", GENERATION_WORDS, "") is Generation.LPSA2
    assert parse_word(2.0, GENERATION_WORDS, "") is Generation.LPSA2


@pytest.mark.parametrize(
    ("raw", "period"),
    [
        ("2003/04", "2003/04"),
        ("2003-04", "2003/04"),
        ("2003–04", "2003/04"),
        ("FY 2003/04", "2003/04"),
        ("2003/2004", "2003/04"),
        ("1999/00", "1999/00"),
        ("2004", "2004"),
        (2004.0, "2004"),
        ("AY 2004/05", "AY 2004/05"),
        (date(2005, 12, 31), "2005-12-31"),
        (datetime(2005, 12, 31), "2005-12-31"),
        ("31/12/2005", "2005-12-31"),
    ],
)
def test_periods(raw: object, period: str) -> None:
    assert parse_period(raw) == period  # type: ignore[arg-type]


def test_agreement_dates_from_years_and_months() -> None:
    assert parse_date("2005/06") == date(2005, 4, 1)
    assert parse_date("2005/06", end=True) == date(2006, 3, 31)
    assert parse_date("April 2005") == date(2005, 4, 1)
    assert parse_date("December 2005", end=True) == date(2005, 12, 31)
    assert parse_date("01/04/2003") == date(2003, 4, 1)
    with pytest.raises(CellProblem):
        parse_date("31/02/2006")
    with pytest.raises(CellProblem):
        parse_date("soon")


@pytest.mark.parametrize(
    ("raw", "target", "indicator"),
    [
        ("Target 1", "1", None),
        ("01", "1", None),
        ("1.", "1", None),
        (3.0, "3", None),
        ("1(a)", "1", "1a"),
        ("1 a", "1", "1a"),
        ("1.a", "1", "1a"),
        ("R1", "R1", None),
    ],
)
def test_target_refs_are_normalised(raw: object, target: str, indicator: str | None) -> None:
    assert parse_target_ref(raw) == (target, indicator)  # type: ignore[arg-type]


def test_indicator_refs_are_normalised_against_their_target() -> None:
    assert parse_indicator_ref("a", "1") == "1a"
    assert parse_indicator_ref("(b)", "1") == "1b"
    assert parse_indicator_ref("1(c)", "1") == "1c"
    assert parse_indicator_ref("1a", "1") == "1a"
    with pytest.raises(CellProblem):
        parse_indicator_ref("2a", "1")
