"""The importer's fast paths for indicators (the check, the construction) agree with the
usual ones, for any indicator."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lpsa_desktop.domain.agreement import Indicator, indicator_from_fields, indicator_replaced
from lpsa_desktop.domain.clean_indicator import indicator_is_clean
from lpsa_desktop.domain.enums import Direction, Unit
from lpsa_desktop.domain.validation import Location, indicator_issues

# Values around the edges the rules care about: 0, 100, negatives, equal pairs, and long
# numbers where with − without is rounded by Decimal's 28-digit context.
EDGES = [Decimal(t) for t in ("0", "-0", "100", "100.0", "-1", "0.5", "99.99", "100.01", "1E+2")]
EDGES += [Decimal("1" + "0" * 30), Decimal("1" + "0" * 29 + "1")]
USUAL = st.decimals(0, 100, places=1)
# Mostly plausible values (so that clean indicators are common), sometimes odd ones.
VALUES = USUAL | USUAL | USUAL | st.none() | st.sampled_from(EDGES) | st.decimals(-200, 300)
FIELDS = ("baseline", "without", "with_", "interim", "interim_actual", "actual")


@settings(max_examples=400, deadline=None)
@given(
    unit=st.sampled_from(Unit),
    direction=st.sampled_from(Direction),
    decimals=st.integers(0, 6) | st.sampled_from([-1, 7]),
    values=st.fixed_dictionaries(dict.fromkeys(FIELDS, VALUES)),
)
def test_clean_exactly_when_the_rules_find_nothing(
    unit: Unit, direction: Direction, decimals: int, values: dict[str, Decimal | None]
) -> None:
    check(Indicator("1a", "d", unit=unit, direction=direction, decimals=decimals, **values))


@settings(max_examples=400, deadline=None)
@given(
    unit=st.sampled_from(Unit),
    direction=st.sampled_from(Direction),
    ordered=st.lists(USUAL | st.sampled_from(EDGES), min_size=3, max_size=3),
    others=st.fixed_dictionaries(dict.fromkeys(FIELDS[3:], VALUES)),
)
def test_the_same_for_indicators_that_are_nearly_clean(
    unit: Unit, direction: Direction, ordered: list[Decimal], others: dict[str, Decimal | None]
) -> None:
    """Baseline, without and with in the order of a real stretch (or equal), so that the
    later rules are reached."""
    low, middle, high = sorted(ordered)
    if direction is Direction.LOWER:
        low, high = high, low
    core = {"baseline": low, "without": middle, "with_": high}
    check(Indicator("1a", "d", unit=unit, direction=direction, **core, **others))


def check(indicator: Indicator) -> None:
    found = list(indicator_issues(indicator, Location("1", "1a")))
    assert indicator_is_clean(indicator) == (not found)


@settings(max_examples=200, deadline=None)
@given(
    unit=st.sampled_from(Unit),
    direction=st.sampled_from(Direction),
    values=st.fixed_dictionaries(
        {}, optional=dict.fromkeys(FIELDS, VALUES) | {"decimals": st.integers(0, 6)}
    ),
)
def test_indicator_from_fields_makes_what_the_constructor_makes(
    unit: Unit, direction: Direction, values: dict[str, object]
) -> None:
    fields = {"ref": "1a", "description": "d", "unit": unit, "direction": direction, **values}
    made, built = indicator_from_fields(fields), Indicator(**fields)  # type: ignore[arg-type]
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    assert list(vars(made).items()) == list(vars(built).items())
    assert indicator_replaced(built, values) == dataclasses.replace(built, **values)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        indicator_from_fields({**fields, "colour": "red"})
    with pytest.raises(TypeError):
        indicator_replaced(built, {"colour": "red"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.ref = "2"  # type: ignore[misc]
