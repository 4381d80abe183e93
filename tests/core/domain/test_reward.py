"""The Performance Reward Grant on the real cases in shared/domain.md and the edge cases."""

from __future__ import annotations

from datetime import date

import pytest

from lpsa_desktop.domain.enums import Direction, PotRounding
from lpsa_desktop.domain.money import round_pence
from lpsa_desktop.domain.reward import compute_reward, outturn_needed, reward_pot
from tests.core.domain.builders import D, agreement, equal_targets, indicator, target


@pytest.mark.parametrize(
    ("targets", "share"),
    [(12, "298162.50"), (13, "275226.92")],
    ids=["BANES-12-targets", "BANES-13-targets"],
)
def test_banes_pot_is_shared_equally_between_targets(targets: int, share: str) -> None:
    # B&NES: NBR £143,118,000 × 2.5% = £3,577,950 [BANES-2003-APP10]
    result = compute_reward(agreement(*equal_targets(targets)))
    assert result.pot == D("3577950")
    assert {round_pence(t.potential) for t in result.targets} == {D(share)}


def test_reserve_targets_take_no_share_of_the_pot() -> None:
    targets = (*equal_targets(12), target("R1", reserve=True))
    result = compute_reward(agreement(*targets))
    assert [t.ref for t in result.targets] == [str(n) for n in range(1, 13)]
    assert round_pence(result.targets[0].potential) == D("298162.50")


@pytest.mark.parametrize(
    ("rounding", "pot"),
    [
        (PotRounding.NONE, "3324825"),
        (PotRounding.NEAREST_POUND, "3324825"),
        (PotRounding.NEAREST_THOUSAND, "3325000"),
    ],
)
def test_isle_of_wight_pot_follows_the_rounding_rule(rounding: PotRounding, pot: str) -> None:
    # IoW: NBR £132,993,000 × 2.5% = £3,324,825, stated as £3,325,000 [IOW-SCHED4]
    assert reward_pot(agreement(nbr="132993000", rounding=rounding)) == D(pot)


def test_nearest_pound_rounds_half_up() -> None:
    assert reward_pot(agreement(nbr="100.20", rounding=PotRounding.NEAREST_POUND)) == D("3")
    assert reward_pot(agreement(nbr="99.99", rounding=PotRounding.NONE)) == D("2.49975")


def test_no_net_budget_means_a_nil_pot() -> None:
    assert compute_reward(agreement(*equal_targets(2), nbr=None)).total_earned == 0


@pytest.mark.parametrize(
    ("actual", "achieved", "payable"),
    [
        ("50", "0", "0"),  # no better than expected without the agreement
        ("55.9", "0.59", "0"),  # just below the 60% threshold: nothing
        ("56", "0.6", "0.6"),  # at the threshold: 60% is paid
        ("57.5", "0.75", "0.75"),  # linear between threshold and cap
        ("60", "1", "1"),  # target met
        ("70", "2", "1"),  # beyond the target: capped at 100%
        ("40", "-1", "0"),  # worse than expected without: nil
    ],
)
def test_payable_fraction_of_the_enhancement(actual: str, achieved: str, payable: str) -> None:
    # without 50, with 60: the yardstick is the enhancement (10), not the baseline (45).
    result = compute_reward(agreement(target("1", indicator(actual=actual))))
    reward = result.indicator("1")
    assert reward is not None
    assert reward.achieved_fraction == D(achieved)
    assert reward.payable_fraction == D(payable)
    assert reward.earned == result.pot * D(payable)


def test_lower_is_better_reads_the_enhancement_downwards() -> None:
    # KSI casualties: expected 118 without, 102 with; 106 achieved = 12/16 = 75%.
    ind = indicator(without="118", with_="102", actual="106", direction=Direction.LOWER)
    result = compute_reward(agreement(target("7", ind), nbr="400000"))  # pot £10,000
    reward = result.indicator("1")
    assert reward is not None
    assert reward.achieved_fraction == D("0.75")
    assert reward.earned == D("7500")


def test_indicators_share_their_target_equally_unless_weighted() -> None:
    equal = target("1", indicator("1a", actual="60"), indicator("1b", actual="50"))
    weighted = target(
        "1", indicator("1a", actual="60", weight="0.6"), indicator("1b", actual="50", weight="0.4")
    )
    pot_10k = "400000"
    assert compute_reward(agreement(equal, nbr=pot_10k)).total_earned == D("5000")
    assert compute_reward(agreement(weighted, nbr=pot_10k)).total_earned == D("6000")


