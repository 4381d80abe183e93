"""Edits as data: which part of an agreement, which field, which value, and how they apply.

Pure functions over frozen domain objects; no storage. The window applies an edit to the
agreement it shows at once (so the reward moves while the write is on its way), and
``field_edits`` applies the same edit inside a store transaction. One definition serves both,
so what is shown is what is stored.

Parts with refs (targets, indicators, freedoms) are addressed by ref; partners,
signatories and councils, which have none, by position.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum, StrEnum
from functools import cache
from typing import Any

from lpsa_desktop.domain.agreement import (
    Agreement,
    Council,
    FreedomRequest,
    Indicator,
    Partner,
    Signatory,
    Target,
)
from lpsa_desktop.domain.vocabulary import field_name
from lpsa_desktop.errors import FieldProblem, InvalidValueError, LpsaError, NotFoundError


class Part(StrEnum):
    AGREEMENT = "agreement"
    TARGET = "target"
    INDICATOR = "indicator"
    FREEDOM = "freedom"
    PARTNER = "partner"
    SIGNATORY = "signatory"
    COUNCIL = "council"


class EditConflictError(LpsaError):
    """The item changed in the store since it was shown (e.g. edited in another window)."""


_RECORD_TYPES: dict[Part, type] = {
    Part.AGREEMENT: Agreement,
    Part.TARGET: Target,
    Part.INDICATOR: Indicator,
    Part.FREEDOM: FreedomRequest,
    Part.PARTNER: Partner,
    Part.SIGNATORY: Signatory,
    Part.COUNCIL: Council,
}

# Refs are keys (the audit trail, returns and PDFs name items by them), the generation fixes
# the reward rules and councils are shared between agreements: none is edited in place.
_READ_ONLY: dict[Part, set[str]] = {
    Part.AGREEMENT: {
        "ref",
        "generation",
        "councils",
        "targets",
        "freedoms",
        "partners",
        "signatories",
    },
    Part.TARGET: {"ref", "indicators"},
    Part.INDICATOR: {"ref"},
    Part.FREEDOM: {"ref"},
    Part.PARTNER: set(),
    Part.SIGNATORY: set(),
    # Councils are shared by name (``storage.agreement_parts``): renaming one here would
    # make a new council rather than rename it for every agreement that shares it.
    Part.COUNCIL: {"name"},
}
ITEM = ""  # the field of an address that names a whole item
_MONEY_FIELDS = {"net_budget_requirement", "pump_priming_grant", "pump_priming"}


@dataclass(frozen=True)
class FieldAddress:
    """One editable value: ``key`` is the item's ref, or its position for partners and
    signatories, or None for the agreement itself. ``field`` empty (``ITEM``) names the
    whole item, as a structure edit's expectation does."""

    part: Part
    key: str | int | None
    field: str

    def label(self) -> str:
        """'indicator 2 / With LPSA', 'partner 3 / Partner', 'agreement / Status': the
        field by its name in the one vocabulary (``domain/vocabulary``)."""
        name = field_name(self.part.value, self.field) if self.field else ""
        if self.part is Part.AGREEMENT:
            return f"agreement / {name}" if name else "agreement"
        key = self.key + 1 if isinstance(self.key, int) else self.key
        return f"{self.part.value} {key} / {name}" if name else f"{self.part.value} {key}"


def read_field(agreement: Agreement, address: FieldAddress) -> Any:
    return getattr(_item(agreement, address.part, address.key), address.field)


def with_field(agreement: Agreement, address: FieldAddress, value: Any) -> Agreement:
    """``agreement`` with one value changed; refuses unknown fields and ill-typed values."""
    check_value(address, value)
    item = _item(agreement, address.part, address.key)
    return _replace_item(agreement, address, dataclasses.replace(item, **{address.field: value}))


def check_value(address: FieldAddress, value: Any) -> None:
    """InvalidValueError unless ``value`` may be stored in that field."""
    hints = _field_types(address.part)
    if address.field not in hints or address.field in _READ_ONLY[address.part]:
        raise InvalidValueError(FieldProblem(address.label(), str(value), "an editable field"))
    expected = hints[address.field]
    if not _value_matches(value, expected):
        raise InvalidValueError(FieldProblem(address.label(), str(value), _describe(expected)))
    if (
        address.field in _MONEY_FIELDS
        and value is not None
        and (value < 0 or value != value.quantize(Decimal("0.01")))
    ):
        raise InvalidValueError(
            FieldProblem(address.label(), str(value), "pounds and pence, not negative")
        )


def inserted(
    agreement: Agreement, part: Part, item: Any, index: int, *, parent: str = ""
) -> Agreement:
    """``agreement`` with ``item`` inserted at ``index`` (an indicator into target ``parent``)."""
    items = list(_collection(agreement, part, parent))
    if isinstance(item, Target | Indicator | FreedomRequest) and any(
        x.ref == item.ref for x in items
    ):
        raise InvalidValueError(FieldProblem(f"{part.value} {item.ref}", item.ref, "a new ref"))
    items.insert(max(0, min(index, len(items))), item)
    return _with_collection(agreement, part, tuple(items), parent)


