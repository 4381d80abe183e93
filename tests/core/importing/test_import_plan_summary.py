"""What a plan counts, indicator by indicator, against the agreement it starts from."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement, Council, Indicator, Target
from lpsa_desktop.domain.enums import Generation
from lpsa_desktop.importing.import_plan import summarise


def agreement(*targets: Target) -> Agreement:
    return Agreement(
        "a", "A", Generation.LPSA2, (Council("C"),), date(2005, 4, 1), date(2008, 3, 31),
        targets=targets,
    )  # fmt: skip


BEFORE = agreement(
    Target("1", "One", (Indicator("1a", "a", baseline=Decimal("1.0")), Indicator("1b", "b"))),
    Target("2", "Two", (Indicator("2", "two"),)),
)


def test_added_changed_unchanged_and_left_out() -> None:
    one, two = BEFORE.targets
    changed = dataclasses.replace(one.indicators[0], baseline=Decimal("2.0"))
    after = agreement(
        dataclasses.replace(one, indicators=(changed, one.indicators[1], Indicator("1c", "c"))),
        two,
        Target("3", "Three", (Indicator("3", "three"),)),
    )
    part = summarise(
        "a", "C", before=BEFORE, after=after, changes=[],
        file_indicators={"1a", "1c", "3"}, file_targets={"1", "3"},
    )  # fmt: skip
    assert part.indicators_added == ("1c", "3")
    assert part.indicators_changed == ("1a",)
    assert part.indicators_unchanged == ()
    assert part.targets_added == ("3",)
    assert part.targets_not_in_file == ("2",)
    assert part.indicators_not_in_file == ("1b",)  # 2 is not in a target of the file


def test_an_equal_value_written_otherwise_is_no_change_and_a_new_agreement_adds_all() -> None:
    one, two = BEFORE.targets
    same = dataclasses.replace(one.indicators[0], baseline=Decimal("1.00"))
    after = agreement(dataclasses.replace(one, indicators=(same, one.indicators[1])), two)
    indicators, targets = {"1a", "1b", "2"}, {"1", "2"}
    part = summarise(
        "a", "C", before=BEFORE, after=after, changes=[],
        file_indicators=indicators, file_targets=targets,
    )  # fmt: skip
    assert part.indicators_unchanged == ("1a", "1b", "2")
    assert part.indicators_not_in_file == ()
    new = summarise(
        "a", "C", before=None, after=after, changes=[],
        file_indicators=indicators, file_targets=targets,
    )  # fmt: skip
    assert new.indicators_added == ("1a", "1b", "2")
    assert (new.indicators_changed, new.indicators_not_in_file) == ((), ())
