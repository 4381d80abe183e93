"""Two windows on one store file: a stale edit is a conflict (both values, who and when,
Keep mine or Take theirs), a store fault keeps the edit pending, and a window sees another
writer's commit by itself."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from lpsa_desktop.domain.enums import NegotiationStatus
from lpsa_desktop.errors import StoreError
from lpsa_desktop.services.agreement_edits import FieldAddress, Part, read_field
from tests.ui.conftest import OpenWindow
from tests.ui.test_main_window import DEMO, WITH_2, stored_value, type_into_cell
from ui import session as session_module
from ui import store_work
from ui.item_models.target_columns import COLUMN_INDEX

STATUS_3 = FieldAddress(Part.TARGET, "3", "negotiation")


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows that do not look for outside changes by themselves, so that one keeps
    showing the old value as long as the test needs (live refresh has its own test)."""
    monkeypatch.setattr(session_module, "OUTSIDE_CHANGE_POLL_MS", 3_600_000)


def set_with(opened: OpenWindow, text: str) -> None:
    model = opened.window.target_model
    model.setData(model.index_of("2", "2", COLUMN_INDEX["with"]), text)


def shown_with(opened: OpenWindow) -> str:
    model = opened.window.target_model
    return str(model.index_of("2", "2", COLUMN_INDEX["with"]).data())


def dialog(opened: OpenWindow, name: str) -> QMessageBox:
    problems = opened.controller.edit_problems
    opened.qtbot.waitUntil(lambda: any(d.objectName() == name for d in problems.dialogs))
    return next(d for d in problems.dialogs if d.objectName() == name)


def answer(opened: OpenWindow, box: QMessageBox, button: str) -> None:
    found = box.findChild(QPushButton, button)
    assert found is not None, f"no {button} in {box.objectName()}"
    found.click()
    opened.wait_idle()


