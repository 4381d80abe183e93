"""A blank cell leaves the stored value as it is (listed as left as stored) unless blanks
are asked to clear: re-importing last month's return never clears an outturn typed since."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

from lpsa_desktop.cli.main import main
from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.services.agreement_editing import save_agreement
from lpsa_desktop.services.return_import import apply_plan, plan_import
from lpsa_desktop.storage.store import Store
from tests.conftest import OFFICER
from tests.core.importing.workbooks import HEADER, ROW_1A, ROW_2, write_return

pytestmark = pytest.mark.both_engines

REF = "testshire-lpsa2"
WITH_ACTUAL = [*HEADER, "Actual", "Notes"]


def stored(store: Store) -> Agreement:
    with store.unit_of_work() as uow:
        return uow.agreements.get(REF)


def last_month(tmp_path: Path, actual: object = None, notes: object = None) -> Path:
    """Last month's return: no outturn yet (its Actual cells are empty)."""
    rows = [[*ROW_1A, actual, notes], [*ROW_2, None, None]]
    return write_return(tmp_path / "last-month.xlsx", rows, header=WITH_ACTUAL)


def outturn_typed_since(store: Store) -> None:
    """Since then an officer typed target 1's outturn and a note in the window."""
    current = stored(store)
    target = current.targets[0]
    indicator = dataclasses.replace(target.indicators[0], actual=Decimal(101))
    target = dataclasses.replace(target, indicators=(indicator,), notes="Police data")
    save_agreement(
        store, dataclasses.replace(current, targets=(target, *current.targets[1:])), officer=OFFICER
    )


@pytest.fixture
def old_return(store: Store, tmp_path: Path) -> Path:
    path = last_month(tmp_path)
    apply_plan(store, plan_import(store, path), officer=OFFICER)
    outturn_typed_since(store)
    return path


def test_re_importing_last_months_return_keeps_an_outturn_typed_since(
    store: Store, old_return: Path
) -> None:
    before = stored(store)
    plan = plan_import(store, old_return)
    (part,) = plan.agreements
    assert not part.has_changes and part.changes == ()
    assert part.left_as_stored == (
        "target 1 / indicator 1a / Outturn",
        "target 1 / Notes (printed)",
    )
    assert apply_plan(store, plan, officer=OFFICER) == []
    assert stored(store) == before


def test_clear_blanks_clears_the_stored_values_the_file_leaves_blank(
    store: Store, old_return: Path
) -> None:
    plan = plan_import(store, old_return, clear_blanks=True)
    (part,) = plan.agreements
    assert [str(c) for c in part.changes] == [
        "target 1 / Notes (printed): Police data → (empty)",
        "target 1 / indicator 1a / Outturn: 101 → (empty)",
    ]
    assert part.left_as_stored == ()
    apply_plan(store, plan, officer=OFFICER)
    found = stored(store).find_indicator("1a")
    assert found is not None and found[1].actual is None


def test_a_cell_saying_there_is_no_value_is_not_blank(
    store: Store, old_return: Path, tmp_path: Path
) -> None:
    (tmp_path / "n").mkdir()
    plan = plan_import(store, last_month(tmp_path / "n", "n/a", "-"))
    (part,) = plan.agreements
    assert "target 1 / indicator 1a / Outturn: 101 → (empty)" in [str(c) for c in part.changes]
    assert part.left_as_stored == ()


def test_the_command_line_lists_blank_cells_left_as_stored_and_clears_them_when_asked(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(str(store_path))
    try:
        path = last_month(tmp_path)
        apply_plan(store, plan_import(store, path), officer=OFFICER)
        outturn_typed_since(store)
    finally:
        store.close()
    assert main(["--db", str(store_path), "import", str(path), "--yes"]) == 0
    out = capsys.readouterr().out
    assert (
        "Blank in the file, left as stored:     2  target 1 / indicator 1a / Outturn, "
        "target 1 / Notes (printed) (--clear-blanks clears them)"
    ) in out
    assert "Nothing to write." in out
    assert main(["--db", str(store_path), "import", str(path), "--yes", "--clear-blanks"]) == 0
    out = capsys.readouterr().out
    assert "target 1 / indicator 1a / Outturn: 101 → (empty)" in out
    assert "left as stored" not in out
