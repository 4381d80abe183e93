"""Returns with a Periods sheet: the template writes one, a council fills it in, the import
records the outturns, and a new template reads back the same."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lpsa_desktop.domain.delivery.outturns import OutturnEntry
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.services.outturn_recording import delivery_record, record_outturns
from lpsa_desktop.services.return_import import apply_plan, plan_import
from lpsa_desktop.services.return_template import write_return_template
from lpsa_desktop.storage.store import Store

REF = "bath-ne-somerset-lpsa1"


pytestmark = pytest.mark.both_engines


@pytest.fixture
def store(store_location: str):
    opened = Store.open(store_location)
    add_demo_agreement(opened, officer="Test")
    yield opened
    opened.close()


def _rows(path: Path) -> list[tuple]:
    sheet = load_workbook(path)["Periods"]
    return [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=1)]


def _fill(path: Path, values: dict[tuple[str, str], tuple]) -> None:
    book = load_workbook(path)
    sheet = book["Periods"]
    for row in sheet.iter_rows(min_row=2):
        key = (row[0].value, row[1].value)
        if key in values:
            for cell, value in zip(row[2:], values[key], strict=False):
                cell.value = value
    book.save(path)


def test_the_template_has_a_row_per_indicator_and_period_with_stored_values(
    store, tmp_path
) -> None:
    record_outturns(
        store,
        REF,
        [
            OutturnEntry(
                "1a",
                "2003/04",
                Decimal("70.5"),
                note="Ahead of plan",
                internal_note="secret",
                recorded_on=date(2004, 6, 1),
            )
        ],
        officer="T",
    )
    out = tmp_path / "t.xlsx"
    write_return_template(store, REF, out)
    rows = _rows(out)
    assert rows[0] == ("Indicator", "Period", "Value", "Status", "Reported on", "Note")
    assert len(rows) == 1 + 20 * 3
    assert rows[1] == ("1a", "2003/04", 70.5, "provisional", datetime(2004, 6, 1), "Ahead of plan")
    assert rows[2] == ("1a", "2004/05", None, None, None, None)
    assert not any("secret" in str(v) for r in rows for v in r)


def test_a_filled_in_periods_sheet_round_trips(store, tmp_path) -> None:
    out = tmp_path / "t.xlsx"
    write_return_template(store, REF, out)
    _fill(
        out,
        {
            ("1a", "2003/04"): (71, "provisional", date(2004, 5, 3), "Key Stage 3 up"),
            ("1a", "2005/06"): (72.5, "audited", date(2006, 9, 1), None),
            ("7", "2004/05"): ("1,210", "provisional"),
        },
    )
    plan = plan_import(store, out)
    assert not plan.has_errors and plan.outturn_changes == 3
    apply_plan(store, plan, officer="T")
    record = delivery_record(store, REF)
    got = {(o.indicator_ref, o.period): (o.value, o.audited, o.note) for o in record.outturns}
    assert got == {
        ("1a", "2003/04"): (Decimal(71), False, "Key Stage 3 up"),
        ("1a", "2005/06"): (Decimal("72.5"), True, ""),
        ("7", "2004/05"): (Decimal(1210), False, ""),
    }
    found = load_agreement(store, REF).find_indicator("1a")
    assert found is not None and found[1].actual == Decimal("72.5")  # audited end value
    again = tmp_path / "again.xlsx"
    write_return_template(store, REF, again)
    assert plan_import(store, again).outturn_changes == 0
    filled = {r[:2]: r[2:4] for r in _rows(again)[1:] if r[2] is not None}
    assert filled == {
        ("1a", "2003/04"): (71, "provisional"),
        ("1a", "2005/06"): (72.5, "audited"),
        ("7", "2004/05"): (1210, "provisional"),
    }


def test_bad_rows_are_located_errors_and_nothing_is_written(store, tmp_path) -> None:
    out = tmp_path / "t.xlsx"
    write_return_template(store, REF, out)
    book = load_workbook(out)
    sheet = book["Periods"]
    sheet.protection.sheet = False
    sheet.append(["1a", "2009/10", 70])
    sheet.append(["9z", "2003/04", 70])
    sheet.append(["1b", "2003/04", "lots"])
    sheet.append(["1c", "2003/04", 70, "maybe"])
    book.save(out)
    plan = plan_import(store, out)
    messages = sorted(str(i) for i in plan.errors)
    assert len(messages) == 4
    assert any("Periods!B62" in m and "2009/10" in m for m in messages)
    assert any("Periods!A63" in m and "no indicator '9z'" in m for m in messages)
    assert any("Periods!C64" in m for m in messages)
    assert any("Periods!D65" in m and "provisional or audited" in m for m in messages)
    with pytest.raises(Exception, match="error"):
        apply_plan(store, plan, officer="T")
    assert delivery_record(store, REF).outturns == ()
