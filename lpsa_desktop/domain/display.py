"""Indicator values shown the British way, shared by the command line and the PDF.

Moved here from ``cli/formatting`` because the agreement document needs the same wording
and the exporting layer must not import the command line.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from lpsa_desktop.domain.agreement import Agreement, Indicator
from lpsa_desktop.domain.diff import Change
from lpsa_desktop.domain.diff import value_text as diff_value_text
from lpsa_desktop.domain.enums import Unit
from lpsa_desktop.domain.money import format_money
from lpsa_desktop.domain.vocabulary import VALUE_FIELDS, part_of_entity, where_text

_UNIT_SUFFIX = {
    Unit.PERCENT: "%",
    Unit.RATE_PER_1000: " per 1,000",
    Unit.RATE_PER_100000: " per 100,000",
    Unit.DAYS: " days",
}


def _places(value: Decimal) -> int:
    """Decimal places the value is written with (Decimal('9.80') → 2, Decimal('5E+3') → 0)."""
    exponent = value.as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def beyond_rule_text(value: Decimal) -> str | None:
    """E notation for a value far past the number rule (domain/numbers.py), else None.
    Only a store written before the rule holds one: it is shown as written and flagged by
    validation, never expanded into a thousand digits nor rounded (which would raise)."""
    if not value.is_finite() or (value and not -12 <= value.adjusted() <= 12):
        return f"{value:E}"
    return None


def indicator_value(
    indicator: Indicator, value: Decimal | None, *, exact: bool = False, precise: bool = False
) -> str:
    """45.0% / 1,234 / 15.2 per 1,000 / £1,500; '–' when there is no value.

    ``exact`` shows up to two more decimals where the value has them: a required outturn
    of 71.8% must not read as 72%. ``precise`` never rounds a digit away: an agreed target
    printed in a signed document must read exactly as the store holds it.
    """
    if value is None:
        return "–"
    if (beyond := beyond_rule_text(value)) is not None:
        return f"{beyond}{_UNIT_SUFFIX.get(indicator.unit, '')}"
    if indicator.unit is Unit.MONEY:
        if precise and _places(value.normalize()) > 2:
            return f"−£{-value:,f}" if value < 0 else f"£{value:,f}"
        return format_money(value)
    decimals = indicator.decimals
    if precise:
        decimals = max(decimals, _places(value.normalize()))
    elif exact:
        decimals = max(decimals, min(_places(value.normalize()), decimals + 2))
    quantum = Decimal(1).scaleb(-decimals)
    shown = value.quantize(quantum, rounding=ROUND_HALF_UP)
    return f"{shown:,.{decimals}f}{_UNIT_SUFFIX.get(indicator.unit, '')}"


def indicator_change(indicator: Indicator, amount: Decimal | None) -> str:
    """A signed difference between two levels: '+3 percentage points', '−2.2 per 1,000'.

    A percentage minus a percentage is a number of percentage points, not a percentage;
    the sign is written with a true minus so that it cannot be mistaken for a dash.
    """
    if amount is None:
        return "–"
    sign = "+" if amount > 0 else "−" if amount < 0 else ""
    if indicator.unit is Unit.PERCENT:
        plain = indicator_value(_as_count(indicator), abs(amount), precise=True)
        return f"{sign}{plain} percentage points"
    return sign + indicator_value(indicator, abs(amount), precise=True)


def _as_count(indicator: Indicator) -> Indicator:
    """The same indicator read as a plain number (no unit suffix)."""
    return replace(indicator, unit=Unit.COUNT)


def field_value_text(
    agreement: Agreement | None, part: str, key: object, field: str, value: object
) -> str | None:
    """A field's value as the officer reads it: an indicator's level with its unit ("7.6%",
    "15.2 per 1,000"), exactly as stored; other values as the audit trail writes them.
    None stays None."""
    if value is None:
        return None
    if part == "indicator" and field in VALUE_FIELDS and agreement is not None:
        found = agreement.find_indicator(str(key))
        if found is not None:
            number = value if isinstance(value, Decimal) else _decimal(value)
            if number is not None:
                return indicator_value(found[1], number, precise=True)
    return diff_value_text(value)


def _decimal(value: object) -> Decimal | None:
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def change_value_text(change: Change, agreement: Agreement | None, text: str | None) -> str | None:
    """One side of a change as the officer reads it: an indicator's level with its unit."""
    return recorded_value_text(change.entity, change.field, text, agreement)


def recorded_value_text(
    entity: str, field: str | None, text: str | None, agreement: Agreement | None
) -> str | None:
    """A value as the audit trail recorded it ("7.6"), as the officer reads it: an
    indicator's level with its unit ("7.6%"), from the indicator as it is now; any other
    value, or one whose indicator is gone, as recorded."""
    if text is None or agreement is None or field is None:
        return text
    field = "with_" if field == "with" else field
    if part_of_entity(entity) != "indicator" or field not in VALUE_FIELDS:
        return text
    ref = entity.rsplit(" / ", maxsplit=1)[-1].removeprefix("indicator ").strip()
    found = agreement.find_indicator(ref)
    number = _decimal(text)
    if found is None or number is None:
        return text
    return indicator_value(found[1], number, precise=True)


def change_text(change: Change, agreement: Agreement | None) -> str:
    """A change in the vocabulary's words, levels with their units: 'target 1 / indicator
    1a / Outturn: (empty) → 72%'."""
    if change.kind != "changed":
        return str(change)
    where = where_text(change.entity, change.field) or "agreement"
    old = change_value_text(change, agreement, change.old) or "(empty)"
    new = change_value_text(change, agreement, change.new) or "(empty)"
    return f"{where}: {old} → {new}"
