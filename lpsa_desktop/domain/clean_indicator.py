"""The usual indicator of a big import has nothing wrong with it: this says so without
building the issues ``validation.indicator_issues`` would look for (a 20,000-row return
checks 20,000 indicators). A property test holds the two together."""

from __future__ import annotations

from decimal import Decimal

from lpsa_desktop.domain.agreement import Indicator
from lpsa_desktop.domain.enums import Direction, Unit
from lpsa_desktop.domain.money import ZERO
from lpsa_desktop.domain.numbers import INDICATOR_VALUE
from lpsa_desktop.domain.validation import NOT_NEGATIVE

_HUNDRED = Decimal(100)
_LARGEST = INDICATOR_VALUE.max_magnitude


def indicator_is_clean(indicator: Indicator) -> bool:
    """True exactly when ``indicator_issues`` finds nothing (no error, no warning)."""
    i = indicator
    base, without, with_ = i.baseline, i.without, i.with_
    if base is None or with_ is None or without is None or not 0 <= i.decimals <= 6:
        return False
    # A real stretch (``enhancement`` > 0) and not worse than the baseline. Compared, not
    # subtracted: with − without has the sign of the comparison, and no Decimal is made.
    if i.direction is Direction.HIGHER:
        if not base <= without < with_:
            return False
        low, high = base, with_
    else:
        if not with_ < without <= base:
            return False
        low, high = with_, base
    # Within the number rule (validation's ``number_range``): low and high stand for the
    # three core values, as below.
    if not (low >= -_LARGEST and high <= _LARGEST):
        return False
    for v in (i.interim, i.interim_actual, i.actual):
        if v is not None and not -_LARGEST <= v <= _LARGEST:
            return False
    unit = i.unit
    if unit is Unit.PERCENT:
        top: Decimal | None = _HUNDRED
    elif unit in NOT_NEGATIVE:
        top = None
    else:
        return True
    # The three core values lie between ``low`` and ``high``: those two stand for them.
    if low < ZERO or (top is not None and high > top):
        return False
    for v in (i.interim, i.interim_actual, i.actual):
        if v is not None and (v < ZERO or (top is not None and v > top)):
            return False
    return True
