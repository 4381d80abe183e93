"""The whole text of the chosen item in its details pane, and a targets tree that keeps most
of a 1366 x 768 screen (the details fold away; how the pane is divided is remembered)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from tests.ui.conftest import OpenWindow
from ui.commands.edit_field_command import EditFieldCommand
from ui.item_models.cells import FieldEdit

LONG = " ".join(f"word{n:03d}" for n in range(80))[:599] + "."  # 600 characters


def edit(opened: OpenWindow, part: Part, key: str, field: str, value: str) -> None:
    session = opened.controller.session
    agreement = session.agreement
    assert agreement is not None
    if part is Part.TARGET:
        item = agreement.target(key)
    else:
        item = next(f for f in agreement.freedoms if f.ref == key)
    old = getattr(item, field)
    address = FieldAddress(part, key, field)
    command = EditFieldCommand(session, FieldEdit(agreement.ref, address, old, value))
    opened.controller.stack_for(agreement.ref).push(command)
    opened.wait_idle()


def test_the_details_pane_shows_a_600_character_title_whole(
    open_window: Callable[..., OpenWindow],
) -> None:
    assert len(LONG) == 600
    opened = open_window()
    edit(opened, Part.TARGET, "1", "title", LONG)
    targets = opened.window.targets
    opened.window.tabs.setCurrentWidget(targets)
    targets.details_toggle.setChecked(True)
    targets.select("1")
    text = targets.details.full_text.toPlainText()
    assert LONG in text  # whole: wrapped and scrolled, never elided
    targets.select("1", "1a")  # an indicator: its description and definition, and its target's
    shown = targets.details.full_text.toPlainText()
    indicator = targets.current_indicator()
    assert indicator is not None
    assert indicator.description in shown and indicator.definition in shown and LONG in shown


def test_the_freedom_details_show_the_whole_request(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    agreement = opened.controller.session.agreement
    assert agreement is not None
    ref = agreement.freedoms[1].ref
    edit(opened, Part.FREEDOM, ref, "description", LONG)
    freedoms = opened.window.freedoms
    opened.window.tabs.setCurrentWidget(freedoms)
    freedoms.table.selectRow(1)
    assert LONG in freedoms.full_text.toPlainText()
    assert not freedoms.details_toggle.isChecked()  # folded on a short screen: the table first
    assert freedoms.splitter is not None and freedoms.splitter.sizes()[1] == 0
    freedoms.details_toggle.setChecked(True)
    assert freedoms.splitter.sizes()[1] > 0


def test_at_1366_by_768_the_targets_tree_keeps_most_of_the_screen(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    window, targets = opened.window, opened.window.targets
    window.resize(1366, 768)
    window.tabs.setCurrentWidget(targets)
    opened.qtbot.wait(150)  # the relayout of wrapped rows after a resize is coalesced
    QApplication.processEvents()
    tree = targets.tree
    viewport = tree.viewport().height()
    # The details start folded on a short screen; the Details button brings them back.
    assert not targets.details_toggle.isChecked()
    assert viewport >= 20 * tree.fontMetrics().lineSpacing()
    whole = 0
    index = tree.indexAt(tree.viewport().rect().topLeft())
    while index.isValid() and tree.visualRect(index).bottom() <= viewport:
        whole += 1
        index = tree.indexBelow(index)
    assert whole >= 12, f"only {whole} rows of the demo in {viewport} px"


def test_the_details_fold_away_and_the_division_is_remembered(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    targets = opened.window.targets
    opened.window.tabs.setCurrentWidget(targets)
    folded = targets.tree.viewport().height()
    targets.details_toggle.setChecked(True)
    QApplication.processEvents()
    assert targets.splitter.sizes()[1] > 0
    assert targets.tree.viewport().height() < folded
    targets.details_toggle.setChecked(False)
    assert targets.splitter.sizes()[1] == 0
    targets.splitter.setSizes([300, 150])  # as a drag of the handle leaves it
    targets.splitter.splitterMoved.emit(300, 1)
    assert targets.details_toggle.isChecked()
    opened.window.close()
    again = open_window()
    assert again.window.targets.splitter.sizes()[1] > 0
    assert again.window.targets.details_toggle.isChecked()
