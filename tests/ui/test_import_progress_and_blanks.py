"""The import dialog: a determinate progress bar fed from the reading child, and blank cells
left as stored unless "Blank cells clear" is ticked."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from tests.ui.conftest import WAIT_MS, OpenWindow
from tests.ui.documents import write_return
from tests.ui.test_import_dialogs import ACTUAL_2, OUTTURN, stored
from ui.dialogs.import_dialog import ImportDialog


@pytest.fixture
def opened(open_window: Callable[..., OpenWindow]) -> OpenWindow:
    return open_window()


def started(opened: OpenWindow, path: Path) -> ImportDialog:
    opened.controller.files.import_return(path)
    dialog = opened.controller.files.dialog
    assert isinstance(dialog, ImportDialog)
    return dialog


def shown(opened: OpenWindow, dialog: ImportDialog) -> None:
    opened.qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT_MS)


def test_the_progress_bar_is_determinate_while_reading(
    opened: OpenWindow, store_path: Path, tmp_path: Path
) -> None:
    path = write_return(store_path, tmp_path / "return.xlsx", {("2", OUTTURN): 7.8})
    dialog = started(opened, path)
    seen: list[tuple[int, int]] = []
    dialog.progress.valueChanged.connect(lambda v: seen.append((dialog.progress.maximum(), v)))
    shown(opened, dialog)
    assert (1000, 1000) in seen  # all the sheet's rows read, then planned
    assert not dialog.progress.isVisible()
    dialog.reject()


def test_blank_cells_are_left_as_stored_unless_the_box_is_ticked(
    opened: OpenWindow, store_path: Path, tmp_path: Path
) -> None:
    first = write_return(store_path, tmp_path / "first.xlsx", {("2", OUTTURN): 7.8})
    dialog = started(opened, first)
    shown(opened, dialog)
    dialog.apply_button.click()
    opened.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    opened.wait_idle()
    older = tmp_path / "older.xlsx"  # last month's return: no outturn for indicator 2
    write_return(store_path, older, {("2", OUTTURN): None})
    dialog = started(opened, older)
    shown(opened, dialog)
    assert "blank cell(s) left as stored (target 2 / indicator 2 / Outturn)" in dialog.status.text()
    assert not dialog.apply_button.isEnabled()  # nothing would change
    dialog.clear_blanks.setChecked(True)
    opened.qtbot.waitUntil(
        lambda: dialog.plan is not None and dialog.plan.has_changes, timeout=WAIT_MS
    )
    assert dialog.changes_model.rowCount() == 1
    assert [dialog.changes_model.index(0, c).data() for c in range(2, 5)] == ["Outturn", "7.8%", ""]
    dialog.apply_button.click()
    opened.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    opened.wait_idle()
    assert stored(store_path, ACTUAL_2) is None
    opened.window.window_actions.undo.trigger()
    opened.wait_idle()
    assert stored(store_path, ACTUAL_2) == Decimal("7.8")
    opened.window.window_actions.redo.trigger()  # redo reads again, clearing blanks as applied
    opened.wait_idle()
    assert stored(store_path, ACTUAL_2) is None
    assert opened.faults.errors == []
