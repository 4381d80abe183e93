"""The return template: pre-filled, guided, validated, locked, and a lossless round trip."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import Unit
from lpsa_desktop.services.agreement_editing import create_agreement
from lpsa_desktop.services.return_import import apply_plan, plan_import
from lpsa_desktop.services.return_template import write_return_template
from lpsa_desktop.storage.store import Store
from tests.conftest import OFFICER


def public(item: Any) -> Any:
    """``item`` without its internal notes, which a return sent to a council never holds."""
    internal = {f.name: f.default for f in dataclasses.fields(item) if f.name == "internal_notes"}
    return dataclasses.replace(item, **internal)


def template_of(store: Store, agreement: Agreement, folder: Path) -> Path:
    create_agreement(store, agreement, officer=OFFICER)
    path = folder / "return.xlsx"
    write_return_template(store, agreement.ref, path)
    return path


def test_an_untouched_template_imports_back_with_no_change(
    store: Store, demo: Agreement, tmp_path: Path
) -> None:
    plan = plan_import(store, template_of(store, demo, tmp_path))
    (part,) = plan.agreements
    assert part.ref == demo.ref and not part.is_new
    assert part.changes == () and not plan.has_changes
    assert not plan.errors
    assert len(part.indicators_unchanged) == sum(len(t.indicators) for t in demo.targets)


def test_a_template_into_an_empty_store_recreates_every_target_and_freedom(
    store: Store, demo: Agreement, tmp_path: Path, store_path: Path
) -> None:
    path = template_of(store, demo, tmp_path)
    other = Store.open(str(tmp_path / "other.sqlite"))
    try:
        plan = plan_import(other, path)
        (part,) = plan.agreements
        assert part.is_new and part.ref == demo.ref
        assert part.after.targets == tuple(public(t) for t in demo.targets)
        assert part.after.freedoms == tuple(public(f) for f in demo.freedoms)
        assert (part.after.net_budget_requirement, part.after.reward_rate) == (
            demo.net_budget_requirement,
            demo.reward_rate,
        )
        assert (part.after.period_start, part.after.period_end) == (
            demo.period_start,
            demo.period_end,
        )
    finally:
        other.close()


def test_a_filled_in_template_changes_exactly_what_was_typed(
    store: Store, demo: Agreement, tmp_path: Path
) -> None:
    path = template_of(store, demo, tmp_path)
    book = load_workbook(path)
    sheet = book["Targets"]
    headers = [c.value for c in sheet[1]]
    actual = headers.index("Actual") + 1
    notes = headers.index("Notes") + 1
    sheet.cell(2, actual, 72)
    sheet.cell(2, notes, "Provisional outturn")
    book["Agreement"]["B10"] = 925_000  # pump priming grant
    book.save(path)
    plan = plan_import(store, path)
    assert sorted(str(c) for c in plan.agreements[0].changes) == [
        "Pump-priming grant: 919613.00 → 925000.00",
        "target 1 / Notes (printed): (empty) → Provisional outturn",
        "target 1 / indicator 1a / Outturn: (empty) → 72",
    ]
    apply_plan(store, plan, officer=OFFICER)
    with store.unit_of_work() as uow:
        after = uow.agreements.get(demo.ref)
    target = after.target("1")
    assert target is not None and target.notes == "Provisional outturn"
    assert after.pump_priming_grant == Decimal("925000")
    assert plan_import(store, path).has_changes is False


def test_values_round_trip_exactly_whatever_their_unit_and_decimals(
    store: Store, demo: Agreement, tmp_path: Path
) -> None:
    first = demo.targets[0]
    odd = dataclasses.replace(
        first.indicators[0],
        unit=Unit.RATE_PER_100000,
        decimals=2,
        baseline=Decimal("0.15"),
        without=Decimal("12345.67"),
        with_=Decimal("12999.99"),
        weight=Decimal("0.25"),
        baseline_period="AY 2003/04",
        end_period="2005-12-31",
    )
    changed = dataclasses.replace(
        demo,
        targets=(
            dataclasses.replace(first, indicators=(odd, *first.indicators[1:])),
            *demo.targets[1:],
        ),
    )
    assert not plan_import(store, template_of(store, changed, tmp_path)).has_changes


def test_the_template_has_guidance_drop_downs_locked_headers_and_number_formats(
    store: Store, demo: Agreement, tmp_path: Path
) -> None:
    book = load_workbook(template_of(store, demo, tmp_path))
    assert book.sheetnames == ["Guidance", "Agreement", "Targets", "Freedoms", "Periods", "Lists"]
    assert book["Lists"].sheet_state == "hidden"
    assert "How to fill in this return" in str(book["Guidance"]["A1"].value)
    targets = book["Targets"]
    headers = [c.value for c in targets[1]]
    validated = {
        headers[targets[ref.split(":")[0]].column - 1]: rule.formula1
        for rule in targets.data_validations.dataValidation
        for ref in str(rule.sqref).split()
    }
    assert set(validated) == {"Unit", "Direction", "Priority", "Reserve"}
    assert all(f.startswith("=Lists!") for f in validated.values())
    freedoms = book["Freedoms"]
    statuses = {str(r.sqref).split(":")[0][:1] for r in freedoms.data_validations.dataValidation}
    assert statuses == {"F", "I"}  # Status and Delivery
    assert targets.protection.sheet
    assert targets["A1"].protection.locked and not targets["A2"].protection.locked
    assert not targets.cell(len(demo.targets) + 50, 1).protection.locked  # room to add rows
    assert targets.freeze_panes == "A2"
    baseline = headers.index("Baseline") + 1
    assert targets.cell(2, baseline).number_format == '0"%"'  # 1a: a percentage, 0 decimals
    pump = headers.index("Pump priming") + 1
    assert "£" in targets.cell(2, pump).number_format
    assert book["Agreement"]["B9"].number_format.endswith("%")  # the reward rate


def test_a_template_keeps_its_agreement_ref_in_another_store(
    store: Store, demo: Agreement, tmp_path: Path
) -> None:
    path = template_of(store, dataclasses.replace(demo, ref="banes-2003-proposal"), tmp_path)
    other = Store.open(str(tmp_path / "other.sqlite"))
    try:
        (part,) = plan_import(other, path).agreements
        assert part.ref == "banes-2003-proposal" and part.is_new
    finally:
        other.close()
