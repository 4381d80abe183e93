"""How the command line shows values: the British way, with the indicator's own decimals."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from lpsa_desktop.domain.agreement import Indicator
from lpsa_desktop.domain.enums import Unit
from lpsa_desktop.domain.money import format_money

_UNIT_SUFFIX = {
    Unit.PERCENT: "%",
    Unit.RATE_PER_1000: " per 1,000",
    Unit.RATE_PER_100000: " per 100,000",
    Unit.DAYS: " days",
}


def indicator_value(indicator: Indicator, value: Decimal | None, *, exact: bool = False) -> str:
    """45.0% / 1,234 / 15.2 per 1,000 / £1,500; '–' when there is no value.

    ``exact`` shows up to two more decimals where the value has them: a required outturn
    of 71.8% must not read as 72%.
    """
    if value is None:
        return "–"
    if indicator.unit is Unit.MONEY:
        return format_money(value)
    decimals = indicator.decimals
    if exact:
        decimals = max(decimals, min(-value.normalize().as_tuple().exponent, decimals + 2))  # type: ignore[operator]
    quantum = Decimal(1).scaleb(-decimals)
    shown = value.quantize(quantum, rounding=ROUND_HALF_UP)
    return f"{shown:,.{decimals}f}{_UNIT_SUFFIX.get(indicator.unit, '')}"


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def percent(fraction: Decimal | None) -> str:
    if fraction is None:
        return "–"
    return f"{(fraction * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"
