"""Numbers and money as people type them, read exactly (Decimal, never binary floats).

calamine hands numbers over as Python floats. A float is turned into the shortest decimal
with at most 15 significant digits, which is what Excel itself shows and keeps: 0.1 stays
0.1 and a formula's 15.400000000000002 becomes 15.4.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from lpsa_desktop.domain.money import PENNY
from lpsa_desktop.domain.numbers import INDICATOR_VALUE, LARGEST, MAX_TEXT, MONEY, number_problem

Raw = int | float | str | bool | date | datetime | time | timedelta | None
"""A cell's value as calamine gives it."""

ONE = Decimal(1)

MISSING_WORDS = frozenset({"", "n/a", "na", "-", "–", "—", "none", "not available", ".."})
TBC_WORDS = frozenset({"tbc", "tbc.", "to be confirmed", "tba", "to be agreed", "tbd"})
ERROR_VALUES = frozenset(
    {
        "#DIV/0!",
        "#REF!",
        "#N/A",
        "#VALUE!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
        "#FIELD!",
        "#BLOCKED!",
        "#UNKNOWN!",
        "#CONNECT!",
    }
)
_LIBREOFFICE_ERROR = re.compile(r"^Err:\d{3}$")
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
# ASCII digits only: Python reads '١٢' and '１２' as 12 (the rule in domain/numbers.py).
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$", re.ASCII)
_MONEY_SCALE = {
    "": 1,
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "million": 1_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
}
_MONEY = re.compile(r"^(?P<number>[^a-z]*?)(?P<scale>k|thousand|m|mn|million|bn|billion)?$")


class CellProblem(ValueError):
    """The cell cannot be read as the column needs; ``expected`` says what would do."""

    def __init__(self, expected: str, message: str = "cannot be read") -> None:
        super().__init__(message)
        self.expected = expected
        self.message = message


class ToBeConfirmed(Exception):
    """'tbc' and the like: no value yet, and a warning that it is to be confirmed."""


def float_decimal(value: float) -> Decimal:
    """A float from a workbook → the Decimal Excel shows (at most 15 significant digits).
    Beyond the number rule's magnitude (domain/numbers.py) it is a CellProblem."""
    if not -LARGEST <= value <= LARGEST:  # also refuses inf and nan
        raise _out_of_range()
    text = format(value, ".15g")
    return plain(Decimal(text)) if "e" in text else Decimal(text)


def plain(value: Decimal) -> Decimal:
    """Decimal('1E+2') → Decimal('100'): whole numbers without a positive exponent.
    (Tested on the text: ``as_tuple`` is several times slower on a big return.)"""
    return value.quantize(ONE) if "E+" in str(value) else value


def text_of(raw: Raw) -> str:
    """A cell as a person would read it, for messages and text fields."""
    if raw is None:
        return ""
    if isinstance(raw, float):
        return f"{float_decimal(raw):f}"
    if isinstance(raw, datetime):
        return raw.strftime("%d/%m/%Y %H:%M") if raw.time() != time() else f"{raw:%d/%m/%Y}"
    if isinstance(raw, date):
        return f"{raw:%d/%m/%Y}"
    return str(raw)


def is_error_value(text: str) -> bool:
    return text in ERROR_VALUES or bool(_LIBREOFFICE_ERROR.match(text))


def check_missing(text: str) -> bool:
    """True for the words that mean 'no value'; raises ToBeConfirmed for 'tbc' and friends;
    raises CellProblem for a formula error value."""
    if len(text) > 16 and text[0] != "#" and not text.startswith("Err:"):
        return False  # longer than any marker: the common case of real text, decided fast
    folded = text.strip().casefold()
    if folded in MISSING_WORDS:
        return True
    if folded in TBC_WORDS:
        raise ToBeConfirmed
    if is_error_value(text.strip()):
        raise CellProblem("a value; the formula gave an error", "is a formula error")
    return False


def parse_number(raw: Raw, *, percent_format: bool = False) -> Decimal | None:
    """1234, '1,234.5', ' 1 234 ', '(120)' → −120, '45%' → 45; a cell formatted as a
    percentage is read as shown (0.45 shown as 45% → 45). Missing markers give None."""
    if isinstance(raw, float):
        value = float_decimal(raw)
        return plain(value.scaleb(2)) if percent_format else value
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        raise CellProblem("a number", "is TRUE/FALSE, not a number")
    if isinstance(raw, int):
        if not -LARGEST <= raw <= LARGEST:
            raise _out_of_range()
        return Decimal(raw * 100 if percent_format else raw)
    if not isinstance(raw, str):
        raise CellProblem("a number", "is a date or time, not a number")
    if check_missing(raw):
        return None
    return _number_text(raw)


def _out_of_range() -> CellProblem:
    return CellProblem(INDICATOR_VALUE.describe(), "is out of range")


def _number_text(raw: str) -> Decimal:
    text = _SPACES.sub("", raw).replace("−", "-")
    if len(text) > MAX_TEXT:
        raise _out_of_range()
    if text.endswith("%"):
        text = text[:-1]
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1]
    if not text or not _NUMBER.match(text) or text in {"+", "-", "."}:
        raise CellProblem("a number such as 1,234.5", "is not a number")
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise CellProblem("a number such as 1,234.5", "is not a number") from exc
    if number_problem(value, INDICATOR_VALUE) is not None:
        raise _out_of_range()
    return -value if negative else value


def parse_money(raw: Raw) -> Decimal | None:
    """£1,500,000 / 1500000 / £1.5m / £875k / £0.9 million / (120) → exact pounds, rounded
    to the penny (a formula's 76634.41666… is £76,634.42)."""
    if isinstance(raw, str):
        if check_missing(raw):
            return None
        text = _SPACES.sub("", raw.casefold()).replace("£", "").replace("gbp", "")
        negative = text.startswith("(") and text.endswith(")")
        if negative:
            text = text[1:-1]
        match = _MONEY.match(text)
        if not match:
            raise CellProblem("an amount such as £1,500,000, £1.5m or £875k", "is not money")
        try:
            number = _number_text(match["number"])
        except CellProblem:
            raise CellProblem(
                "an amount such as £1,500,000, £1.5m or £875k", "is not money"
            ) from None
        value = number * _MONEY_SCALE[match["scale"] or ""]
        if abs(value) > MONEY.max_magnitude:  # '£5,000bn': each part fine, the whole not
            raise CellProblem(MONEY.describe(), "is out of range")
        value = -value if negative else value
    else:
        parsed = parse_number(raw)
        if parsed is None:
            return None
        value = parsed
    return value.quantize(PENNY, rounding=ROUND_HALF_UP)


def parse_integer(raw: Raw) -> int | None:
    value = parse_number(raw)
    if value is None:
        return None
    if value != value.to_integral_value():
        raise CellProblem("a whole number", "is not a whole number")
    return int(value)


def parse_rate(raw: Raw, *, percent_format: bool = False) -> Decimal | None:
    """A rate such as the reward rate, as a fraction: 2.5% / '2.5%' / 2.5 / 0.025 → 0.025."""
    value = parse_number(raw, percent_format=percent_format)
    if value is None:
        return None
    shown_as_percent = percent_format or (isinstance(raw, str) and raw.strip().endswith("%"))
    if shown_as_percent or value > 1:
        return plain(value.scaleb(-2))
    return value
