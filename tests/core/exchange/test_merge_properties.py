"""Properties of the merge: random edit sequences on two copies of one agreement."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import NegotiationStatus
from lpsa_desktop.domain.three_way import Side, merge_agreements
from lpsa_desktop.services.demo import demo_agreement
from tests.core.negotiation.helpers import drop_target

BASE = demo_agreement()
INDICATORS = [i.ref for t in BASE.targets for i in t.indicators]
TARGETS = [t.ref for t in BASE.targets]
VALUES = st.sampled_from([Decimal(v) for v in ("1", "2.5", "7", "80", "81")])
TEXTS = st.sampled_from(["", "agreed at the meeting", "to check with DfES", "New title"])

Leaf = tuple[str, str, str]  # (kind, ref, field)

indicator_edits = st.tuples(
    st.just("indicator"),
    st.sampled_from(INDICATORS),
    st.sampled_from(["with_", "without", "actual", "baseline"]),
    VALUES,
)
status_edits = st.tuples(
    st.just("indicator"),
    st.sampled_from(INDICATORS),
    st.just("negotiation"),
    st.sampled_from(list(NegotiationStatus)),
)
target_edits = st.tuples(
    st.just("target"), st.sampled_from(TARGETS), st.sampled_from(["title", "notes"]), TEXTS
)
agreement_edits = st.tuples(
    st.just("agreement"), st.just(""), st.sampled_from(["title", "notes"]), TEXTS
)
edits = st.lists(
    st.one_of(indicator_edits, status_edits, target_edits, agreement_edits), max_size=12
)


def _apply(agreement: Agreement, edit: tuple[str, str, str, Any]) -> Agreement:
    kind, ref, name, value = edit
    if kind == "agreement":
        return dataclasses.replace(agreement, **{name: value})
    targets = []
    for target in agreement.targets:
        if kind == "target" and target.ref == ref:
            target = dataclasses.replace(target, **{name: value})  # noqa: PLW2901
        elif kind == "indicator":
            indicators = tuple(
                dataclasses.replace(i, **{name: value}) if i.ref == ref else i
                for i in target.indicators
            )
            target = dataclasses.replace(target, indicators=indicators)  # noqa: PLW2901
        targets.append(target)
    return dataclasses.replace(agreement, targets=tuple(targets))


def _leaves(agreement: Agreement) -> dict[Leaf, Any]:
    leaves: dict[Leaf, Any] = {}
    for name in ("title", "notes"):
        leaves["agreement", "", name] = getattr(agreement, name)
    for target in agreement.targets:
        for name in ("title", "notes"):
            leaves["target", target.ref, name] = getattr(target, name)
        for i in target.indicators:
            for name in ("with_", "without", "actual", "baseline", "negotiation"):
                leaves["indicator", i.ref, name] = getattr(i, name)
    return leaves


def _address(leaf: Leaf) -> str:
    kind, ref, name = leaf
    where = "agreement" if kind == "agreement" else f"{kind}:{ref}"
    return f"{where}.{name.rstrip('_')}"


@settings(max_examples=150, deadline=None)
@given(mine_edits=edits, theirs_edits=edits)
def test_taking_theirs_keeps_every_one_sided_change_and_reports_every_clash(
    mine_edits: list[Any], theirs_edits: list[Any]
) -> None:
    mine, theirs = BASE, BASE
    for edit in mine_edits:
        mine = _apply(mine, edit)
    for edit in theirs_edits:
        theirs = _apply(theirs, edit)
    result = merge_agreements(BASE, mine, theirs, default=Side.THEIRS)
    base_leaves, mine_leaves, theirs_leaves = _leaves(BASE), _leaves(mine), _leaves(theirs)
    merged = _leaves(result.merged)
    conflicts = {c.address for c in result.conflicts}
    for leaf, base in base_leaves.items():
        ours, others = mine_leaves[leaf], theirs_leaves[leaf]
        if ours == base:
            assert merged[leaf] == others, leaf
        elif others in (base, ours):
            assert merged[leaf] == ours, leaf
        else:  # changed on both sides to different values: reported, and theirs taken
            assert _address(leaf) in conflicts, leaf
            assert merged[leaf] == others, leaf
    # nothing else was reported: every conflict is a real clash
    clashes = {
        _address(leaf)
        for leaf, base in base_leaves.items()
        if base != mine_leaves[leaf] != theirs_leaves[leaf] != base
    }
    assert conflicts == clashes


@settings(max_examples=60, deadline=None)
@given(
    dropped=st.sets(st.sampled_from(TARGETS), max_size=3),
    theirs_edits=st.lists(indicator_edits, max_size=6),
)
def test_no_edit_under_a_removed_target_is_lost_without_a_conflict(
    dropped: set[str], theirs_edits: list[Any]
) -> None:
    mine = BASE
    for ref in dropped:
        mine = drop_target(mine, ref)
    theirs = BASE
    for edit in theirs_edits:
        theirs = _apply(theirs, edit)
    result = merge_agreements(BASE, mine, theirs, default=Side.MINE)
    conflicts = {c.address for c in result.conflicts}
    for ref in dropped:
        base_target, their_target = BASE.target(ref), theirs.target(ref)
        if base_target != their_target:
            assert f"target:{ref}" in conflicts  # their edit is shown, not silently dropped
        else:
            assert result.merged.target(ref) is None  # my removal is taken
