"""The targets tree: British formats, validation in place, edits announced, not made."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import Direction, Unit
from lpsa_desktop.domain.validation import validate_agreement
from lpsa_desktop.services.agreement_edits import FieldAddress, Part, with_field
from ui.item_models.cells import ADDRESS_ROLE, ERROR_TINT, WARNING_TINT, FieldEdit
from ui.item_models.target_columns import COLUMN_INDEX
from ui.item_models.target_tree_model import TargetTreeModel

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def model(demo: Agreement) -> TargetTreeModel:
    tree = TargetTreeModel()
    tree.set_agreement(demo)
    return tree


def cell(
    model: TargetTreeModel, target: str, indicator: str | None, column: str, role: int = DISPLAY
) -> object:
    return model.index_of(target, indicator, COLUMN_INDEX[column]).data(role)


def test_passes_the_model_tester(qtmodeltester: ModelTester, model: TargetTreeModel) -> None:
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_an_empty_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(TargetTreeModel(), force_py=True)


def test_targets_hold_their_indicators(model: TargetTreeModel, demo: Agreement) -> None:
    assert model.rowCount() == len(demo.targets)
    first = model.index(0, 0)
    assert model.rowCount(first) == 3
    assert [model.index(r, 0, first).data() for r in range(3)] == ["1a", "1b", "1c"]


def test_values_are_shown_the_british_way(model: TargetTreeModel) -> None:
    assert cell(model, "1", "1a", "with") == "73%"
    assert cell(model, "2", "2", "without") == "8.3%"
    assert cell(model, "2", "2", "stretch") == "0.7 pts"
    assert cell(model, "2", "2", "direction") == "↓ lower"
    assert cell(model, "4", "4a", "unit") == "rate per 1,000"  # the PDF's and the template's word
    assert cell(model, "3", "3a", "weight") == "60%"


def test_an_edit_is_announced_with_the_parsed_value_not_made(
    qtbot: QtBot, model: TargetTreeModel, demo: Agreement
) -> None:
    index = model.index_of("2", "2", COLUMN_INDEX["with"])
    with qtbot.waitSignal(model.edit_requested) as signal:
        assert model.setData(index, "7.4%")
    edit = signal.args[0]
    assert edit == FieldEdit(
        demo.ref, FieldAddress(Part.INDICATOR, "2", "with_"), Decimal("7.6"), Decimal("7.4")
    )
    assert cell(model, "2", "2", "with") == "7.6%"  # unchanged until the command's redo


def test_choices_and_shares_parse_to_domain_values(qtbot: QtBot, model: TargetTreeModel) -> None:
    with qtbot.waitSignal(model.edit_requested) as signal:
        model.setData(model.index_of("2", "2", COLUMN_INDEX["direction"]), "higher")
    assert signal.args[0].new is Direction.HIGHER
    with qtbot.waitSignal(model.edit_requested) as signal:
        model.setData(model.index_of("3", "3a", COLUMN_INDEX["weight"]), "55%")
    assert signal.args[0].new == Decimal("0.55")


def test_text_that_is_not_a_value_is_refused_with_a_reason(
    qtbot: QtBot, model: TargetTreeModel
) -> None:
    with (
        qtbot.waitSignal(model.edit_refused) as signal,
        qtbot.assertNotEmitted(model.edit_requested),
    ):
        assert not model.setData(model.index_of("2", "2", COLUMN_INDEX["with"]), "seven")
    assert "a number such as 1,234.5" in signal.args[0]


def test_typing_the_same_value_again_is_not_an_edit(qtbot: QtBot, model: TargetTreeModel) -> None:
    with qtbot.assertNotEmitted(model.edit_requested):
        assert not model.setData(model.index_of("2", "2", COLUMN_INDEX["with"]), "7.60")


def test_computed_and_ref_cells_are_not_editable(model: TargetTreeModel) -> None:
    for column in ("ref", "stretch"):
        index = model.index_of("2", "2", COLUMN_INDEX[column])
        assert not index.flags() & Qt.ItemFlag.ItemIsEditable
        assert index.data(ADDRESS_ROLE) is None
    assert not model.index_of("2", None, COLUMN_INDEX["unit"]).flags() & Qt.ItemFlag.ItemIsEditable


def test_reserve_is_a_check_box_on_targets(qtbot: QtBot, model: TargetTreeModel) -> None:
    index = model.index_of("R1", None, COLUMN_INDEX["reserve"])
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    with qtbot.waitSignal(model.edit_requested) as signal:
        model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert signal.args[0].new is False


def show(model: TargetTreeModel, agreement: Agreement) -> None:
    """As the window does: the values at once, then what validation found."""
    model.set_agreement(agreement)
    model.set_issues(validate_agreement(agreement))


def test_invalid_values_are_marked_in_place_with_the_reason(
    model: TargetTreeModel, demo: Agreement
) -> None:
    no_stretch = with_field(demo, FieldAddress(Part.INDICATOR, "2", "with_"), Decimal("8.5"))
    show(model, no_stretch)
    assert cell(model, "2", "2", "with", Qt.ItemDataRole.BackgroundRole) == ERROR_TINT
    assert "is not lower than" in str(cell(model, "2", "2", "with", Qt.ItemDataRole.ToolTipRole))
    assert cell(model, "2", "2", "without", Qt.ItemDataRole.BackgroundRole) is None
    bad_percent = with_field(demo, FieldAddress(Part.INDICATOR, "1a", "actual"), Decimal("140"))
    show(model, bad_percent)
    assert "not a percentage" in str(cell(model, "1", "1a", "actual", Qt.ItemDataRole.ToolTipRole))
    no_baseline = with_field(demo, FieldAddress(Part.INDICATOR, "1a", "baseline"), None)
    show(model, no_baseline)
    assert cell(model, "1", "1a", "baseline", Qt.ItemDataRole.BackgroundRole) == WARNING_TINT
    assert cell(model, "2", "2", "with", Qt.ItemDataRole.BackgroundRole) is None  # fixed: unmarked


def test_only_the_edited_row_is_repainted(
    qtbot: QtBot, model: TargetTreeModel, demo: Agreement
) -> None:
    edited = with_field(demo, FieldAddress(Part.INDICATOR, "4b", "with_"), Decimal("260"))
    with qtbot.waitSignal(model.dataChanged) as signal:
        model.set_agreement(edited)
    top_left, bottom_right = signal.args[0], signal.args[1]
    assert model.indicator_at(top_left).ref == "4b"
    assert (top_left.row(), bottom_right.row()) == (1, 1)


def test_new_marks_repaint_the_rows_they_are_on(
    qtbot: QtBot, model: TargetTreeModel, demo: Agreement
) -> None:
    model.set_issues(validate_agreement(demo))
    broken = with_field(demo, FieldAddress(Part.INDICATOR, "7", "with_"), Decimal("130"))
    model.set_agreement(broken)
    with qtbot.waitSignal(model.dataChanged) as signal:
        model.set_issues(validate_agreement(broken))
    assert model.indicator_at(signal.args[0]).ref == "7"


def test_a_new_value_repaints_without_a_reset(
    qtbot: QtBot, model: TargetTreeModel, demo: Agreement
) -> None:
    edited = with_field(demo, FieldAddress(Part.INDICATOR, "2", "with_"), Decimal("7.4"))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.set_agreement(edited)
    assert cell(model, "2", "2", "with") == "7.4%"


def test_a_new_indicator_resets_the_tree(
    qtbot: QtBot, model: TargetTreeModel, demo: Agreement
) -> None:
    target = demo.targets[1]
    extra = replace(target.indicators[0], ref="2b", unit=Unit.COUNT)
    grown = replace(
        demo,
        targets=(
            demo.targets[0],
            replace(target, indicators=(*target.indicators, extra)),
            *demo.targets[2:],
        ),
    )
    with qtbot.waitSignal(model.modelReset):
        model.set_agreement(grown)
    assert model.rowCount(model.index(1, 0)) == 2


def test_presentation_hides_reserve_targets(model: TargetTreeModel, demo: Agreement) -> None:
    model.set_show_internal(False)
    refs = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "R1" not in refs and len(refs) == len(demo.targets) - 1
    model.set_show_internal(True)
    assert model.rowCount() == len(demo.targets)
