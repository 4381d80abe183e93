"""The window's memos of validation and the reward give exactly what working everything out
again gives, after every one of many random pastes and edits on a realistic agreement."""

from __future__ import annotations

import dataclasses
import random
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement, Indicator
from lpsa_desktop.domain.enums import Direction, Unit
from lpsa_desktop.domain.reward import compute_reward
from lpsa_desktop.domain.reward_memo import RewardMemo
from lpsa_desktop.domain.validation import validate_agreement
from lpsa_desktop.domain.validation_memo import ValidationMemo
from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from lpsa_desktop.services.demo import demo_agreement
from lpsa_desktop.services.field_changes import FieldChange, with_fields

# Values that pass and fail each rule, written several ways (150 and 150.0 read alike but
# are quoted differently in a message).
VALUES = [
    None,
    *(Decimal(t) for t in ("7.6", "7.60", "8.3", "8.6", "50", "50.0", "74.5", "100", "150")),
    *(Decimal(t) for t in ("150.0", "-5", "0", "1E+13", "12.345")),
]
FIELDS = ("actual", "interim_actual", "interim", "with_", "without", "baseline")


def _indicators(agreement: Agreement) -> list[Indicator]:
    return [i for t in agreement.targets for i in t.indicators]


def _paste(agreement: Agreement, rng: random.Random) -> Agreement:
    """A block of values pasted over some indicators, as the window pastes it."""
    chosen = rng.sample(_indicators(agreement), rng.randint(1, 8))
    field = rng.choice(FIELDS)
    changes = [
        FieldChange(
            FieldAddress(Part.INDICATOR, i.ref, field), rng.choice(VALUES), getattr(i, field)
        )
        for i in chosen
    ]
    return with_fields(agreement, changes)


def _edit(agreement: Agreement, rng: random.Random) -> Agreement:
    """Any other edit the window makes: a unit, decimals, direction, weights, reserve, the
    threshold and cap."""
    kind = rng.randrange(6)
    if kind == 0:
        threshold, cap = rng.choice([("0.60", "1.00"), ("0.50", "1.00"), ("0.60", "0.90")])
        return dataclasses.replace(agreement, threshold=Decimal(threshold), cap=Decimal(cap))
    row = rng.randrange(len(agreement.targets))
    target = agreement.targets[row]
    if kind == 1 or not target.indicators:
        weight = rng.choice([None, Decimal("0.5"), Decimal("0.25")])
        changed = dataclasses.replace(target, weight=weight, reserve=rng.random() < 0.1)
    else:
        n = rng.randrange(len(target.indicators))
        indicator = target.indicators[n]
        change = {
            2: {"unit": rng.choice(list(Unit))},
            3: {"decimals": rng.choice([0, 1, 2, 9])},
            4: {"direction": rng.choice(list(Direction))},
            5: {"weight": rng.choice([None, Decimal("0.5"), Decimal("1")])},
        }[kind]
        indicators = list(target.indicators)
        indicators[n] = dataclasses.replace(indicator, **change)  # type: ignore[arg-type]
        changed = dataclasses.replace(target, indicators=tuple(indicators))
    targets = list(agreement.targets)
    targets[row] = changed
    return dataclasses.replace(agreement, targets=tuple(targets))


def _what_ifs(agreement: Agreement, rng: random.Random) -> dict[str, Decimal | None]:
    refs = [i.ref for i in _indicators(agreement)]
    return {ref: rng.choice(VALUES) for ref in rng.sample(refs, rng.randint(0, 3))}


def test_memos_equal_full_validation_and_reward_after_random_pastes() -> None:
    rng = random.Random(13)
    for _run in range(3):
        agreement = demo_agreement()
        rewards, validation = RewardMemo(), ValidationMemo()
        what_ifs: dict[str, Decimal | None] = {}
        for _step in range(100):
            agreement = _paste(agreement, rng) if rng.random() < 0.7 else _edit(agreement, rng)
            if rng.random() < 0.3:
                what_ifs = _what_ifs(agreement, rng)
            # repr: Decimals compared as written, not only by value
            assert repr(rewards.compute(agreement, what_ifs)) == repr(
                compute_reward(agreement, what_ifs)
            )
            assert validation.validate(agreement) == validate_agreement(agreement)


def test_the_memos_reuse_what_an_edit_did_not_touch() -> None:
    agreement = demo_agreement()
    rewards, validation = RewardMemo(), ValidationMemo()
    first, issues = rewards.compute(agreement), validation.validate(agreement)
    indicator = agreement.targets[0].indicators[0]
    change = FieldChange(
        FieldAddress(Part.INDICATOR, indicator.ref, "actual"), Decimal("7.9"), indicator.actual
    )
    edited = with_fields(agreement, [change])
    again = rewards.compute(edited)
    assert again.targets[0] is not first.targets[0]  # worked out again
    assert all(a is b for a, b in zip(again.targets[1:], first.targets[1:], strict=True))
    assert validation.validate(edited) == validate_agreement(edited)
    assert issues == validate_agreement(agreement)
