"""The real main window over a real store: editing, the reward, undo, presentation, safety."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from lpsa_desktop.services.agreement_edits import FieldAddress, Part, read_field
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.storage.store import Store
from tests.ui.conftest import OpenWindow
from ui import store_work
from ui.app_settings import AppSettings
from ui.item_models.target_columns import COLUMN_INDEX

DEMO = "bath-ne-somerset-lpsa1"
WITH_2 = FieldAddress(Part.INDICATOR, "2", "with_")


def stored_value(store_path: Path, address: FieldAddress) -> object:
    store = Store.open(str(store_path))
    try:
        return read_field(load_agreement(store, DEMO), address)
    finally:
        store.close()


def type_into_cell(
    qtbot: QtBot,
    opened: OpenWindow,
    target: str,
    indicator: str,
    column: str,
    text: str,
    *,
    enter: bool = True,
) -> QLineEdit:
    tree = opened.window.targets.tree
    opened.window.tabs.setCurrentWidget(opened.window.targets)
    opened.window.targets.select(target, indicator, column)
    tree.edit(tree.currentIndex())
    # Editors closed earlier are hidden at once but deleted later: take the open one.
    open_editors = [
        e for e in tree.viewport().findChildren(QLineEdit, "cellEditor") if e.isVisible()
    ]
    assert len(open_editors) == 1
    editor = open_editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    if enter:
        press_return(qtbot, editor)
    return editor


def press_return(qtbot: QtBot, editor: QLineEdit) -> None:
    """Enter commits through a queued call: wait for the editor to close."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible())


def reward_cell(opened: OpenWindow, target_row: int, row: int, column: int) -> str:
    model = opened.window.reward.model
    return str(model.index(row, column, model.index(target_row, 0)).data())


def test_the_demo_opens_with_its_reward(open_window: Callable[..., OpenWindow]) -> None:
    opened = open_window()
    w = opened.window
    assert "Bath and North East Somerset" in w.heading.text()
    assert w.agreement_list_model.rowCount() == 1
    assert "£3,577,950.00" in w.reward.summary.text()
    assert w.target_model.rowCount() == 13
    assert w.saved_label.text() == "All changes saved"
    assert opened.faults.errors == []


