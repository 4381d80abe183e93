"""`lpsa reward` shows an outturn with the digits it has: 74.5 never reads as "75%"."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from lpsa_desktop.cli.reward_commands import describe_reward
from lpsa_desktop.domain.reward import compute_reward
from lpsa_desktop.services.demo import demo_agreement


def test_an_outturn_between_whole_percentages_is_not_rounded_up_to_the_target() -> None:
    demo = demo_agreement()
    target = demo.targets[0]
    indicator = dataclasses.replace(target.indicators[1], actual=Decimal("74.5"))  # needs 75%
    assert indicator.decimals == 0
    target = dataclasses.replace(
        target, indicators=(target.indicators[0], indicator, *target.indicators[2:])
    )
    agreement = dataclasses.replace(demo, targets=(target, *demo.targets[1:]))
    text = describe_reward(agreement, compute_reward(agreement), {})
    line = next(row for row in text.splitlines() if row.strip().startswith("1b"))
    assert "74.5%" in line
