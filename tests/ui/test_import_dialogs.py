"""Importing a return from the window: plan first, Apply writes, undo and revert take it back."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester

from lpsa_desktop.services.agreement_edits import FieldAddress, Part, read_field
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.services.import_batches import list_import_batches
from lpsa_desktop.services.return_import import apply_plan, plan_import
from lpsa_desktop.storage.store import Store
from tests.ui.conftest import WAIT_MS, OpenWindow
from tests.ui.documents import DEMO, write_return
from ui.dialogs.import_dialog import ImportDialog
from ui.dialogs.revert_import_dialog import RevertImportDialog
from ui.import_child import summarise_plan
from ui.item_models.import_batch_model import ImportBatchModel, counts_text
from ui.item_models.import_plan_models import ImportChangesModel, ImportIssuesModel

ACTUAL_2 = FieldAddress(Part.INDICATOR, "2", "actual")
OUTTURN = "Actual"
WITH = "Performance target with the LPSA"


def stored(store_path: Path, address: FieldAddress) -> object:
    store = Store.open(str(store_path))
    try:
        return read_field(load_agreement(store, DEMO), address)
    finally:
        store.close()


def import_dialog(opened: OpenWindow, path: Path) -> ImportDialog:
    opened.controller.files.import_return(path)
    dialog = opened.controller.files.dialog
    assert isinstance(dialog, ImportDialog)
    opened.qtbot.waitUntil(
        lambda: dialog.plan is not None or "Nothing" in dialog.status.text(), timeout=WAIT_MS
    )
    return dialog


@pytest.fixture
def opened(open_window: Callable[..., OpenWindow]) -> OpenWindow:
    return open_window()


def test_the_plan_is_shown_before_anything_is_written(
    opened: OpenWindow, store_path: Path, tmp_path: Path
) -> None:
    path = write_return(store_path, tmp_path / "return.xlsx", {("2", OUTTURN): 7.8})
    dialog = import_dialog(opened, path)
    assert "Changes to" in dialog.status.text() and "1 indicators changed" in dialog.status.text()
    rows = [
        [dialog.changes_model.index(r, c).data() for c in range(5)]
        for r in range(dialog.changes_model.rowCount())
    ]
    assert [DEMO, "target 2 / indicator 2", "Outturn", "", "7.8%"] in rows
    assert dialog.apply_button.isEnabled()
    assert stored(store_path, ACTUAL_2) is None  # nothing written yet
    dialog.reject()
    opened.wait_idle()
    assert stored(store_path, ACTUAL_2) is None


def test_apply_writes_the_import_and_undo_reverts_it(
    opened: OpenWindow, store_path: Path, tmp_path: Path
) -> None:
    path = write_return(store_path, tmp_path / "return.xlsx", {("2", OUTTURN): 7.8})
    dialog = import_dialog(opened, path)
    dialog.apply_button.click()
    opened.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    opened.wait_idle()
    assert stored(store_path, ACTUAL_2) == Decimal("7.8")
    assert read_field(opened.controller.session.agreement, ACTUAL_2) == Decimal("7.8")
    assert "£212,973.21" in opened.window.reward.summary.text()
    actions = opened.window.window_actions
    assert actions.undo.text() == "&Undo import return.xlsx"
    actions.undo.trigger()
    opened.wait_idle()
    assert stored(store_path, ACTUAL_2) is None
    actions.redo.trigger()
    opened.wait_idle()
    assert stored(store_path, ACTUAL_2) == Decimal("7.8")
    assert opened.faults.errors == []


def test_problems_are_located_by_cell_and_block_apply(
    opened: OpenWindow, store_path: Path, tmp_path: Path
) -> None:
    path = write_return(store_path, tmp_path / "bad.xlsx", {("2", WITH): "seven point six"})
    dialog = import_dialog(opened, path)
    errors = [
        [dialog.issues_model.index(r, c).data() for c in range(5)]
        for r in range(dialog.issues_model.rowCount())
        if dialog.issues_model.index(r, 0).data() == "Error"
    ]
    assert errors and errors[0][1].startswith("Targets!L")
    assert "seven point six" in errors[0][3]
    assert not dialog.apply_button.isEnabled()
    assert dialog.accept_rejects.isVisible()
    dialog.accept_rejects.setChecked(True)
    assert dialog.apply_button.isEnabled() == dialog.plan.has_changes
    dialog.reject()


def test_a_file_that_is_not_a_return_is_refused_in_plain_words(
    opened: OpenWindow, tmp_path: Path
) -> None:
    path = tmp_path / "minutes.xlsx"
    path.write_text("these are the minutes, not a workbook")
    dialog = import_dialog(opened, path)
    assert "Nothing was written" in dialog.status.text()
    assert "minutes.xlsx" in dialog.status.text()
    assert not dialog.apply_button.isEnabled()
    assert opened.faults.errors == []  # a refusal, not a fault
    dialog.reject()


def test_cancel_while_reading_writes_nothing(
    opened: OpenWindow, store_path: Path, tmp_path: Path
) -> None:
    path = write_return(store_path, tmp_path / "return.xlsx", {("2", OUTTURN): 7.8})
    opened.controller.files.import_return(path)
    dialog = opened.controller.files.dialog
    dialog.reject()  # at once, while the worker is still reading
    opened.wait_idle()
    assert stored(store_path, ACTUAL_2) is None
    assert opened.faults.errors == []


def test_a_workbook_dropped_on_the_window_opens_the_import(
    opened: OpenWindow, store_path: Path, tmp_path: Path
) -> None:
    path = write_return(store_path, tmp_path / "dropped.xlsx", {("2", OUTTURN): 7.8})
    opened.window.files_dropped.emit([path])
    assert isinstance(opened.controller.files.dialog, ImportDialog)
    opened.qtbot.waitUntil(lambda: opened.controller.files.dialog.plan is not None, timeout=WAIT_MS)
    opened.controller.files.dialog.reject()


def test_an_import_batch_can_be_reverted_later(
    opened: OpenWindow, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_return(store_path, tmp_path / "return.xlsx", {("2", OUTTURN): 7.8})
    dialog = import_dialog(opened, path)
    dialog.apply_button.click()
    opened.wait_idle()
    revert = RevertImportDialog(opened.controller.session, DEMO, opened.window)
    opened.qtbot.addWidget(revert)
    opened.qtbot.waitUntil(lambda: revert.model.rowCount() == 1, timeout=WAIT_MS)
    assert revert.model.index(0, 2).data() == "return.xlsx"
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    revert.revert_button.click()
    opened.qtbot.waitUntil(lambda: "was reverted" in revert.status.text(), timeout=WAIT_MS)
    opened.wait_idle()
    assert stored(store_path, ACTUAL_2) is None
    assert revert.model.index(0, 6).data().endswith("by Test Officer")
    assert not revert.revert_button.isEnabled()


def test_the_import_models_pass_the_model_tester(
    qtmodeltester: ModelTester, store: Store, store_path: Path, tmp_path: Path
) -> None:
    add_demo_agreement(store, officer="Test Officer")
    path = write_return(store_path, tmp_path / "r.xlsx", {("2", OUTTURN): 7.8, ("1a", WITH): "x"})
    plan = plan_import(store, path)
    summary = summarise_plan(plan)
    changes, issues = ImportChangesModel(), ImportIssuesModel()
    changes.set_plan(summary)
    issues.set_plan(summary)
    qtmodeltester.check(changes, force_py=True)
    qtmodeltester.check(issues, force_py=True)
    apply_plan(store, plan, officer="Test Officer", accept_rejects=True)
    batches = ImportBatchModel()
    batches.set_batches(list_import_batches(store))
    qtmodeltester.check(batches, force_py=True)
    assert "1 indicators changed" in batches.index(0, 5).data()


def test_counts_read_plainly() -> None:
    assert counts_text('{"indicators_added": 2, "indicators_changed": 0, "rows_rejected": 1}') == (
        "2 indicators added, 1 rows refused"
    )
    assert counts_text("not json") == ""
