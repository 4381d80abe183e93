"""The window's cell editors read numbers by the core's one rule: a poison value typed into
a cell is refused with the reason, and no edit is sent to the store."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.reward import compute_reward
from lpsa_desktop.domain.validation import validate_agreement
from ui.item_models.cells import ERROR_TINT
from ui.item_models.target_columns import COLUMN_INDEX
from ui.item_models.target_tree_model import TargetTreeModel

POISON = {
    "1e999": "exponent",
    "1e999999": "exponent",
    "9" * 100_000: "40 characters",
    "١٢": "digits 0-9",
    "१२": "digits 0-9",
    "１２": "digits 0-9",
    "12,5": "ambiguous",
    "2000000000000": "1,000,000,000,000",
}


@pytest.mark.parametrize("column", ["actual", "with", "baseline"])
@pytest.mark.parametrize("typed", sorted(POISON), ids=range(len(POISON)))
def test_a_poison_value_typed_into_a_cell_is_refused(
    qtbot: QtBot, demo: Agreement, column: str, typed: str
) -> None:
    model = TargetTreeModel()
    model.set_agreement(demo)
    index = model.index_of("1", "1a", COLUMN_INDEX[column])
    with (
        qtbot.waitSignal(model.edit_refused) as signal,
        qtbot.assertNotEmitted(model.edit_requested),
    ):
        assert not model.setData(index, typed)
    assert POISON[typed] in signal.args[0]
    assert len(signal.args[0]) < 300


def test_money_and_whole_numbers_follow_their_own_bounds(qtbot: QtBot, demo: Agreement) -> None:
    model = TargetTreeModel()
    model.set_agreement(demo)
    index = model.index_of("1", None, COLUMN_INDEX["pump_priming"])
    with qtbot.waitSignal(model.edit_refused) as signal:
        assert not model.setData(index, "£1.505")
    assert "at most 2 decimal places" in signal.args[0]
    with qtbot.waitSignal(model.edit_requested) as edit:
        assert model.setData(index, "£1,234.50")
    assert str(edit.args[0].new) == "1234.50"


def test_a_stored_value_past_the_rule_is_shown_flagged_and_the_reward_still_computes(
    qtbot: QtBot, demo: Agreement
) -> None:
    indicator = replace(demo.targets[0].indicators[0], actual=Decimal("1E+999999"))
    target = replace(demo.targets[0], indicators=(indicator, *demo.targets[0].indicators[1:]))
    poisoned = replace(demo, targets=(target, *demo.targets[1:]))
    model = TargetTreeModel()
    model.set_agreement(poisoned)
    model.set_issues(validate_agreement(poisoned))
    index = model.index_of("1", "1a", COLUMN_INDEX["actual"])
    assert index.data() == "1E+999999%"
    assert index.data(Qt.ItemDataRole.BackgroundRole) == ERROR_TINT
    assert any(i.code == "number_range" for i in validate_agreement(poisoned))
    assert compute_reward(poisoned).total_earned >= 0
