"""The reward result in the JSON shape of `lpsa reward --json` (money as '0.00' strings)."""

from __future__ import annotations

from typing import Any

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.money import fraction_text, money_text
from lpsa_desktop.domain.reward import IndicatorReward, RewardResult


def reward_to_dict(agreement: Agreement, result: RewardResult) -> dict[str, Any]:
    return {
        "agreement": agreement.ref,
        "reward_pot": money_text(result.pot),
        "threshold": fraction_text(result.threshold),
        "cap": fraction_text(result.cap),
        "targets": [
            {
                "ref": t.ref,
                "potential": money_text(t.potential),
                "earned": money_text(t.earned),
                "indicators": [_indicator(i) for i in t.indicators],
            }
            for t in result.targets
        ],
        "total_earned": money_text(result.total_earned),
        "capital": None if result.capital is None else money_text(result.capital),
        "revenue": None if result.revenue is None else money_text(result.revenue),
        "payments": [
            {"financial_year": p.financial_year, "amount": money_text(p.amount), "kind": p.kind}
            for p in result.payments
        ],
        "recoverable": money_text(result.recoverable),
    }


def _indicator(reward: IndicatorReward) -> dict[str, Any]:
    return {
        "ref": reward.ref,
        "potential": money_text(reward.potential),
        "achieved_fraction": (
            None if reward.achieved_fraction is None else fraction_text(reward.achieved_fraction)
        ),
        "payable_fraction": fraction_text(reward.payable_fraction),
        "earned": money_text(reward.earned),
        "interim_met": reward.interim_met,
        "needed": {fraction_text(level): value for level, value in reward.needed},
    }
