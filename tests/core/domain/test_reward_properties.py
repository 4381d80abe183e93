"""Properties of the reward that must hold for any agreement, found with hypothesis."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from lpsa_desktop.domain.agreement import Agreement, Indicator, Target
from lpsa_desktop.domain.enums import Direction
from lpsa_desktop.domain.reward import compute_reward, target_earnings
from tests.core.domain.builders import agreement

values = st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False)
weights = st.one_of(st.none(), st.decimals(min_value=0, max_value=1, places=2))


@st.composite
def indicators(draw: st.DrawFn, ref: str) -> Indicator:
    without = draw(values)
    stretch = draw(st.decimals(min_value=Decimal("0.01"), max_value=500, places=2))
    direction = draw(st.sampled_from(Direction))
    with_ = without + stretch if direction is Direction.HIGHER else without - stretch
    return Indicator(
        ref=ref,
        description=ref,
        direction=direction,
        without=without,
        with_=with_,
        actual=draw(st.one_of(st.none(), values, st.just(with_))),
        weight=draw(weights),
    )


@st.composite
def agreements(draw: st.DrawFn) -> Agreement:
    count = draw(st.integers(min_value=1, max_value=14))
    targets = []
    for n in range(count):
        inds = [draw(indicators(f"{n}{chr(97 + i)}")) for i in range(draw(st.integers(1, 4)))]
        targets.append(
            Target(
                ref=str(n),
                title=str(n),
                indicators=tuple(inds),
                weight=draw(weights),
                reserve=draw(st.booleans()) and n > 0,
            )
        )
    nbr = draw(st.decimals(min_value=0, max_value=10**9, places=2))
    return agreement(*targets, nbr=str(nbr))


@settings(max_examples=200, deadline=None)
@given(agreements())
def test_earned_never_exceeds_the_pot(a: Agreement) -> None:
    result = compute_reward(a)
    assert result.total_earned >= 0
    # exact arithmetic up to Decimal's 28 digits: allow a rounding crumb far below a penny
    assert result.total_earned <= result.pot + Decimal("1e-10")
    assert abs(
        sum(t.potential for t in result.targets) - (result.pot if result.targets else 0)
    ) < Decimal("1e-10")


@settings(max_examples=200, deadline=None)
@given(indicators("1"), values, values)
def test_earned_is_monotone_in_the_outturn(ind: Indicator, first: Decimal, second: Decimal) -> None:
    a = agreement(Target("1", "t", (ind,)), nbr="400000")
    worse, better = sorted((first, second), reverse=ind.direction is Direction.LOWER)
    earned_worse = compute_reward(a, {"1": worse}).total_earned
    earned_better = compute_reward(a, {"1": better}).total_earned
    assert earned_worse <= earned_better


@settings(max_examples=200, deadline=None)
@given(indicators("1"), st.decimals(min_value=0, max_value=Decimal("0.5999"), places=4))
def test_nothing_is_paid_below_the_threshold(ind: Indicator, fraction: Decimal) -> None:
    assert ind.with_ is not None and ind.without is not None
    outturn = ind.without + fraction * (ind.with_ - ind.without)
    result = compute_reward(agreement(Target("1", "t", (ind,)), nbr="400000"), {"1": outturn})
    assert result.total_earned == 0


@settings(max_examples=60, deadline=None)
@given(agreements(), st.data())
def test_target_earnings_are_compute_rewards_to_the_digit(
    a: Agreement, data: st.DataObject
) -> None:
    # The portfolio's lean run: the same pot, potentials and earnings (as text: not even
    # an exponent may differ), with some indicators' actuals overridden or set to none.
    refs = [i.ref for t in a.active_targets for i in t.indicators]
    overrides = data.draw(
        st.dictionaries(st.sampled_from(refs), st.one_of(st.none(), values))
        if refs
        else st.just({})
    )
    full = compute_reward(a, overrides)
    pot, targets = target_earnings(a, overrides)
    assert str(pot) == str(full.pot)
    assert [(str(p), str(e)) for p, e in targets] == [
        (str(t.potential), str(t.earned)) for t in full.targets
    ]
