"""The Performance Reward Grant, exactly (LPSA1 Schedule 4 [IOW-SCHED4] [LAWINSIDER-PRG]).

- pot = net budget requirement × reward rate, rounded by the agreement's rule;
- split between non-reserve targets (equal unless weighted), then between each target's
  indicators (equal unless weighted);
- an indicator earns its share × the payable fraction of the *enhancement* achieved:
  nothing below the threshold (60%), the fraction itself up to the cap (100%);
- payments: one fifth (the interim fraction) of an indicator's potential on account when
  its interim level was met, paid in the financial year in which the agreement ends; the
  balance in two equal instalments in the two following financial years; an on-account
  payment larger than the final entitlement is recoverable.

Everything is Decimal at full precision; round only to show (``money.round_pence``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from lpsa_desktop.domain.agreement import Agreement, Indicator, Target
from lpsa_desktop.domain.enums import Direction, PotRounding
from lpsa_desktop.domain.money import ZERO
from lpsa_desktop.domain.periods import financial_year_label, financial_year_start
from lpsa_desktop.domain.shares import split_amount

WHAT_IF_LEVELS: tuple[Decimal, ...] = (Decimal("0.60"), Decimal("0.80"), Decimal("1.00"))


@dataclass(frozen=True)
class IndicatorReward:
    ref: str
    potential: Decimal
    achieved_fraction: Decimal | None
    payable_fraction: Decimal
    earned: Decimal
    interim_met: bool
    needed: tuple[tuple[Decimal, Decimal], ...]
    """(fraction of the reward, outturn needed for it) for the threshold, 80% and 100%."""


@dataclass(frozen=True)
class TargetReward:
    ref: str
    potential: Decimal
    earned: Decimal
    indicators: tuple[IndicatorReward, ...]


@dataclass(frozen=True)
class Payment:
    financial_year: str
    amount: Decimal
    kind: str
    """'on_account' or 'instalment'."""


@dataclass(frozen=True)
class RewardResult:
    pot: Decimal
    threshold: Decimal
    cap: Decimal
    targets: tuple[TargetReward, ...]
    total_earned: Decimal
    capital: Decimal | None
    revenue: Decimal | None
    payments: tuple[Payment, ...]
    recoverable: Decimal

    def indicator(self, ref: str) -> IndicatorReward | None:
        for target in self.targets:
            for indicator in target.indicators:
                if indicator.ref == ref:
                    return indicator
        return None


def reward_pot(agreement: Agreement) -> Decimal:
    """The maximum grant: NBR × rate, rounded by the agreement's rule (zero without an NBR)."""
    if agreement.net_budget_requirement is None:
        return ZERO
    exact = agreement.net_budget_requirement * agreement.reward_rate
    if agreement.pot_rounding is PotRounding.NEAREST_POUND:
        return exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if agreement.pot_rounding is PotRounding.NEAREST_THOUSAND:
        return (exact / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP) * 1000
    return exact


ACHIEVED_BOUND = Decimal(10) ** 6
"""Achievement is reported within ±100,000,000% (see ``achieved_fraction``)."""


def achieved_fraction(indicator: Indicator, actual: Decimal | None) -> Decimal | None:
    """Share of the enhancement achieved: (actual − without) / (with − without), direction-aware.

    None when it cannot be judged: no outturn yet, or no real stretch (with not better than
    without), which validation reports as an error.
    """
    enhancement = indicator.enhancement
    if actual is None or enhancement is None or enhancement <= 0:
        return None
    assert indicator.without is not None  # enhancement is None otherwise
    gained = actual - indicator.without
    if indicator.direction is Direction.LOWER:
        gained = -gained
    # Bounded so that a value past the number rule (domain/numbers.py), left in a store by
    # an older version, still gives a reward and a printable share: the payable share is
    # capped far below this, so the bound changes no grant.
    return _bounded(gained / enhancement)


def _bounded(fraction: Decimal) -> Decimal:
    return max(-ACHIEVED_BOUND, min(fraction, ACHIEVED_BOUND))


def payable_fraction(achieved: Decimal | None, *, threshold: Decimal, cap: Decimal) -> Decimal:
    if achieved is None or achieved < threshold:
        return ZERO
    return min(achieved, cap)


def outturn_needed(indicator: Indicator, fraction: Decimal) -> Decimal | None:
    """The outturn that achieves ``fraction`` of the enhancement (what-if in reverse)."""
    if indicator.with_ is None or indicator.without is None or (indicator.enhancement or 0) <= 0:
        return None
    return indicator.without + fraction * (indicator.with_ - indicator.without)


def interim_met(indicator: Indicator) -> bool:
    if indicator.interim is None or indicator.interim_actual is None:
        return False
    if indicator.direction is Direction.HIGHER:
        return indicator.interim_actual >= indicator.interim
    return indicator.interim_actual <= indicator.interim


def compute_reward(
    agreement: Agreement, actuals: Mapping[str, Decimal | None] | None = None
) -> RewardResult:
    """The reward on the stored outturns, or on ``actuals`` (indicator ref → outturn) where given."""
    return reward_with(agreement, actuals, target_reward)


TargetRewardRule = Callable[
    [Agreement, Target, Decimal, Mapping[str, Decimal | None]], "TargetReward"
]


