"""Field addresses and values written as text, as ``lpsa set`` takes them.

An address names an item as ``lpsa status`` does, then a field after the last dot:
``agreement.title``, ``target:3.title``, ``indicator:3a.with``, ``freedom:F2.status``,
``partner:1.name``, ``signatory:2.position``, ``council:2.population`` (partners,
signatories and councils by position, counting from 1). A value is read by the type the
field holds, so the check that follows (``agreement_edits.check_value``) is the window's.
"""

from __future__ import annotations

import re
import types
import typing
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from lpsa_desktop.errors import FieldProblem, InvalidValueError
from lpsa_desktop.services.agreement_edits import FieldAddress, Part, field_types

_POSITIONAL = (Part.PARTNER, Part.SIGNATORY, Part.COUNCIL)
_ADDRESS_HELP = (
    "agreement.FIELD, target:3.FIELD, indicator:3a.FIELD, freedom:F2.FIELD, "
    "partner:1.FIELD, signatory:1.FIELD or council:1.FIELD"
)
# Digits with optional thousands separators in groups of three: "12,5" is refused, as
# ambiguous, rather than read as 125. ASCII digits only.
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?", re.ASCII)
_MAX_DIGITS = 28
_TRUE, _FALSE = {"yes", "true", "y", "1"}, {"no", "false", "n", "0"}


def parse_address(text: str) -> FieldAddress:
    """'indicator:3a.with' → FieldAddress(INDICATOR, '3a', 'with_'); refuses unknown fields."""
    item, dot, name = text.strip().rpartition(".")
    if not dot or not item or not name:
        raise _refused(text, _ADDRESS_HELP)
    kind, colon, key = item.partition(":")
    try:
        part = Part(kind.strip().lower())
    except ValueError:
        raise _refused(text, _ADDRESS_HELP) from None
    if part is Part.AGREEMENT:
        if colon:
            raise _refused(text, _ADDRESS_HELP)
        return FieldAddress(part, None, _field_name(part, name, text))
    key = key.strip()
    if not colon or not key:
        raise _refused(text, _ADDRESS_HELP)
    if part in _POSITIONAL:
        if not key.isascii() or not key.isdigit() or int(key) < 1:
            raise _refused(text, f"a {part.value} by its position, counting from 1")
        return FieldAddress(part, int(key) - 1, _field_name(part, name, text))
    return FieldAddress(part, key, _field_name(part, name, text))


def address_text(address: FieldAddress) -> str:
    """The inverse of ``parse_address``."""
    name = address.field.rstrip("_")
    if address.part is Part.AGREEMENT:
        return f"agreement.{name}"
    key = address.key + 1 if isinstance(address.key, int) else address.key
    return f"{address.part.value}:{key}.{name}"


def parse_value(address: FieldAddress, text: str) -> Any:
    """The value ``text`` stands for in that field; '' clears an optional field."""
    return _parse(address, field_types(address.part)[address.field], text.strip())


def _field_name(part: Part, name: str, text: str) -> str:
    hints = field_types(part)
    for candidate in (name.strip(), name.strip() + "_"):
        if candidate in hints:
            return candidate
    fields = ", ".join(sorted(n.rstrip("_") for n in hints))
    raise _refused(text, f"one of the fields of this {part.value}: {fields}")


def _parse(address: FieldAddress, expected: Any, text: str) -> Any:
    options = typing.get_args(expected)
    if typing.get_origin(expected) in (types.UnionType, typing.Union):
        if not text and type(None) in options:
            return None
        inner = [o for o in options if o is not type(None)]
        return _parse(address, inner[0], text) if len(inner) == 1 else text
    if typing.get_origin(expected) is tuple:
        return tuple(p.strip() for p in text.split(",") if p.strip())
    if expected is str:
        return text
    if expected is bool:
        return _boolean(address, text)
    if expected is int:
        if not text.isascii() or not text.lstrip("-").isdigit() or len(text) > 9:
            raise _value_refused(address, text, "a whole number")
        return int(text)
    if expected is Decimal:
        return _decimal(address, text)
    if expected is date:
        return _date(address, text)
    if isinstance(expected, type) and issubclass(expected, Enum):
        return _choice(address, expected, text)
    return text


def _decimal(address: FieldAddress, text: str) -> Decimal:
    cleaned = text.removeprefix("£")
    if not _NUMBER.fullmatch(cleaned):
        raise _value_refused(
            address, text, "a number such as 1234.5 or 1,234.5 (commas only between thousands)"
        )
    try:
        value = Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only plain decimals
        raise _value_refused(address, text, "a number") from None
    if len(value.as_tuple().digits) > _MAX_DIGITS:
        raise _value_refused(address, text, f"a number of at most {_MAX_DIGITS} digits")
    return value


def _boolean(address: FieldAddress, text: str) -> bool:
    lowered = text.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise _value_refused(address, text, "yes or no")


def _date(address: FieldAddress, text: str) -> date:
    for form in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise _value_refused(address, text, "a date such as 31/03/2006")


def _choice(address: FieldAddress, kind: type[Enum], text: str) -> Enum:
    wanted = text.lower().replace(" ", "_")
    for member in kind:
        if str(member.value).lower() == wanted or member.name.lower() == wanted:
            return member
    names = ", ".join(str(m.value) for m in kind)
    raise _value_refused(address, text, f"one of {names}")


def _refused(text: str, expected: str) -> InvalidValueError:
    return InvalidValueError(FieldProblem("address", text, expected))


def _value_refused(address: FieldAddress, text: str, expected: str) -> InvalidValueError:
    return InvalidValueError(FieldProblem(address.label(), text, expected))