def test_partly_weighted_targets_share_the_remainder_equally() -> None:
    targets = (target("1", weight="0.5"), target("2"), target("3"))
    result = compute_reward(agreement(*targets, nbr="400000"))
    assert [t.potential for t in result.targets] == [D("5000"), D("2500"), D("2500")]


def test_weights_over_one_are_scaled_so_the_pot_is_never_exceeded() -> None:
    targets = (
        target("1", indicator("1", actual="60"), weight="0.8"),
        target("2", indicator("2", actual="60"), weight="0.8"),
    )
    result = compute_reward(agreement(*targets, nbr="400000"))
    assert result.total_earned == result.pot == D("10000")


def test_instalments_follow_the_end_of_the_agreement() -> None:
    # B&NES ends March 2006: two equal instalments in 2006/07 and 2007/08.
    result = compute_reward(agreement(target("1", indicator(actual="60")), nbr="400000"))
    assert [(p.financial_year, p.amount, p.kind) for p in result.payments] == [
        ("2006/07", D("5000"), "instalment"),
        ("2007/08", D("5000"), "instalment"),
    ]
    assert result.recoverable == 0


def test_period_ending_in_december_pays_in_the_following_financial_years() -> None:
    # York's LPSA1 ended 31 December 2005 (financial year 2005/06).
    result = compute_reward(agreement(target("1", indicator(actual="60")), end=date(2005, 12, 31)))
    assert [p.financial_year for p in result.payments] == ["2006/07", "2007/08"]


def test_interim_met_pays_a_fifth_on_account_then_the_balance() -> None:
    ind = indicator(actual="60", interim="54", interim_actual="55")
    result = compute_reward(agreement(target("1", ind), nbr="400000"))  # pot £10,000
    assert [(p.financial_year, p.amount, p.kind) for p in result.payments] == [
        ("2005/06", D("2000"), "on_account"),
        ("2006/07", D("4000"), "instalment"),
        ("2007/08", D("4000"), "instalment"),
    ]


def test_interim_met_but_final_result_poor_makes_the_payment_on_account_recoverable() -> None:
    ind = indicator(actual="51", interim="54", interim_actual="55")  # final: 10%, nil
    result = compute_reward(agreement(target("1", ind), nbr="400000"))
    assert result.total_earned == 0
    assert result.recoverable == D("2000")
    assert [p.kind for p in result.payments] == ["on_account"]


def test_interim_not_met_pays_nothing_on_account() -> None:
    ind = indicator(actual="60", interim="54", interim_actual="53")
    result = compute_reward(agreement(target("1", ind), nbr="400000"))
    assert [p.kind for p in result.payments] == ["instalment", "instalment"]


def test_lpsa2_reward_is_split_half_capital_half_revenue() -> None:
    result = compute_reward(
        agreement(target("1", indicator(actual="60")), nbr="400000", capital_share="0.5")
    )
    assert (result.capital, result.revenue) == (D("5000"), D("5000"))


def test_capital_and_revenue_are_unknown_without_a_stated_split() -> None:
    result = compute_reward(agreement(target("1", indicator(actual="60"))))
    assert result.capital is None
    assert result.revenue is None


def test_what_if_outturns_override_the_stored_ones() -> None:
    a = agreement(target("1", indicator(actual="50")), nbr="400000")
    assert compute_reward(a).total_earned == 0
    assert compute_reward(a, {"1": D("58")}).total_earned == D("8000")
    assert (
        compute_reward(agreement(target("1", indicator(actual="60"))), {"1": None}).total_earned
        == 0
    )


@pytest.mark.parametrize(
    ("direction", "without", "with_", "needed"),
    [
        (Direction.HIGHER, "50", "60", ["56", "58", "60"]),
        (Direction.LOWER, "118", "102", ["108.4", "105.2", "102"]),
    ],
)
def test_outturn_needed_for_sixty_eighty_and_hundred_percent(
    direction: Direction, without: str, with_: str, needed: list[str]
) -> None:
    ind = indicator(without=without, with_=with_, direction=direction)
    reward = compute_reward(agreement(target("1", ind))).indicator("1")
    assert reward is not None
    assert [(lvl, val) for lvl, val in reward.needed] == [
        (D("0.60"), D(needed[0])),
        (D("0.80"), D(needed[1])),
        (D("1.00"), D(needed[2])),
    ]
    # and reading the outturn back gives exactly that fraction
    assert all(outturn_needed(ind, lvl) == val for lvl, val in reward.needed)


def test_no_stretch_means_no_fraction_and_no_reward() -> None:
    ind = indicator(without="60", with_="60", actual="70")
    reward = compute_reward(agreement(target("1", ind))).indicator("1")
    assert reward is not None
    assert reward.achieved_fraction is None
    assert reward.earned == 0
    assert reward.needed == ()
