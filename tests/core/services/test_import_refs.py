"""The ref rule: a sub-target cell repeating its target's ref is the target's own indicator
(never '2.2'), and a re-import never plans a second copy of a stored indicator."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.importing.council_return import read_return
from lpsa_desktop.services.agreement_editing import save_agreement
from lpsa_desktop.services.return_import import apply_plan, plan_import
from lpsa_desktop.storage.store import Store
from tests.conftest import OFFICER
from tests.core.importing.workbooks import ROW_1A, ROW_1B, ROW_2, write_return

pytestmark = pytest.mark.both_engines

REF = "testshire-lpsa2"
ROW_4 = ["4", None, "Jobs", "People into work", "number", "higher", 100, 110, 130, "2007/08"]


def refs_read(path: Path) -> dict[str, list[str]]:
    ret = read_return(path)
    return {t.ref: [i.ref for i in t.indicators] for t in ret.targets_table.targets}


def stored(store: Store) -> Agreement:
    with store.unit_of_work() as uow:
        return uow.agreements.get(REF)


def with_sub(row: list[object], sub: object) -> list[object]:
    return [row[0], sub, *row[2:]]


def test_single_indicator_targets_whose_sub_target_repeats_the_ref_keep_that_ref(
    tmp_path: Path,
) -> None:
    rows = [with_sub(ROW_2, "2"), with_sub(["1", *ROW_2[1:]], "1"), with_sub(ROW_4, 4)]
    assert refs_read(write_return(tmp_path / "r.xlsx", rows)) == {
        "2": ["2"],
        "1": ["1"],
        "4": ["4"],
    }


def test_sub_target_cells_written_as_the_target_in_other_ways_are_the_target_ref(
    tmp_path: Path,
) -> None:
    rows = [with_sub(ROW_2, "02"), with_sub(ROW_4, "Target 4")]
    assert refs_read(write_return(tmp_path / "r.xlsx", rows)) == {"2": ["2"], "4": ["4"]}


def test_a_target_numbered_1_2_3_in_its_sub_target_cells_reads_1_1_1_2_1_3(
    tmp_path: Path,
) -> None:
    rows = [with_sub(ROW_1A, 1), with_sub(ROW_1B, 2), with_sub([None, *ROW_1B[1:]], 3)]
    rows[2][3] = "Pedestrians killed or seriously injured"
    assert refs_read(write_return(tmp_path / "r.xlsx", rows)) == {"1": ["1.1", "1.2", "1.3"]}


def test_repeating_the_ref_against_the_stored_agreement_plans_no_new_indicator(
    store: Store, tmp_path: Path
) -> None:
    apply_plan(
        store,
        plan_import(store, write_return(tmp_path / "a.xlsx", [ROW_1A, ROW_1B, ROW_2])),
        officer=OFFICER,
    )
    again = with_sub(ROW_2, "2")
    plan = plan_import(store, write_return(tmp_path / "b.xlsx", [ROW_1A, ROW_1B, again]))
    (part,) = plan.agreements
    assert part.indicators_added == ()
    assert part.indicators_not_in_file == ()
    assert part.indicators_unchanged == ("1a", "1b", "2")
    assert not plan.has_changes and not plan.issues


@pytest.mark.parametrize(("stored_ref", "sub"), [("2.2", None), ("2a", "2"), ("2a", None)])
def test_a_lone_stored_indicator_under_another_ref_is_updated_not_copied(
    store: Store, tmp_path: Path, stored_ref: str, sub: str | None
) -> None:
    apply_plan(
        store, plan_import(store, write_return(tmp_path / "a.xlsx", [ROW_2])), officer=OFFICER
    )
    # As an older import (or an officer) left it: target 2's only indicator under its own ref.
    current = stored(store)
    (target,) = current.targets
    renamed = dataclasses.replace(target.indicators[0], ref=stored_ref)
    target = dataclasses.replace(target, indicators=(renamed,))
    save_agreement(store, dataclasses.replace(current, targets=(target,)), officer=OFFICER)
    changed = with_sub(ROW_2, sub)
    changed[8] = 27
    plan = plan_import(store, write_return(tmp_path / "b.xlsx", [changed]))
    (part,) = plan.agreements
    assert (part.indicators_added, part.indicators_changed) == ((), (stored_ref,))
    assert part.indicators_not_in_file == ()
    apply_plan(store, plan, officer=OFFICER)
    (after,) = stored(store).targets
    assert [(i.ref, i.with_) for i in after.indicators] == [(stored_ref, 27)]


def test_a_row_with_only_the_target_ref_is_refused_when_the_target_has_several(
    store: Store, tmp_path: Path
) -> None:
    apply_plan(
        store,
        plan_import(store, write_return(tmp_path / "a.xlsx", [ROW_1A, ROW_1B])),
        officer=OFFICER,
    )
    lone = with_sub(ROW_1A, "1")
    plan = plan_import(store, write_return(tmp_path / "b.xlsx", [lone]))
    (part,) = plan.agreements
    assert part.indicators_added == () and not part.has_changes
    (error,) = plan.errors
    assert "holds indicators 1a, 1b in the store" in str(error)
    assert error.row == 1  # the file's row 2
