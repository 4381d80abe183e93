"""Exact money and fractions.

Money is a Decimal number of pounds with at most two decimal places wherever it is *stored*
(the store keeps integer pence). Computed amounts (a target's share of the pot) keep full
precision and are rounded to pence only when shown or printed, half up, as a finance
officer would on paper.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

PENNY = Decimal("0.01")
ZERO = Decimal(0)
ONE = Decimal(1)


def to_pence(pounds: Decimal) -> int:
    """Exact pounds → integer pence; refuses fractions of a penny rather than losing them."""
    pence = pounds * 100
    if pence != pence.to_integral_value():
        raise ValueError(f"£{pounds} has a fraction of a penny")
    return int(pence)


def from_pence(pence: int) -> Decimal:
    return (Decimal(pence) / 100).quantize(PENNY)


def round_pence(amount: Decimal) -> Decimal:
    """Round a computed amount to the penny, half up."""
    return amount.quantize(PENNY, rounding=ROUND_HALF_UP)


def money_text(amount: Decimal) -> str:
    """The JSON form of money: pounds with exactly two decimals, e.g. '298162.50'."""
    return str(round_pence(amount))


def format_money(amount: Decimal, *, pence: bool | None = None) -> str:
    """British display: £1,234,567 for whole pounds, £298,162.50 otherwise; −£120 when negative.

    ``pence`` forces (True) or suppresses (False) the pence; by default they are shown only
    when the rounded amount is not a whole number of pounds.
    """
    rounded = round_pence(amount)
    show_pence = pence if pence is not None else rounded != rounded.to_integral_value()
    magnitude = abs(rounded)
    if show_pence:
        body = f"{magnitude:,.2f}"
    else:
        body = f"{magnitude.quantize(ONE, rounding=ROUND_HALF_UP):,.0f}"
    return f"−£{body}" if rounded < 0 else f"£{body}"


def fraction_text(value: Decimal) -> str:
    """A fraction for JSON: at most four decimals, at least two ('0.75', '1.00', '0.6667')."""
    quantized = value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    text = f"{quantized:f}"
    whole, _, decimals = text.partition(".")
    decimals = decimals.rstrip("0").ljust(2, "0")
    return f"{whole}.{decimals}"


def parse_decimal(text: str) -> Decimal:
    """Parse a plain decimal number ('45', '-3.25'); raises ValueError on anything else."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {text!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not a finite number: {text!r}")
    return value