def test_changing_a_stretch_moves_the_reward_and_undo_brings_it_back(
    qtbot: QtBot, open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    opened = open_window()
    w = opened.window
    type_into_cell(qtbot, opened, "2", "2", "actual", "7.8")  # an outturn, so something is earned
    assert reward_cell(opened, 1, 0, 5) == "£212,973.21"  # 5/7 of the stretch closed
    type_into_cell(qtbot, opened, "2", "2", "with", "7.4")
    assert reward_cell(opened, 1, 0, 5) == "£0.00"  # 5/9 of a longer stretch: under 60%
    assert reward_cell(opened, 1, 0, 6) == "7.76%"  # what it now needs for 60%
    opened.wait_idle()
    assert stored_value(store_path, WITH_2) == Decimal("7.4")
    assert w.window_actions.undo.text() == "&Undo edit indicator 2 / With LPSA: 7.6% → 7.4%"
    w.window_actions.undo.trigger()
    assert reward_cell(opened, 1, 0, 5) == "£212,973.21"
    opened.wait_idle()
    assert stored_value(store_path, WITH_2) == Decimal("7.6")
    assert w.window_actions.redo.text().startswith("&Redo edit indicator 2 / With LPSA")
    assert opened.faults.errors == []


def test_the_reward_moves_while_a_value_is_still_being_typed(
    qtbot: QtBot, open_window: Callable[..., OpenWindow]
) -> None:
    opened = open_window()
    editor = type_into_cell(qtbot, opened, "2", "2", "actual", "7.6", enter=False)
    assert "Earned <b>£298,162.50</b>" in opened.window.reward.summary.text()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # cancelled: back to the stored figures
    assert "Earned <b>£0.00</b>" in opened.window.reward.summary.text()


def test_text_that_is_not_a_number_is_refused_and_not_saved(
    qtbot: QtBot, open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    opened = open_window()
    editor = type_into_cell(qtbot, opened, "2", "2", "with", "seven", enter=False)
    assert "a number such as 1,234.5" in editor.toolTip()
    press_return(qtbot, editor)
    assert "Not changed" in opened.window.statusBar().currentMessage()
    opened.wait_idle()
    assert stored_value(store_path, WITH_2) == Decimal("7.6")
    assert opened.controller.stack_for(DEMO).count() == 0


def test_presentation_mode_hides_internal_things_and_says_it_is_on(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    w = opened.window
    normal_size = QApplication.font().pointSizeF()
    w.window_actions.presentation_mode.trigger()
    refs = [w.target_model.index(r, 0).data() for r in range(w.target_model.rowCount())]
    assert "R1" not in refs
    assert not w.tabs.isTabVisible(4)  # the audit trail
    assert w.overview.fields["internal_notes"].isHidden()
    assert not w.overview.fields["notes"].isHidden()  # printed notes are for everyone
    assert w.targets.details.widgets["target:internal_notes"].isHidden()
    assert w.freedoms.details.findChild(QLineEdit, "detail_internal_notes").isHidden()
    assert w.banner.isVisible() and w.presentation_label.isVisible()
    assert QApplication.font().pointSizeF() > normal_size * 1.2
    assert all(
        "R1" not in w.overview.checks.item(i).text() for i in range(w.overview.checks.count())
    )
    w.banner.leave_button.click()
    assert not w.window_actions.presentation_mode.isChecked()
    assert w.target_model.rowCount() == 13 and w.tabs.isTabVisible(4)
    assert not w.overview.fields["internal_notes"].isHidden()
    assert QApplication.font().pointSizeF() == normal_size
    assert not w.banner.isVisible()


def test_every_menu_action_has_its_own_shortcut(open_window: Callable[..., OpenWindow]) -> None:
    window = open_window(add_demo=False).window
    seen: dict[str, str] = {}
    for action in window.window_actions.all():
        keys = [k.toString() for k in action.shortcuts()]
        assert keys and all(keys), f"{action.text()} has no shortcut"
        for key in keys:
            assert key not in seen, f"{key} is both {seen[key]} and {action.text()}"
            seen[key] = action.text()
    assert seen["Ctrl+Z"].startswith("&Undo") and seen["Ctrl+Shift+Z"].startswith("&Redo")
    assert QKeySequence("F5").toString() in seen


def test_ctrl_f_filters_the_agreements(
    qtbot: QtBot, open_window: Callable[..., OpenWindow]
) -> None:
    w = open_window().window
    w.window_actions.find_agreement.trigger()
    assert (
        w.navigator.filter_edit.hasFocus() or QApplication.focusWidget() is w.navigator.filter_edit
    )
    qtbot.keyClicks(w.navigator.filter_edit, "york")
    assert w.navigator.proxy.rowCount() == 0
    w.navigator.filter_edit.clear()
    qtbot.keyClicks(w.navigator.filter_edit, "somerset")
    assert w.navigator.proxy.rowCount() == 1


def test_adding_a_target_selects_it_and_undo_removes_it(
    qtbot: QtBot, open_window: Callable[..., OpenWindow]
) -> None:
    opened = open_window()
    w = opened.window
    w.tabs.setCurrentWidget(w.targets)
    w.targets.select("12")
    w.window_actions.add_target.trigger()
    qtbot.waitUntil(
        lambda: w.targets.current_target() is not None and w.targets.current_target().ref == "13"
    )
    refs = [w.target_model.index(r, 0).data() for r in range(w.target_model.rowCount())]
    assert refs[-2:] == ["13", "R1"]  # after 12, before the reserve
    opened.wait_idle()
    w.window_actions.undo.trigger()
    opened.wait_idle()
    assert w.target_model.rowCount() == 13


def test_a_second_window_on_the_same_store_sees_the_first_ones_edits(
    qtbot: QtBot, open_window: Callable[..., OpenWindow]
) -> None:
    first, second = open_window(), open_window()
    type_into_cell(qtbot, first, "2", "2", "with", "7.5")
    first.wait_idle()
    second.controller.session.check_for_outside_changes()
    qtbot.waitUntil(
        lambda: read_field(second.controller.session.agreement, WITH_2) == Decimal("7.5")
    )
    assert first.faults.errors == [] and second.faults.errors == []


def test_a_partner_changed_in_another_window_is_not_overwritten(
    qtbot: QtBot, open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    first, second = open_window(), open_window()
    name_cell = first.window.partner_model.index(0, 0)
    second.window.partner_model.setData(second.window.partner_model.index(0, 0), "Bath LSP")
    second.wait_idle()
    first.window.partner_model.setData(name_cell, "B and NES LSP")  # first still shows the old name
    problems = first.controller.edit_problems
    qtbot.waitUntil(lambda: bool(problems.dialogs))
    box = problems.dialogs[0]
    assert box.objectName() == "conflictDialog" and "changed elsewhere" in box.text()
    assert stored_value(store_path, FieldAddress(Part.PARTNER, 0, "name")) == "Bath LSP"
    take = box.findChild(QPushButton, "takeTheirs")
    assert take is not None
    take.click()
    first.wait_idle()
    assert first.window.partner_model.index(0, 0).data() == "Bath LSP"  # reloaded from the store
    assert first.controller.stack_for(DEMO).count() == 0


def test_an_unexpected_fault_keeps_the_edit_pending_and_the_store_unchanged(
    open_window: Callable[..., OpenWindow], store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = open_window()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(store_work, "set_field", broken)
    opened.window.target_model.setData(
        opened.window.target_model.index_of("2", "2", COLUMN_INDEX["with"]), "7.1"
    )
    problems = opened.controller.edit_problems
    opened.qtbot.waitUntil(lambda: bool(problems.dialogs))
    box = problems.dialogs[0]
    assert box.objectName() == "unsavedEditDialog" and "the disk is full" in box.informativeText()
    assert stored_value(store_path, WITH_2) == Decimal("7.6")
    undo = box.findChild(QPushButton, "undoEdit")
    assert undo is not None
    undo.click()
    opened.wait_idle()
    assert read_field(opened.controller.session.agreement, WITH_2) == Decimal("7.6")


def test_the_layout_and_the_agreement_on_screen_are_remembered(
    open_window: Callable[..., OpenWindow], settings: AppSettings, store_path: Path
) -> None:
    opened = open_window()
    opened.window.tabs.setCurrentIndex(2)
    opened.window.close()
    assert settings.window_geometry is not None and settings.window_state is not None
    assert settings.current_tab == 2
    assert settings.last_agreement(str(store_path)) == DEMO
    assert settings.recent_stores == [str(store_path)]
    again = open_window(add_demo=False)
    again.qtbot.waitUntil(lambda: again.controller.session.agreement is not None)
    assert again.window.tabs.currentIndex() == 2


def test_bold_target_rows_follow_the_presentation_font(
    open_window: Callable[..., OpenWindow],
) -> None:
    w = open_window().window
    w.window_actions.presentation_mode.trigger()
    font = w.target_model.index(0, 1).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert font.pointSizeF() == QApplication.font().pointSizeF()
    w.window_actions.presentation_mode.trigger()


def test_preferences_set_the_officer_in_the_store_and_the_presentation_size(
    open_window: Callable[..., OpenWindow], settings: AppSettings
) -> None:
    opened = open_window()
    files = opened.controller.files
    files.preferences()
    dialog = files.dialog
    dialog.officer.setText("Sam Okafor")
    dialog.scale.setValue(2.0)
    dialog.accept()
    opened.wait_idle()
    assert opened.controller.session.officer == "Sam Okafor"
    assert settings.presentation_scale == 2.0
    normal = QApplication.font().pointSizeF()
    opened.window.window_actions.presentation_mode.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(normal * 2.0)
    opened.window.window_actions.presentation_mode.trigger()
    type_into_cell(opened.qtbot, opened, "2", "2", "with", "7.5")
    opened.wait_idle()
    assert opened.window.audit.model.index(0, 1).data() == "Sam Okafor"


def test_opening_another_store_shows_it_with_its_own_undo_history(
    open_window: Callable[..., OpenWindow], tmp_path: Path
) -> None:
    opened = open_window()
    controller = opened.controller
    type_into_cell(opened.qtbot, opened, "2", "2", "with", "7.5")
    opened.wait_idle()
    assert controller.stack_for(DEMO).count() == 1
    controller.open_store(str(tmp_path / "empty.sqlite"))
    opened.qtbot.waitUntil(lambda: controller.session.agreement is None)
    opened.wait_idle()
    assert opened.window.agreement_list_model.rowCount() == 0
    assert controller.stack_for(DEMO).count() == 0
    assert "No agreement" in opened.window.heading.text()
