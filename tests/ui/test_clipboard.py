"""Copy and paste of cells, as between Excel and the window: one paste is one undo step."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QTreeView

from tests.ui.conftest import OpenWindow
from ui.clipboard.cell_block import block_html, block_text, parse_block
from ui.clipboard.view_cells import visible_rows
from ui.item_models.target_columns import COLUMN_INDEX

OUTTURN = COLUMN_INDEX["actual"]


@pytest.fixture
def opened(open_window: Callable[..., OpenWindow]) -> OpenWindow:
    return open_window()


def indicator_rows(tree: QTreeView) -> list[QModelIndex]:
    return [r for r in visible_rows(tree) if r.parent().isValid()]


def select(tree: QTreeView, cells: list[QModelIndex]) -> None:
    tree.setFocus()
    selection = tree.selectionModel()
    tree.setCurrentIndex(cells[0])
    selection.clearSelection()
    for index in cells:
        selection.select(index, QItemSelectionModel.SelectionFlag.Select)


def outturns(opened: OpenWindow) -> dict[str, Decimal | None]:
    agreement = opened.controller.session.agreement
    assert agreement is not None
    return {i.ref: i.actual for t in agreement.targets for i in t.indicators}


def type_outturns(opened: OpenWindow, values: dict[str, str]) -> None:
    tree = opened.window.targets.tree
    for row in indicator_rows(tree):
        ref = row.data()
        if ref in values:
            assert tree.model().setData(row.siblingAtColumn(OUTTURN), values[ref])
    opened.wait_idle()


def test_spreadsheet_blocks_read_as_excel_and_libreoffice_write_them() -> None:
    assert parse_block("71\n72.5\n73\n") == [["71"], ["72.5"], ["73"]]  # Excel's last newline
    assert parse_block("a\tb\r\nc\td") == [["a", "b"], ["c", "d"]]
    assert parse_block('"two\nlines"\tx\n') == [["two\nlines", "x"]]
    block = [["7.6%", 'say "hi"'], ["£1,234.00", ""]]
    assert parse_block(block_text(block)) == block
    assert "<td>£1,234.00</td>" in block_html(block)


def test_copy_three_outturns_and_paste_them_two_rows_down_as_one_undo(opened: OpenWindow) -> None:
    type_outturns(opened, {"1a": "70", "1b": "71.5", "1c": "72"})
    tree = opened.window.targets.tree
    rows = indicator_rows(tree)
    select(tree, [r.siblingAtColumn(OUTTURN) for r in rows[:3]])
    opened.window.window_actions.copy.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == "70%\n71.5%\n72%\n"
    assert "<td>71.5%</td>" in mime.html()
    agreement = opened.controller.session.agreement
    assert agreement is not None
    stack = opened.controller.stack_for(agreement.ref)
    before = stack.count()
    select(tree, [rows[2].siblingAtColumn(OUTTURN)])  # two rows down: 1c, then 2 and 3a
    opened.window.window_actions.paste.trigger()
    opened.wait_idle()
    now = outturns(opened)
    assert (now["1c"], now["2"], now["3a"]) == (Decimal("70"), Decimal("71.5"), Decimal("72"))
    assert stack.count() == before + 1 and stack.undoText() == "paste 3 cells"
    stack.undo()
    opened.wait_idle()
    now = outturns(opened)
    assert (now["1c"], now["2"], now["3a"]) == (Decimal("72"), None, None)
    assert opened.faults.errors == []


def test_a_block_with_a_bad_cell_names_it_and_pastes_nothing(
    opened: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusals: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: refusals.append(box.text()), raising=False)
    tree = opened.window.targets.tree
    rows = indicator_rows(tree)
    QGuiApplication.clipboard().setText("80\nabc\n81\n")
    select(tree, [rows[0].siblingAtColumn(OUTTURN)])
    opened.window.window_actions.paste.trigger()
    opened.wait_idle()
    assert len(refusals) == 1
    assert "Nothing pasted" in refusals[0] and "Outturn of 1b" in refusals[0]
    assert set(outturns(opened).values()) == {None}  # 1a was not changed either


def test_a_block_past_the_last_row_is_refused(
    opened: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusals: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: refusals.append(box.text()), raising=False)
    tree = opened.window.targets.tree
    last = indicator_rows(tree)[-1]
    QGuiApplication.clipboard().setText("1\n2\n")
    select(tree, [last.siblingAtColumn(OUTTURN)])
    opened.window.window_actions.paste.trigger()
    assert refusals and "past the end of the table" in refusals[0]
    assert set(outturns(opened).values()) == {None}


def test_freedom_statuses_paste_as_shown_and_one_value_fills_a_selection(
    opened: OpenWindow,
) -> None:
    opened.window.window_actions.show_freedoms.trigger()
    table = opened.window.freedoms.table
    model = table.model()
    column = next(i for i, c in enumerate(model.columns) if c.field == "negotiation")
    QGuiApplication.clipboard().setText("Parked\n")
    select(table, [model.index(0, column), model.index(1, column)])  # type: ignore[arg-type]
    opened.window.window_actions.paste.trigger()
    opened.wait_idle()
    agreement = opened.controller.session.agreement
    assert agreement is not None
    assert [f.negotiation.value for f in agreement.freedoms[:2]] == ["parked", "parked"]
    assert opened.faults.errors == []


def test_copy_in_a_text_box_copies_its_text_not_the_cells(opened: OpenWindow) -> None:
    box = opened.window.navigator.filter_edit
    box.setFocus()
    box.setText("somerset")
    box.selectAll()
    opened.window.window_actions.copy.trigger()
    assert QGuiApplication.clipboard().text() == "somerset"


def test_an_outturn_of_150_percent_is_kept_but_said_at_once(opened: OpenWindow) -> None:
    tree = opened.window.targets.tree
    row = indicator_rows(tree)[0]
    assert tree.model().setData(row.siblingAtColumn(OUTTURN), "150")
    message = opened.window.statusBar().currentMessage()
    assert "150 is not a percentage between 0 and 100" in message and "kept" in message
    QGuiApplication.clipboard().setText("120\n")
    select(tree, [indicator_rows(tree)[1].siblingAtColumn(OUTTURN)])
    opened.window.window_actions.paste.trigger()
    assert "120 is not a percentage" in opened.window.statusBar().currentMessage()
    opened.wait_idle()