def reward_with(
    agreement: Agreement,
    actuals: Mapping[str, Decimal | None] | None,
    target_rule: TargetRewardRule,
) -> RewardResult:
    """``compute_reward``, each target's reward worked out by ``target_rule`` (a memo's)."""
    overrides = actuals or {}
    pot = reward_pot(agreement)
    targets = agreement.active_targets
    target_potentials = split_amount(pot, [t.weight for t in targets])
    target_results: list[TargetReward] = []
    on_account = ZERO
    for target, potential in zip(targets, target_potentials, strict=True):
        result = target_rule(agreement, target, potential, overrides)
        target_results.append(result)
        on_account += sum(
            (i.potential * agreement.interim_fraction for i in result.indicators if i.interim_met),
            ZERO,
        )
    total = sum((t.earned for t in target_results), ZERO)
    capital = None if agreement.capital_share is None else total * agreement.capital_share
    revenue = None if capital is None else total - capital
    payments, recoverable = _schedule_payments(agreement, total, on_account)
    return RewardResult(
        pot=pot,
        threshold=agreement.threshold,
        cap=agreement.cap,
        targets=tuple(target_results),
        total_earned=total,
        capital=capital,
        revenue=revenue,
        payments=payments,
        recoverable=recoverable,
    )


def target_reward(
    agreement: Agreement,
    target: Target,
    potential: Decimal,
    overrides: Mapping[str, Decimal | None],
) -> TargetReward:
    """One target's reward: its indicators' shares of ``potential`` and what they earn."""
    shares = split_amount(potential, [i.weight for i in target.indicators])
    levels = (agreement.threshold, *(lv for lv in WHAT_IF_LEVELS if lv > agreement.threshold))
    results = [
        _indicator_reward(
            agreement,
            indicator,
            share,
            overrides.get(indicator.ref, indicator.actual),
            levels,
        )
        for indicator, share in zip(target.indicators, shares, strict=True)
    ]
    earned = sum((r.earned for r in results), ZERO)
    return TargetReward(target.ref, potential, earned, tuple(results))


def _indicator_reward(
    agreement: Agreement,
    indicator: Indicator,
    potential: Decimal,
    actual: Decimal | None,
    levels: tuple[Decimal, ...],
) -> IndicatorReward:
    # Same rules as achieved_fraction / outturn_needed, with the stretch worked out once:
    # this loop runs for every indicator each time a value is typed.
    achieved: Decimal | None = None
    needed: tuple[tuple[Decimal, Decimal], ...] = ()
    gap = _stretch_gap(indicator)
    if gap is not None:
        assert indicator.without is not None  # there is no gap otherwise
        needed = tuple((level, indicator.without + level * gap) for level in levels)
        achieved = _achieved(indicator, actual, gap)
    payable = payable_fraction(achieved, threshold=agreement.threshold, cap=agreement.cap)
    return IndicatorReward(
        ref=indicator.ref,
        potential=potential,
        achieved_fraction=achieved,
        payable_fraction=payable,
        earned=potential * payable,
        interim_met=interim_met(indicator),
        needed=needed,
    )


def _stretch_gap(indicator: Indicator) -> Decimal | None:
    """with − without, where that is a real stretch in the indicator's direction."""
    if indicator.with_ is None or indicator.without is None:
        return None
    gap = indicator.with_ - indicator.without
    stretch = gap if indicator.direction is Direction.HIGHER else -gap
    return gap if stretch > 0 else None


def _achieved(indicator: Indicator, actual: Decimal | None, gap: Decimal) -> Decimal | None:
    if actual is None:
        return None
    assert indicator.without is not None  # there is no gap otherwise
    return _bounded((actual - indicator.without) / gap)


def target_earnings(
    agreement: Agreement, actuals: Mapping[str, Decimal | None]
) -> tuple[Decimal, tuple[tuple[Decimal, Decimal], ...]]:
    """The pot and each active target's (potential, earned) on ``actuals`` (indicator ref →
    outturn; the stored actual where absent): ``compute_reward``'s figures to the last digit,
    without the outturns needed, interim payments or schedule that the portfolio never
    shows and that cost it half its time over 150 agreements."""
    pot = reward_pot(agreement)
    targets = agreement.active_targets
    threshold, cap = agreement.threshold, agreement.cap
    found: list[tuple[Decimal, Decimal]] = []
    for target, potential in zip(
        targets, split_amount(pot, [t.weight for t in targets]), strict=True
    ):
        shares = split_amount(potential, [i.weight for i in target.indicators])
        earned = ZERO
        for indicator, share in zip(target.indicators, shares, strict=True):
            gap = _stretch_gap(indicator)
            achieved = None
            if gap is not None:
                achieved = _achieved(indicator, actuals.get(indicator.ref, indicator.actual), gap)
            earned += share * payable_fraction(achieved, threshold=threshold, cap=cap)
        found.append((potential, earned))
    return pot, tuple(found)


def _schedule_payments(
    agreement: Agreement, total: Decimal, on_account: Decimal
) -> tuple[tuple[Payment, ...], Decimal]:
    end_year = financial_year_start(agreement.period_end)
    payments: list[Payment] = []
    if on_account > 0:
        payments.append(Payment(financial_year_label(end_year), on_account, "on_account"))
    balance = total - on_account
    if balance < 0:
        return tuple(payments), -balance
    half = balance / 2
    payments.append(Payment(financial_year_label(end_year + 1), half, "instalment"))
    payments.append(Payment(financial_year_label(end_year + 2), balance - half, "instalment"))
    return tuple(payments), ZERO
