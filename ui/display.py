"""How values look in the window, the British way, and how typed text becomes values.

Display text is for reading (£1,234,567.00, 73%, 8.6, 31/03/2006); edit text is plain so that
what an officer types back is what they saw (1234567, 73, 8.6). Money always shows its
pence: in a column, £119,265 above £178,897.50 reads as if the figures were not aligned.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from lpsa_desktop.domain.display import beyond_rule_text
from lpsa_desktop.domain.enums import Direction, PartnerKind, Unit
from lpsa_desktop.domain.money import format_money
from lpsa_desktop.domain.numbers import (
    INDICATOR_VALUE,
    MONEY,
    SHARE,
    NumberRule,
    parse_decimal_text,
)
from lpsa_desktop.domain.periods import format_date
from lpsa_desktop.domain.vocabulary import (
    DIRECTION_NAMES,
    NO_LINKED_TARGETS,
    UNIT_NAMES,
    unit_title,
)
from lpsa_desktop.errors import InvalidValueError

# The unit and direction words are the core's (domain/vocabulary), as the PDF and the
# template say them.
UNIT_LABELS: dict[Unit, str] = {unit: unit_title(unit) for unit in Unit}


def _capitalised(words: str) -> str:
    return words[:1].upper() + words[1:]


DIRECTION_LABELS: dict[Direction, str] = {
    Direction.HIGHER: "↑ " + _capitalised(DIRECTION_NAMES[Direction.HIGHER]),
    Direction.LOWER: "↓ " + _capitalised(DIRECTION_NAMES[Direction.LOWER]),
}

UNIT_SHORT_LABELS: dict[Unit, str] = dict(UNIT_NAMES)

PARTNER_KIND_LABELS: dict[PartnerKind, str] = {
    PartnerKind.LSP: "Local Strategic Partnership",
    PartnerKind.POLICE: "Police",
    PartnerKind.PCT: "Primary Care Trust",
    PartnerKind.DISTRICT_COUNCIL: "District council",
    PartnerKind.FIRE: "Fire and rescue",
    PartnerKind.VOLUNTARY: "Voluntary sector",
    PartnerKind.BUSINESS: "Business",
    PartnerKind.OTHER: "Other",
}


class ParseError(ValueError):
    """Typed text that is not a value; the message says what was expected."""


def enum_label(value: Enum) -> str:
    """'agreed_in_principle' → 'Agreed in principle'; units and directions have own labels."""
    if isinstance(value, Unit):
        return UNIT_LABELS[value]
    if isinstance(value, Direction):
        return DIRECTION_LABELS[value]
    if isinstance(value, PartnerKind):
        return PARTNER_KIND_LABELS[value]
    text = str(value.value).replace("_", " ")
    return text[:1].upper() + text[1:]


def short_label(value: Enum) -> str:
    """A label narrow enough for a table column ('per 1,000', '↑ higher')."""
    if isinstance(value, Unit):
        return UNIT_SHORT_LABELS[value]
    if isinstance(value, Direction):
        return "↑ higher" if value is Direction.HIGHER else "↓ lower"
    return enum_label(value)


def number_text(value: Decimal, decimals: int = 0) -> str:
    """1234.5 → '1,234.5'; shows at least ``decimals`` places and never hides a digit."""
    if (beyond := beyond_rule_text(value)) is not None:
        return beyond
    exponent = value.as_tuple().exponent
    places = max(decimals, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    return f"{value:,.{places}f}"


def value_text(value: Decimal | None, unit: Unit, decimals: int = 0) -> str:
    """An indicator value for display: '73%', '£1,250.00', '12.4', '' when there is none."""
    if value is None:
        return ""
    if unit is Unit.MONEY and beyond_rule_text(value) is None:
        return format_money(value, pence=True)
    text = number_text(value, decimals)
    return f"{text}%" if unit is Unit.PERCENT else text


def fraction_percent(value: Decimal | None, places: int = 0) -> str:
    """0.75 → '75%'; None → '–'."""
    if value is None:
        return "–"
    if (beyond := beyond_rule_text(value * 100)) is not None:
        return f"{beyond}%"
    return f"{value * 100:,.{places}f}%"


def money_text(value: Decimal | None) -> str:
    """'£119,265.00': always with pence, so that figures line up in a column."""
    return "" if value is None else format_money(value, pence=True)


def date_text(value: date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M:%S")
    return format_date(value)


def edit_text(value: object) -> str:
    """The plain text an editor starts with."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def parse_number(
    text: str, *, allow_empty: bool = True, rule: NumberRule = INDICATOR_VALUE
) -> Decimal | None:
    """'1,234.5', '73%', '£1,250.00', ' 8.6 ' → Decimal; '' → None (when allowed).

    The number itself is read by the core's one rule (``lpsa_desktop.domain.numbers``):
    ASCII digits, commas only between thousands, no exponent, within ``rule``'s bounds.
    """
    cleaned = text.strip().replace("£", "").removesuffix("%").strip()
    if not cleaned:
        if allow_empty:
            return None
        raise ParseError("a number is needed")
    try:
        return parse_decimal_text(cleaned, field="value", rule=rule)
    except InvalidValueError as exc:
        raise ParseError(f"{exc.problem.value!r} is not valid: {exc.problem.expected}") from None


def parse_money(text: str, *, allow_empty: bool = True) -> Decimal | None:
    """Pounds with at most two decimals, not negative."""
    value = parse_number(text, allow_empty=allow_empty, rule=MONEY)
    if value is None:
        return None
    if value < 0:
        raise ParseError("money cannot be negative")
    return value.quantize(Decimal("0.01"))


def parse_fraction(text: str, *, allow_empty: bool = True) -> Decimal | None:
    """A share typed as '40%' or '0.4' → Decimal('0.4')."""
    stripped = text.strip()
    value = parse_number(stripped, allow_empty=allow_empty, rule=SHARE)
    if value is None:
        return None
    return value / 100 if stripped.endswith("%") else value


def parse_refs(text: str) -> tuple[str, ...]:
    """'1, 4 ,7' → ('1', '4', '7'); 'none' (how an empty list is shown) → ()."""
    if text.strip().casefold() == NO_LINKED_TARGETS:
        return ()
    return tuple(part.strip() for part in text.split(",") if part.strip())
