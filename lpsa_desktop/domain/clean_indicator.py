"""The usual indicator of a big import has nothing wrong with it: this says so without
building the issues ``validation.indicator_issues`` would look for (a 20,000-row return
checks 20,000 indicators). A property test holds the two together."""

from __future__ import annotations

from decimal import Decimal

from lpsa_desktop.domain.agreement import Indicator
from lpsa_desktop.domain.enums import Direction, Unit
from lpsa_desktop.domain.money import ZERO
from lpsa_desktop.domain.validation import NOT_NEGATIVE

_HUNDRED = Decimal(100)


def indicator_is_clean(indicator: Indicator) -> bool:
    """True exactly when ``indicator_issues`` finds nothing (no error, no warning)."""
    i = indicator
    base, without, with_ = i.baseline, i.without, i.with_
    if base is None or with_ is None or without is None or not 0 <= i.decimals <= 6:
        return False
    if i.direction is Direction.HIGHER:  # a real stretch (as ``enhancement``), not worse
        if with_ - without <= 0 or without < base:
            return False
    elif -(with_ - without) <= 0 or without > base:
        return False
    unit = i.unit
    if unit is Unit.PERCENT:
        high: Decimal | None = _HUNDRED
    elif unit in NOT_NEGATIVE:
        high = None
    else:
        return True
    for v in (base, without, with_, i.interim, i.interim_actual, i.actual):
        if v is not None and (v < ZERO or (high is not None and v > high)):
            return False
    return True
