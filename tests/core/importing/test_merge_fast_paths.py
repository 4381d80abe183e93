"""A row laid over an indicator or target (or made into a new one) by the merge's fast
paths is what the dataclass itself would make, field for field and in the same layout."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lpsa_desktop.domain.agreement import Indicator, Target
from lpsa_desktop.domain.enums import Direction, Unit
from lpsa_desktop.importing.blank_cells import BlankCells
from lpsa_desktop.importing.return_merge import _merge_indicator, _PlacesShown, _target_made
from lpsa_desktop.importing.return_model import TargetEntry

ODD = [Decimal(t) for t in ("1.0", "1.00", "1E+2", "1E-7", "0.0000001", "12.3456", "-0")]
NUMBERS = (
    st.none()
    | st.integers(0, 5).flatmap(lambda places: st.decimals(-200, 300, places=places))
    | st.sampled_from(ODD)
)
ROW = st.fixed_dictionaries(
    {},
    optional={
        "description": st.sampled_from(["", "Rate", None]),
        "unit": st.none() | st.sampled_from(Unit),
        "direction": st.none() | st.sampled_from(Direction),
        "decimals": st.none() | st.integers(0, 6),
        "baseline": NUMBERS,
        "without": NUMBERS,
        "with_": NUMBERS,
        "actual": NUMBERS,
        "definition": st.text(max_size=3),
    },
)


def expected(values: dict[str, Any], ref: str, old: Indicator | None, title: str) -> Indicator:
    """The merge written plainly, as the dataclass makes indicators."""
    given = {k: v for k, v in values.items() if v is not None or k not in _KEPT}
    if old is not None:
        return dataclasses.replace(old, **given)
    given["description"] = given.get("description") or title
    given.setdefault("unit", Unit.COUNT)
    if "direction" not in given:
        without, with_ = given.get("without"), given.get("with_")
        lower = without is not None and with_ is not None and with_ < without
        given["direction"] = Direction.LOWER if lower else Direction.HIGHER
    if "decimals" not in given:
        places = [_places(given.get(n)) for n in ("baseline", "with_")]
        given["decimals"] = min(max(places), 3)
    return Indicator(ref=ref, **given)


_KEPT = ("unit", "direction", "decimals")
PLACES = _PlacesShown()  # shared by the examples, as by the rows of a return
CLEAR = BlankCells(clear=True)


def _places(value: Decimal | None) -> int:
    text = "" if value is None else str(value)
    return 0 if "." not in text or "E" in text else len(text.split(".")[1])


@settings(max_examples=300, deadline=None)
@given(values=ROW, old_values=st.none() | ROW)
def test_the_merge_makes_what_the_constructor_makes(
    values: dict[str, Any], old_values: dict[str, Any] | None
) -> None:
    old = None if old_values is None else expected(old_values, "1a", None, "Old title")
    made = _merge_indicator(values, "1a", old, "Target title", PLACES)
    built = expected(values, "1a", old, "Target title")
    assert made == built
    assert list(vars(made).items()) == list(vars(built).items())
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.ref = "2"  # type: ignore[misc]


def test_a_field_indicators_do_not_have_is_refused_as_the_constructor_refuses_it() -> None:
    old = Indicator("1a", "d")
    for existing in (None, old):
        with pytest.raises(TypeError, match="colour"):
            _merge_indicator({"colour": "red"}, "1a", existing, "t", PLACES)


TARGET_ROW = st.fixed_dictionaries(
    {},
    optional={
        "title": st.sampled_from(["", "Safer roads", None]),
        "priority": st.none() | st.text(max_size=3),
        "partners": st.sampled_from([(), ("Police", "PCT")]),
        "reserve": st.sampled_from([None, 0, 1, "yes", True]),
        "pump_priming": NUMBERS,
    },
)


@settings(max_examples=200, deadline=None)
@given(values=TARGET_ROW, old_values=st.none() | TARGET_ROW)
def test_targets_too(values: dict[str, Any], old_values: dict[str, Any] | None) -> None:
    indicators = (Indicator("3a", "d"),)
    old = None
    if old_values is not None:
        old_values = {"title": "", **old_values, "reserve": bool(old_values.get("reserve"))}
        old = Target(ref="3", indicators=(Indicator("3z", "z"),), **old_values)
    # Blanks clearing, as the dataclass's replace() clears them (--clear-blanks).
    made = _target_made(TargetEntry("3", None, 1, values), old, indicators, CLEAR)
    given = {**values, "reserve": bool(values["reserve"])} if "reserve" in values else values
    if old is None:
        built = Target(ref="3", indicators=indicators, **{"title": "", **given})
    else:
        built = dataclasses.replace(old, indicators=indicators, **given)
    assert made == built
    assert list(vars(made).items()) == list(vars(built).items())


def test_target_values_no_return_gives_go_the_dataclass_s_way() -> None:
    old = Target("3", "t", reserve=True)
    with pytest.raises(TypeError, match="colour"):
        _target_made(TargetEntry("3", None, 1, {"colour": "red"}), None, (), CLEAR)
    with pytest.raises(TypeError, match="ref"):
        _target_made(TargetEntry("3", None, 1, {"ref": "4"}), None, (), CLEAR)
    renamed = _target_made(TargetEntry("3", None, 1, {"ref": "4", "reserve": 0}), old, (), CLEAR)
    assert renamed == Target("4", "t", reserve=False)
