"""The three-way merge as a pure rule, on the demo agreement."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.three_way import MergeClashError, Side, merge_agreements
from tests.core.exchange.helpers import retitled
from tests.core.negotiation.helpers import drop_target, promote_reserve, set_with


def _with(agreement: Agreement, ref: str) -> Decimal | None:
    found = agreement.find_indicator(ref)
    assert found is not None
    return found[1].with_


def test_nothing_changed_anywhere_merges_to_the_same_agreement(demo: Agreement) -> None:
    result = merge_agreements(demo, demo, demo)
    assert result.merged == demo and not (result.taken or result.kept or result.conflicts)


@pytest.mark.parametrize(
    "change",
    [
        lambda a: set_with(a, "1a", "99"),
        lambda a: drop_target(a, "12"),
        lambda a: promote_reserve(a, "R1", "13"),
        lambda a: retitled(a, "3", "Better schools"),
        lambda a: dataclasses.replace(a, councils=a.councils[:0] + a.councils),
    ],
)
def test_a_change_on_one_side_only_is_taken_whichever_side_made_it(
    demo: Agreement, change: object
) -> None:
    changed = change(demo)  # type: ignore[operator]
    assert merge_agreements(demo, changed, demo).merged == changed
    assert merge_agreements(demo, demo, changed).merged == changed


def test_a_field_changed_on_both_sides_differently_is_a_conflict_resolved_only_by_choice(
    demo: Agreement,
) -> None:
    mine, theirs = set_with(demo, "1a", "80"), set_with(demo, "1a", "81")
    (conflict,) = merge_agreements(demo, mine, theirs).conflicts
    assert conflict.address == "indicator:1a.with"
    assert (conflict.base, conflict.mine, conflict.theirs, conflict.chosen) == (
        "73", "80", "81", None,
    )  # fmt: skip
    theirs_won = merge_agreements(demo, mine, theirs, choices={conflict.address: Side.THEIRS})
    assert _with(theirs_won.merged, "1a") == Decimal("81") and not theirs_won.unresolved
    assert _with(merge_agreements(demo, mine, theirs, default=Side.MINE).merged, "1a") == 80


def test_an_indicator_of_a_target_renumbered_on_one_side_takes_the_others_edit(
    demo: Agreement,
) -> None:
    mine = promote_reserve(demo, "R1", "13")
    theirs = set_with(demo, "R1", "5")
    result = merge_agreements(demo, mine, theirs)
    assert result.conflicts == ()
    assert result.merged.target("13") is not None and _with(result.merged, "R1") == 5


def test_renumbered_differently_on_both_sides_is_a_conflict_of_the_ref(demo: Agreement) -> None:
    result = merge_agreements(
        demo, promote_reserve(demo, "R1", "13"), promote_reserve(demo, "R1", "14")
    )
    assert [c.address for c in result.conflicts if c.field == "ref"] == ["target:13.ref"]


def test_a_target_removed_on_one_side_and_changed_on_the_other_is_a_conflict(
    demo: Agreement,
) -> None:
    mine, theirs = drop_target(demo, "12"), set_with(demo, "12a", "1")
    (conflict,) = merge_agreements(demo, mine, theirs).conflicts
    assert conflict.address == "target:12" and conflict.mine == "(removed)"
    kept = merge_agreements(demo, mine, theirs, default=Side.THEIRS).merged
    assert _with(kept, "12a") == 1 and len(kept.target("12").indicators) == 2  # type: ignore[union-attr]
    assert merge_agreements(demo, mine, theirs, default=Side.MINE).merged.target("12") is None


def test_an_indicator_moved_to_another_target_is_a_field_change(demo: Agreement) -> None:
    one, two = demo.target("1"), demo.target("2")
    assert one is not None and two is not None
    moved = one.indicators[-1]
    targets = tuple(
        dataclasses.replace(t, indicators=t.indicators[:-1]) if t.ref == "1"
        else dataclasses.replace(t, indicators=(*t.indicators, moved)) if t.ref == "2"
        else t
        for t in demo.targets
    )  # fmt: skip
    theirs = dataclasses.replace(demo, targets=targets)
    mine = set_with(demo, moved.ref, "1")
    result = merge_agreements(demo, mine, theirs)
    assert result.conflicts == ()
    target = result.merged.target("2")
    assert target is not None and target.indicator(moved.ref) is not None
    assert target.indicator(moved.ref).with_ == 1  # type: ignore[union-attr]
    assert result.merged.target("1").indicator(moved.ref) is None  # type: ignore[union-attr]


def test_two_different_targets_given_one_new_ref_cannot_be_placed(demo: Agreement) -> None:
    mine = promote_reserve(demo, "R1", "13")
    theirs = dataclasses.replace(
        demo, targets=(*demo.targets, dataclasses.replace(demo.targets[0], ref="13", title="New"))
    )
    theirs = dataclasses.replace(
        theirs, targets=tuple(
            dataclasses.replace(t, indicators=()) if t.ref == "13" else t for t in theirs.targets
        )
    )  # fmt: skip
    with pytest.raises(MergeClashError, match="target ref '13'"):
        merge_agreements(demo, mine, theirs)
