"""Import plans against the store: apply in one transaction, re-import changes nothing,
errors and stale plans write nothing, batches revert whole."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.importing.errors import ImportBlockedError, ImportRefusedError
from lpsa_desktop.importing.rejects_workbook import write_rejects
from lpsa_desktop.services.agreement_editing import create_agreement, save_agreement
from lpsa_desktop.services.column_mappings import load_mapping, save_mapping
from lpsa_desktop.services.import_batches import list_import_batches, revert_import_batch
from lpsa_desktop.services.return_import import apply_plan, plan_import
from lpsa_desktop.services.return_template import write_return_template
from lpsa_desktop.storage.store import Store
from tests.conftest import OFFICER
from tests.core.importing.workbooks import HEADER, ROW_1A, ROW_1B, ROW_2, write_return
from tests.engines import recorded_by

pytestmark = pytest.mark.both_engines


REF = "testshire-lpsa2"


def stored(store: Store, ref: str = REF) -> Agreement | None:
    with store.unit_of_work() as uow:
        return uow.agreements.get(ref) if uow.agreements.exists(ref) else None


def audit_count(store: Store, ref: str) -> int:
    with store.unit_of_work() as uow:
        return len(uow.audit.history(ref))


def test_a_new_return_plans_a_new_agreement_and_applies_it_with_a_batch(
    store: Store, tmp_path: Path
) -> None:
    path = write_return(tmp_path / "testshire.xlsx", [ROW_1A, ROW_1B, ROW_2])
    plan = plan_import(store, path)
    (part,) = plan.agreements
    assert (part.ref, part.is_new) == (REF, True)
    assert part.targets_added == ("1", "2")
    assert part.indicators_added == ("1a", "1b", "2")
    assert stored(store) is None  # planning writes nothing
    (batch_id,) = apply_plan(store, plan, officer=OFFICER)
    assert stored(store) == part.after
    (batch,) = list_import_batches(store)
    assert (batch.id, batch.file_name, batch.officer, batch.agreement_ref) == (
        batch_id, "testshire.xlsx", OFFICER, REF,
    )  # fmt: skip
    assert batch.sha256 == plan.sha256 and len(batch.sha256) == 64
    assert json.loads(batch.counts)["indicators_added"] == 3
    with store.unit_of_work() as uow:
        (event,) = uow.audit.history(REF)
    assert event.action == f"import testshire.xlsx (batch {batch_id}, SHA-256 {plan.sha256[:12]})"
    assert event.officer == recorded_by(store, OFFICER)


def test_importing_the_same_file_twice_changes_nothing_the_second_time(
    store: Store, tmp_path: Path
) -> None:
    path = write_return(tmp_path / "testshire.xlsx", [ROW_1A, ROW_1B, ROW_2])
    apply_plan(store, plan_import(store, path), officer=OFFICER)
    before, events = stored(store), audit_count(store, REF)
    again = plan_import(store, path)
    (part,) = again.agreements
    assert not again.has_changes and part.changes == ()
    assert part.indicators_unchanged == ("1a", "1b", "2")
    assert [e.agreement_ref for e in again.earlier_imports] == [REF]
    assert apply_plan(store, again, officer=OFFICER) == []
    assert stored(store) == before
    assert audit_count(store, REF) == events
    assert len(list_import_batches(store)) == 1


def test_a_return_updates_by_ref_shows_old_and_new_and_keeps_what_it_leaves_out(
    store: Store, tmp_path: Path
) -> None:
    apply_plan(
        store,
        plan_import(store, write_return(tmp_path / "a.xlsx", [ROW_1A, ROW_2])),
        officer=OFFICER,
    )
    changed = [*ROW_1A[:8], 90, ROW_1A[9]]
    plan = plan_import(store, write_return(tmp_path / "b.xlsx", [changed]))
    (part,) = plan.agreements
    assert part.indicators_changed == ("1a",)
    assert part.targets_not_in_file == ("2",)
    assert [str(c) for c in part.changes] == ["target 1 / indicator 1a / With LPSA: 95 → 90"]
    apply_plan(store, plan, officer=OFFICER)
    after = stored(store)
    assert after is not None and after.target("2") is not None  # reported, never deleted
    found = after.find_indicator("1a")
    assert found is not None and found[1].with_ == Decimal(90)


def test_a_plan_with_errors_writes_nothing_unless_rejects_are_accepted(
    store: Store, tmp_path: Path
) -> None:
    bad = ["2", None, "Recycling", "Waste recycled", "%", "higher", "lots", 22, 26, "2007/08"]
    plan = plan_import(store, write_return(tmp_path / "r.xlsx", [ROW_1A, bad]))
    assert plan.has_errors and [r.row for r in plan.rejected] == [2]
    with pytest.raises(ImportBlockedError) as blocked:
        apply_plan(store, plan, officer=OFFICER)
    assert "nothing was written" in str(blocked.value)
    assert stored(store) is None and list_import_batches(store) == []
    apply_plan(store, plan, officer=OFFICER, accept_rejects=True)
    after = stored(store)
    assert after is not None and [t.ref for t in after.targets] == ["1"]


def test_a_failure_while_applying_leaves_the_store_exactly_as_it_was(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_import(store, write_return(tmp_path / "r.xlsx", [ROW_1A, ROW_2]))

    def broken(*_args: object, **_kwargs: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(
        "lpsa_desktop.storage.import_batch_repository.ImportBatchRepository.add", broken
    )
    with pytest.raises(RuntimeError):
        apply_plan(store, plan, officer=OFFICER)
    assert stored(store) is None
    with store.unit_of_work() as uow:
        assert uow.audit.history(REF) == []


def test_a_plan_made_before_an_edit_is_refused_when_applied(store: Store, tmp_path: Path) -> None:
    apply_plan(
        store, plan_import(store, write_return(tmp_path / "a.xlsx", [ROW_1A])), officer=OFFICER
    )
    plan = plan_import(store, write_return(tmp_path / "b.xlsx", [[*ROW_1A[:8], 90, ROW_1A[9]]]))
    current = stored(store)
    assert current is not None
    save_agreement(store, dataclasses.replace(current, title="Edited meanwhile"), officer=OFFICER)
    with pytest.raises(ImportBlockedError) as blocked:
        apply_plan(store, plan, officer=OFFICER)
    assert "changed since this plan was made" in str(blocked.value)
    edited = stored(store)
    assert edited is not None and edited.title == "Edited meanwhile"


def test_reverting_a_batch_that_created_an_agreement_removes_it(
    store: Store, tmp_path: Path
) -> None:
    (batch,) = apply_plan(
        store, plan_import(store, write_return(tmp_path / "a.xlsx", [ROW_1A])), officer=OFFICER
    )
    revert_import_batch(store, batch, officer=OFFICER)
    assert stored(store) is None
    (listed,) = list_import_batches(store)
    assert listed.reverted_by == OFFICER and listed.reverted_at is not None
    with pytest.raises(ImportBlockedError):
        revert_import_batch(store, batch, officer=OFFICER)


def test_reverting_an_update_restores_the_agreement_exactly(
    store: Store, demo: Agreement, tmp_path: Path
) -> None:
    create_agreement(store, demo, officer=OFFICER)
    template = tmp_path / "demo.xlsx"
    write_return_template(store, demo.ref, template)
    book = load_workbook(template)
    sheet = book["Targets"]
    actual = [c.value for c in sheet[1]].index("Actual") + 1
    sheet.cell(2, actual, 71)
    sheet.cell(3, actual, 74.5)
    book.save(template)
    plan = plan_import(store, template)
    assert [str(c) for c in plan.agreements[0].changes] == [
        "target 1 / indicator 1a / Outturn: (empty) → 71",
        "target 1 / indicator 1b / Outturn: (empty) → 74.5",
    ]
    (batch,) = apply_plan(store, plan, officer=OFFICER)
    assert stored(store, demo.ref) != demo
    changes = revert_import_batch(store, batch, officer=OFFICER)
    assert stored(store, demo.ref) == demo
    assert len(changes) == 2
    with store.unit_of_work() as uow:
        assert uow.audit.history(demo.ref, limit=1)[0].action.startswith("revert import batch")


def test_a_revert_is_refused_when_the_agreement_changed_since(store: Store, tmp_path: Path) -> None:
    (batch,) = apply_plan(
        store, plan_import(store, write_return(tmp_path / "a.xlsx", [ROW_1A])), officer=OFFICER
    )
    current = stored(store)
    assert current is not None
    save_agreement(store, dataclasses.replace(current, title="Later edit"), officer=OFFICER)
    with pytest.raises(ImportBlockedError) as blocked:
        revert_import_batch(store, batch, officer=OFFICER)
    assert "has changed since import batch" in str(blocked.value)
    later = stored(store)
    assert later is not None and later.title == "Later edit"


def test_the_fast_insert_of_a_new_agreement_reads_back_equal(store: Store, demo: Agreement) -> None:
    with store.unit_of_work(write=True) as uow:
        uow.new_agreements.insert(demo)
    assert stored(store, demo.ref) == demo


def test_a_workbook_for_several_councils_plans_one_agreement_each(
    store: Store, tmp_path: Path
) -> None:
    header = ["Council", *HEADER]
    rows = [["North District", *ROW_1A], ["South District", *ROW_2]]
    agreement = [("Start", "2005/06"), ("End", "2007/08"), ("Generation", "LPSA2")]
    plan = plan_import(
        store, write_return(tmp_path / "two.xlsx", rows, header=header, agreement=agreement)
    )
    assert [(p.council, [t.ref for t in p.after.targets]) for p in plan.agreements] == [
        ("North District", ["1"]),
        ("South District", ["2"]),
    ]


def test_a_return_naming_no_council_needs_an_agreement(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ImportRefusedError) as refused:
        plan_import(store, write_return(tmp_path / "r.xlsx", [ROW_1A], agreement=None))
    assert "--agreement" in str(refused.value)


def test_a_saved_mapping_is_offered_again_for_the_same_layout(store: Store, tmp_path: Path) -> None:
    header = [*HEADER, "Outturn 07/08"]
    first = write_return(tmp_path / "a.xlsx", [[*ROW_1A, 93]], header=header)
    plan = plan_import(store, first, overrides={"Outturn 07/08": "actual"})
    save_mapping(store, "testshire", plan.column_mapping, plan.layout)
    second = write_return(tmp_path / "b.xlsx", [[*ROW_2, 25]], header=header)
    offered = plan_import(store, second)
    assert offered.offered_mappings == ("testshire",)
    mapped = plan_import(store, second, overrides=load_mapping(store, "testshire"))
    found = mapped.agreements[0].after.find_indicator("2")
    assert found is not None and found[1].actual == Decimal(25)
    other = plan_import(store, write_return(tmp_path / "c.xlsx", [ROW_1A]))
    assert other.offered_mappings == ()


def test_rejected_rows_are_written_with_their_columns_and_a_reason(
    store: Store, tmp_path: Path
) -> None:
    bad = ["2", None, "Recycling", "Waste recycled", "%", "higher", "lots", 22, 26, "2007/08"]
    plan = plan_import(store, write_return(tmp_path / "r.xlsx", [ROW_1A, bad]))
    out = tmp_path / "rejects.xlsx"
    assert write_rejects(out, plan.headers, plan.rejected) == 1
    sheet = load_workbook(out)["Targets"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == [*HEADER, "Row in file", "Reason"]
    assert rows[1][:7] == ["2", None, "Recycling", "Waste recycled", "%", "higher", "lots"]
    assert rows[1][-2] == 3 and "Targets!G3" in rows[1][-1] and "not a number" in rows[1][-1]
