"""The reward again after an edit, reusing what the edit did not touch.

The reward panel recomputes on every edit and on every what-if typed. An edit replaces only
the targets and indicators it changed (frozen dataclasses: the rest are the same objects),
so ``RewardMemo`` keeps each target's result with what it was worked out from, and reuses
it while those are the same: the same target object, the same potential, the same outturn
of each indicator (a what-if or the stored one), the same threshold and cap. The pot, the
split between targets and the payments are always worked out again (sums over the whole).
A changed target is worked out whole (remembering indicators one by one cost more than it
saved when a paste changes them all). The
answer is exactly ``compute_reward``'s (a test holds the two together on random edits).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement, Target
from lpsa_desktop.domain.reward import (
    RewardResult,
    TargetReward,
    reward_with,
    target_reward,
)
from lpsa_desktop.domain.written_alike import written_alike


@dataclass(frozen=True)
class _Worked:
    source: Target
    inputs: tuple[object, ...]  # the potential, threshold, cap and each indicator's outturn
    result: TargetReward


class RewardMemo:
    """``compute(agreement, actuals)`` == ``compute_reward(agreement, actuals)``."""

    def __init__(self) -> None:
        self._targets: dict[str, _Worked] = {}
        self._next_targets: dict[str, _Worked] = {}

    def compute(
        self, agreement: Agreement, actuals: Mapping[str, Decimal | None] | None = None
    ) -> RewardResult:
        self._next_targets = {}
        result = reward_with(agreement, actuals, self._target_reward)
        # Only what was shown this time is kept: the memo never grows past one agreement.
        self._targets = self._next_targets
        return result

    def _target_reward(
        self,
        agreement: Agreement,
        target: Target,
        potential: Decimal,
        overrides: Mapping[str, Decimal | None],
    ) -> TargetReward:
        inputs = (
            potential,
            agreement.threshold,
            agreement.cap,
            *(overrides.get(i.ref, i.actual) for i in target.indicators),
        )
        before = self._targets.get(target.ref)
        if before is not None and before.source is target and _alike(before.inputs, inputs):
            result = before.result
        else:
            result = target_reward(agreement, target, potential, overrides)
        self._next_targets.setdefault(target.ref, _Worked(target, inputs, result))
        return result


def _alike(old: tuple[object, ...], new: tuple[object, ...]) -> bool:
    # Equal first (one comparison in C), then written alike (mostly the same objects).
    return old == new and all(a is b or written_alike(a, b) for a, b in zip(old, new, strict=True))