def test_a_stale_edit_is_a_conflict_showing_both_values_and_who(
    qtbot: QtBot, quiet: None, open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    a, b = open_window(), open_window()
    set_with(b, "7.5")  # B sets 7.5
    b.wait_idle()
    theirs_shown = shown_with(b)
    set_with(a, "7.4")  # A, still showing 7.6, sets 7.4
    box = dialog(a, "conflictDialog")
    words = box.informativeText()
    assert "changed elsewhere" in box.text()
    assert f"In the store now: {theirs_shown}" in words  # as the window shows the value
    assert "You saw: 7.6" in words and "Yours: 7.4" in words
    assert "Changed by Test Officer on " in words and "(edit indicator 2 / With LPSA)" in words
    assert shown_with(a).startswith("7.4")  # the edit is still pending on screen
    assert stored_value(store_path, WITH_2) == Decimal("7.5")  # B's value was not overwritten
    answer(a, box, "keepMine")
    assert stored_value(store_path, WITH_2) == Decimal("7.4")
    # The step now goes back to B's value, not to the 7.6 A first saw.
    assert a.window.window_actions.undo.text() == "&Undo edit indicator 2 / With LPSA: 7.5% → 7.4%"
    a.window.window_actions.undo.trigger()
    a.wait_idle()
    assert stored_value(store_path, WITH_2) == Decimal("7.5")
    assert a.faults.errors == [] and b.faults.errors == []


def test_take_theirs_shows_the_stored_value_and_drops_only_that_step(
    qtbot: QtBot, quiet: None, open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    a, b = open_window(), open_window()
    type_into_cell(qtbot, a, "5", "5", "title", "Vehicle crime")  # an earlier step
    a.wait_idle()
    set_with(b, "7.5")
    b.wait_idle()
    set_with(a, "7.4")
    answer(a, dialog(a, "conflictDialog"), "takeTheirs")
    assert stored_value(store_path, WITH_2) == Decimal("7.5")
    assert read_field(a.controller.session.agreement, WITH_2) == Decimal("7.5")
    stack = a.controller.stack_for(DEMO)
    assert stack.count() == 1 and stack.undoText().startswith("edit indicator 5 / Indicator")


def test_a_status_set_with_lpsa_status_then_marked_in_the_window_is_a_conflict(
    qtbot: QtBot, quiet: None, open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    a = open_window()
    env = {**os.environ, "LPSA_OFFICER": "Raj Patel"}
    cli = [sys.executable, "-m", "lpsa_desktop.cli.main", "--db", str(store_path)]
    done = subprocess.run(
        [*cli, "status", DEMO, "target:3", "dropped"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    model = a.window.target_model
    model.setData(model.index_of("3", None, COLUMN_INDEX["negotiation"]), "agreed")
    box = dialog(a, "conflictDialog")
    assert "In the store now: Dropped" in box.informativeText()
    assert "Changed by Raj Patel" in box.informativeText()
    assert "(mark target 3 dropped)" in box.informativeText()
    answer(a, box, "takeTheirs")
    assert stored_value(store_path, STATUS_3) is NegotiationStatus.DROPPED
    assert read_field(a.controller.session.agreement, STATUS_3) is NegotiationStatus.DROPPED


def test_undo_of_a_value_changed_elsewhere_since_is_a_conflict(
    qtbot: QtBot, quiet: None, open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    a, b = open_window(), open_window()
    set_with(a, "7.4")  # A: 7.6 → 7.4
    a.wait_idle()
    b.controller.session.reload()
    b.wait_idle()
    set_with(b, "7.0")  # B: 7.4 → 7.0
    b.wait_idle()
    a.controller.session.reload()  # A now shows 7.0, and presses Ctrl+Z
    a.wait_idle()
    a.window.window_actions.undo.trigger()
    box = dialog(a, "conflictDialog")
    assert "You saw: 7.4" in box.informativeText()
    assert stored_value(store_path, WITH_2) == Decimal("7.0")  # B's edit is kept
    answer(a, box, "takeTheirs")
    assert stored_value(store_path, WITH_2) == Decimal("7.0")
    assert read_field(a.controller.session.agreement, WITH_2) == Decimal("7.0")
    stack = a.controller.stack_for(DEMO)
    assert stack.count() == 0  # the step whose undo conflicted is gone, nothing else was there
    assert not a.window.window_actions.redo.isEnabled()


def test_removing_a_target_changed_in_another_window_is_a_conflict(
    qtbot: QtBot, quiet: None, open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    a, b = open_window(), open_window()
    set_with(b, "7.5")
    b.wait_idle()
    a.window.tabs.setCurrentWidget(a.window.targets)
    a.window.targets.select("2", None, "title")
    a.window.window_actions.remove_selected.trigger()
    box = dialog(a, "conflictDialog")
    assert "Target 2 was changed elsewhere" in box.text()
    answer(a, box, "takeTheirs")
    assert a.window.target_model.index_of("2").isValid()
    assert stored_value(store_path, WITH_2) == Decimal("7.5")


def test_a_store_fault_keeps_the_edit_pending_and_the_undo_history(
    qtbot: QtBot,
    quiet: None,
    open_window: Callable[..., OpenWindow],
    store_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a = open_window()
    type_into_cell(qtbot, a, "5", "5", "title", "Vehicle crime")  # an earlier step
    a.wait_idle()
    real = store_work.set_field

    def busy(*_args: object, **_kwargs: object) -> None:
        raise StoreError("the store is busy: another program is writing to it")

    monkeypatch.setattr(store_work, "set_field", busy)
    set_with(a, "7.1")
    box = dialog(a, "unsavedEditDialog")
    assert "the store is busy" in box.informativeText()
    assert shown_with(a).startswith("7.1")  # still on screen, pending
    assert a.window.saved_label.text() == "Not saved: see the question"
    assert a.controller.stack_for(DEMO).count() == 2  # and in the history
    assert stored_value(store_path, WITH_2) == Decimal("7.6")
    monkeypatch.setattr(store_work, "set_field", real)
    answer(a, box, "retryEdit")
    assert stored_value(store_path, WITH_2) == Decimal("7.1")
    assert a.window.saved_label.text() == "All changes saved"
    assert a.controller.stack_for(DEMO).count() == 2
    assert a.faults.errors == []


def test_undo_it_after_a_store_fault_drops_only_that_edit(
    qtbot: QtBot,
    quiet: None,
    open_window: Callable[..., OpenWindow],
    store_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a = open_window()
    type_into_cell(qtbot, a, "5", "5", "title", "Vehicle crime")
    a.wait_idle()

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_work, "set_field", full)
    set_with(a, "7.1")
    box = dialog(a, "unsavedEditDialog")
    assert "No space left on device" in box.informativeText()
    answer(a, box, "undoEdit")
    assert read_field(a.controller.session.agreement, WITH_2) == Decimal("7.6")
    stack = a.controller.stack_for(DEMO)
    assert stack.count() == 1 and stack.undoText().startswith("edit indicator 5 / Indicator")


def test_a_window_sees_another_writers_commit_keeping_selection_and_the_open_editor(
    qtbot: QtBot, open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    a, b = open_window(), open_window()
    tree = a.window.targets.tree
    editor: QLineEdit = type_into_cell(
        qtbot, a, "5", "5", "title", "Half typed", enter=False
    )  # A is typing in another cell
    current = tree.currentIndex()
    scroll = tree.verticalScrollBar().value()
    set_with(b, "7.5")  # B commits
    b.wait_idle()
    qtbot.waitUntil(
        lambda: read_field(a.controller.session.agreement, WITH_2) == Decimal("7.5"),
        timeout=4000,  # the issue asks for about 2 s; the poll is every second
    )
    assert shown_with(a).startswith("7.5")
    message = a.window.statusBar().currentMessage()
    assert (
        "Changed elsewhere by Test Officer: target 2 / indicator 2 / With LPSA 7.6 → 7.5" in message
    )
    assert editor.isVisible() and editor.text() == "Half typed"
    assert tree.currentIndex() == current and tree.verticalScrollBar().value() == scroll
    assert a.faults.errors == [] and b.faults.errors == []


def test_a_target_added_elsewhere_keeps_the_current_item_and_the_scroll_position(
    qtbot: QtBot, open_window: Callable[..., OpenWindow]
) -> None:
    a, b = open_window(), open_window()
    a.window.resize(900, 500)
    a.window.tabs.setCurrentWidget(a.window.targets)
    tree = a.window.targets.tree
    a.window.targets.select("9", None, "title")
    tree.verticalScrollBar().setValue(tree.verticalScrollBar().maximum())
    scroll = tree.verticalScrollBar().value()
    assert scroll > 0
    b.window.window_actions.add_target.trigger()  # B adds target 13
    b.wait_idle()
    qtbot.waitUntil(lambda: a.window.target_model.index_of("13").isValid(), timeout=4000)
    current = a.window.targets.current_target()
    assert current is not None and current.ref == "9"
    assert tree.verticalScrollBar().value() == scroll
    message = a.window.statusBar().currentMessage()
    assert message.startswith("Changed elsewhere by Test Officer: add target 13 (")
