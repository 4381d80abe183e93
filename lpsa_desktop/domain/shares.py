"""Splitting a whole between parts that may carry explicit weights.

A weight is a fraction of the whole (0–1). Parts without a weight share what the weighted
parts leave, equally; when nobody has a weight that is an equal split (the LPSA1 rule:
equal shares "unless otherwise specified" [IOW-SCHED4]). If the result does not add up to
one (weights summing over one, or all given and summing under one) the shares are scaled
so that they do: the reward can then never exceed the pot, and validation reports the
weights as an error for a person to fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lpsa_desktop.domain.money import ONE, ZERO


def split_amount(whole: Decimal, weights: Sequence[Decimal | None]) -> list[Decimal]:
    """Each part's amount of ``whole``; the amounts add up to ``whole`` (or nothing, if no parts).

    Divisions come last so that equal shares are exact where they can be
    (£3,577,950 / 12 = £298,162.50, not £298,162.4999…).
    """
    if not weights:
        return []
    given = sum((w for w in weights if w is not None), ZERO)
    unweighted = sum(1 for w in weights if w is None)
    rest = max(ONE - given, ZERO)
    total = given + (rest if unweighted else ZERO)
    if total == ZERO:
        return [whole / len(weights)] * len(weights)
    amounts = [(whole * w if w is not None else whole * rest / unweighted) for w in weights]
    if total != ONE:
        amounts = [a / total for a in amounts]
    return amounts


def weights_sum_to_one(weights: Sequence[Decimal | None]) -> bool:
    """True when the given weights leave a consistent split (what validation checks)."""
    given = [w for w in weights if w is not None]
    total = sum(given, ZERO)
    if len(given) == len(weights):
        return not given or total == ONE
    return total <= ONE
