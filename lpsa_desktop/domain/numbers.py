"""The one rule for numbers typed or read by any face (window, `lpsa`, importer).

A number is a finite decimal written with ASCII digits 0-9, an optional sign, an optional
decimal point, and commas only as thousands separators in groups of three ("1,234.5";
"12,5" is refused because half of Europe means twelve and a half by it). No exponents
("1e999" would be a 1,000-digit number the first time anything adds to it), no digits
from other scripts ('١٢', '१२', '１２': Python's Decimal reads them all as 12, so a
mistyped keyboard would go unseen), and each kind of value has a stated bound:

==================  ======================  ===============
kind                largest magnitude       decimal places
==================  ======================  ===============
indicator value     1,000,000,000,000       15
money (pounds)      £1,000,000,000,000      2
share / rate        1,000 (as a fraction)   15
whole number        1,000,000,000,000       0
==================  ======================  ===============

Indicator values have at most 15 decimals: a workbook keeps 15 significant digits, so a
formula's 33.3333333333333 must still come in; money is pence. A magnitude of at most
10^12 with 15 decimals is 27 digits, within Decimal's default 28-digit context, so a
value itself is never rounded by arithmetic on it. Values already in a store that break a
bound (written before this rule) are still read, flagged by validation (``number_range``)
and shown in E notation (1E+999): every command still works on their agreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from lpsa_desktop.errors import FieldProblem, InvalidValueError


@dataclass(frozen=True)
class NumberRule:
    """The bounds for one kind of value; ``describe`` is said in every refusal."""

    kind: str
    max_magnitude: Decimal
    max_decimals: int

    def describe(self) -> str:
        places = (
            "a whole number"
            if self.max_decimals == 0
            else f"at most {self.max_decimals} decimal places"
        )
        return f"{self.kind}: {places}, at most {self.max_magnitude:,f} either side of zero"


INDICATOR_VALUE = NumberRule("an indicator value", Decimal(10) ** 12, 15)
MONEY = NumberRule("money", Decimal(10) ** 12, 2)
SHARE = NumberRule("a share or rate", Decimal(1000), 15)
WHOLE = NumberRule("a whole number", Decimal(10) ** 12, 0)

LARGEST = 10**12
"""The largest magnitude of any rule, for the importer's quick check of a float."""

MAX_TEXT = 40
"""Characters in a typed number, signs and separators included (DecimalText holds 40)."""

_SYNTAX = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?", re.ASCII)
_PLAIN = re.compile(r"-?\d{1,16}(?:\.\d{1,16})?", re.ASCII)  # within MAX_TEXT, no separators
_MINUS_SIGNS = ("\u2212", "\u2013")  # the typographic minus and en dash (format_money's)


def parse_decimal_text(text: str, *, field: str, rule: NumberRule) -> Decimal:
    """``text`` → an exact Decimal within ``rule``; InvalidValueError naming ``field`` and
    the rule otherwise. Callers strip their own decorations ('£', '%') first."""
    cleaned = text.strip()
    if cleaned.startswith(_MINUS_SIGNS):
        cleaned = "-" + cleaned[1:]
    if _PLAIN.fullmatch(cleaned):
        # The common case (a pasted column of outturns): every check below passes, so only
        # the bounds are left to check; the value is the same Decimal.
        return check_decimal(Decimal(cleaned), field=field, rule=rule, shown=text)
    if len(cleaned) > MAX_TEXT:
        raise _refuse(field, text, f"at most {MAX_TEXT} characters; {rule.describe()}")
    if any(ch.isdigit() and not ch.isascii() for ch in cleaned):
        raise _refuse(field, text, "digits 0-9 only, not another script's digits")
    if "e" in cleaned.casefold() and any(ch.isdigit() for ch in cleaned):
        raise _refuse(field, text, "a plain decimal without an exponent, such as 1234.5")
    if "," in cleaned and not _SYNTAX.fullmatch(cleaned):
        raise _refuse(
            field,
            text,
            "a comma only between groups of three digits, as in 1,234.5: '12,5' is ambiguous",
        )
    if not _SYNTAX.fullmatch(cleaned) or not any(ch.isdigit() for ch in cleaned):
        raise _refuse(field, text, "a number such as 1,234.5")
    try:
        value = Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise _refuse(field, text, "a number such as 1,234.5") from None
    return check_decimal(value, field=field, rule=rule, shown=text)


def check_decimal(
    value: Decimal, *, field: str, rule: NumberRule, shown: str | None = None
) -> Decimal:
    """``value`` itself if it is within ``rule``, else InvalidValueError."""
    problem = number_problem(value, rule)
    if problem is not None:
        raise _refuse(field, shown if shown is not None else _short(value), problem)
    return value


def check_integer(value: int, *, field: str, rule: NumberRule = WHOLE) -> int:
    """An int within ``rule``'s magnitude (options such as ``--limit``, a decision number)."""
    if abs(value) > rule.max_magnitude:
        raise _refuse(field, _short(Decimal(value)), rule.describe())
    return value


def number_problem(value: Decimal, rule: NumberRule) -> str | None:
    """Why ``value`` breaks ``rule`` (the rule's description), or None when it keeps it."""
    if not value.is_finite():
        return f"a finite number; {rule.describe()}"
    # Compare the exponent before anything that could expand 1E+999999 into digits.
    if value.adjusted() >= 13 or abs(value) > rule.max_magnitude:
        return rule.describe()
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent < 0 and -exponent > rule.max_decimals and value != round(value, rule.max_decimals):
        return rule.describe()
    return None


def magnitude_problem(value: Decimal, rule: NumberRule) -> str | None:
    """Like ``number_problem`` for the magnitude only: what validation flags in a stored
    value (extra decimals are harmless there; a 1,000-digit number breaks every command)."""
    if not value.is_finite() or not -rule.max_magnitude <= value <= rule.max_magnitude:
        return rule.describe()
    return None


def _short(value: Decimal) -> str:
    """A value for a message: never a 100,000-digit string."""
    text = str(value)
    return text if len(text) <= MAX_TEXT else f"{text[:12]}…({len(text)} characters)"


def _refuse(field: str, value: str, expected: str) -> InvalidValueError:
    shown = value if len(value) <= MAX_TEXT else f"{value[:12]}…({len(value)} characters)"
    return InvalidValueError(FieldProblem(where=field, value=shown, expected=expected))
