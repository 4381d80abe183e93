"""The reward grant for a stored agreement, on its outturns or on what-if ones."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.reward import RewardResult, compute_reward
from lpsa_desktop.errors import NotFoundError
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.storage.store import Store


def reward_for(
    store: Store, ref_or_council: str, actuals: Mapping[str, Decimal | None] | None = None
) -> tuple[Agreement, RewardResult]:
    agreement = load_agreement(store, ref_or_council)
    for ref in actuals or {}:
        if agreement.find_indicator(ref) is None:
            known = ", ".join(i.ref for t in agreement.targets for i in t.indicators)
            raise NotFoundError(f"{agreement.ref} has no indicator {ref!r} (it has {known})")
    return agreement, compute_reward(agreement, actuals)