def removed(agreement: Agreement, part: Part, key: str | int, *, parent: str = "") -> Agreement:
    """``agreement`` without the item ``key`` (an indicator of target ``parent``)."""
    items = list(_collection(agreement, part, parent))
    index = _index(items, part, key)
    del items[index]
    return _with_collection(agreement, part, tuple(items), parent)


def item_at(agreement: Agreement, part: Part, key: str | int, *, parent: str = "") -> Any:
    items = _collection(agreement, part, parent)
    return items[_index(items, part, key)]


def index_of(agreement: Agreement, part: Part, key: str | int, *, parent: str = "") -> int:
    return _index(_collection(agreement, part, parent), part, key)


def parent_target(agreement: Agreement, indicator_ref: str) -> str:
    found = agreement.find_indicator(indicator_ref)
    if found is None:
        raise NotFoundError(f"{agreement.ref} has no indicator {indicator_ref!r}")
    return found[0].ref


def _item(agreement: Agreement, part: Part, key: str | int | None) -> Any:
    if part is Part.AGREEMENT:
        return agreement
    if key is None:
        raise NotFoundError(f"no {part.value} given")
    parent = parent_target(agreement, str(key)) if part is Part.INDICATOR else ""
    return item_at(agreement, part, key, parent=parent)


def _replace_item(agreement: Agreement, address: FieldAddress, item: Any) -> Agreement:
    if address.part is Part.AGREEMENT:
        return typing.cast(Agreement, item)
    assert address.key is not None
    parent = parent_target(agreement, str(address.key)) if address.part is Part.INDICATOR else ""
    items = list(_collection(agreement, address.part, parent))
    items[_index(items, address.part, address.key)] = item
    return _with_collection(agreement, address.part, tuple(items), parent)


def _collection(agreement: Agreement, part: Part, parent: str) -> tuple[Any, ...]:
    if part is Part.INDICATOR:
        target = agreement.target(parent)
        if target is None:
            raise NotFoundError(f"{agreement.ref} has no target {parent!r}")
        return target.indicators
    return typing.cast(tuple[Any, ...], getattr(agreement, _COLLECTIONS[part]))


def _with_collection(
    agreement: Agreement, part: Part, items: tuple[Any, ...], parent: str
) -> Agreement:
    if part is Part.INDICATOR:
        target = agreement.target(parent)
        assert target is not None
        changed = dataclasses.replace(target, indicators=items)
        targets = tuple(changed if t.ref == parent else t for t in agreement.targets)
        return dataclasses.replace(agreement, targets=targets)
    changes: dict[str, Any] = {_COLLECTIONS[part]: items}
    return dataclasses.replace(agreement, **changes)


_COLLECTIONS = {
    Part.TARGET: "targets",
    Part.FREEDOM: "freedoms",
    Part.PARTNER: "partners",
    Part.SIGNATORY: "signatories",
    Part.COUNCIL: "councils",
}


def _index(items: typing.Sequence[Any], part: Part, key: str | int) -> int:
    if isinstance(key, int):
        if not 0 <= key < len(items):
            raise EditConflictError(f"there is no {part.value} {key + 1} any more")
        return key
    for index, item in enumerate(items):
        if item.ref == key:
            return index
    raise NotFoundError(f"no {part.value} {key!r}")


def field_types(part: Part) -> dict[str, Any]:
    """Every field of that part and the type it holds (editable or not)."""
    return _field_types(part)


@cache
def _field_types(part: Part) -> dict[str, Any]:
    cls = _RECORD_TYPES[part]
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


def _value_matches(value: Any, expected: Any) -> bool:
    """``_matches``, with the answer for the two values a paste brings by the thousand (an
    empty cell, a Decimal) worked out once per field type: a finite Decimal matches exactly
    where Decimal(1) does."""
    if value is None:
        return _accepts(expected, None)
    if type(value) is Decimal:
        return value.is_finite() and _accepts(expected, Decimal(1))
    return _matches(value, expected)


@cache
def _accepts(expected: Any, sample: Decimal | None) -> bool:
    return _matches(sample, expected)


def _matches(value: Any, expected: Any) -> bool:
    origin = typing.get_origin(expected)
    if origin in (types.UnionType, typing.Union):
        return any(_matches(value, option) for option in typing.get_args(expected))
    if expected is type(None):
        return value is None
    if origin is tuple:
        inner = typing.get_args(expected)[0]
        return isinstance(value, tuple) and all(_matches(v, inner) for v in value)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected is Decimal:
        return isinstance(value, Decimal) and value.is_finite()
    if isinstance(expected, type) and issubclass(expected, Enum | str | bool | date):
        return isinstance(value, expected)
    return False


def _describe(expected: Any) -> str:
    text = str(expected).replace("decimal.", "").replace("NoneType", "empty")
    return f"a value of type {text}"
