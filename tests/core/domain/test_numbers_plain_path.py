"""Plain digits take a short way through the number rule; it reads exactly what the long
way reads, and refuses exactly what it refuses (the long way: the short one switched off,
and a leading '+', which only the long way admits)."""

from __future__ import annotations

import re
from decimal import Decimal
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from lpsa_desktop.domain import numbers
from lpsa_desktop.domain.numbers import (
    INDICATOR_VALUE,
    MONEY,
    SHARE,
    WHOLE,
    NumberRule,
    parse_decimal_text,
)
from lpsa_desktop.errors import InvalidValueError

digits = st.text(alphabet="0123456789", min_size=1, max_size=18)
plain = st.builds(
    lambda sign, whole, fraction: sign + whole + (f".{fraction}" if fraction else ""),
    st.sampled_from(["", "-"]),
    digits,
    st.one_of(st.just(""), digits),
)


def _read(text: str, rule: NumberRule) -> Decimal | str:
    try:
        return parse_decimal_text(text, field="value", rule=rule)
    except InvalidValueError as refused:
        return refused.problem.expected


@given(plain, st.sampled_from([INDICATOR_VALUE, MONEY, SHARE, WHOLE]))
def test_plain_digits_read_as_the_full_rule_reads_them(text: str, rule: NumberRule) -> None:
    short_way = _read(text, rule)
    with mock.patch.object(numbers, "_PLAIN", re.compile(r"(?!)")):  # matches nothing
        long_way = _read(text, rule)
    assert short_way == long_way
    assert _read("+" + text.removeprefix("-"), rule) == _read(text.removeprefix("-"), rule)


def test_plain_digits_give_the_same_decimal_as_written() -> None:
    value = parse_decimal_text("50.001", field="value", rule=INDICATOR_VALUE)
    assert value == Decimal("50.001") and str(value) == "50.001"
