"""The reward panel: it moves with the agreement, with what-ifs and with values being typed."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.reward import compute_reward
from lpsa_desktop.services.agreement_edits import FieldAddress, Part, with_field
from ui.item_models.reward_tree_model import OUTTURN_COLUMN, RewardTreeModel
from ui.panels.reward_panel import RewardPanel


@pytest.fixture
def panel(qtbot: QtBot, demo: Agreement) -> RewardPanel:
    made = RewardPanel()
    qtbot.addWidget(made)
    made.set_agreement(demo)
    return made


def indicator_row(model: RewardTreeModel, target_row: int, row: int, column: int) -> object:
    return model.index(row, column, model.index(target_row, 0)).data()


def test_the_reward_model_passes_the_model_tester(
    qtmodeltester: ModelTester, demo: Agreement
) -> None:
    model = RewardTreeModel()
    model.set_reward(demo, compute_reward(demo, {"2": Decimal("7.8")}), {"2": Decimal("7.8")})
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(RewardTreeModel(), force_py=True)


def test_it_shows_the_pot_potentials_and_what_each_indicator_needs(panel: RewardPanel) -> None:
    model = panel.model
    assert "£3,577,950" in panel.summary.text()
    assert model.index(1, 1).data() == "£298,162.50"  # target 2: 1/12 of the pot
    # 2: 8.3 without, 7.6 with, lower is better: 60% of the stretch is 7.88, 100% is 7.6.
    assert [indicator_row(model, 1, 0, c) for c in (6, 7, 8)] == ["7.88%", "7.74%", "7.60%"]


def test_money_in_a_column_always_shows_pence(panel: RewardPanel) -> None:
    # 3a and 3b are weighted 60/40: one share has pence, the other does not.
    potentials = [indicator_row(panel.model, 2, row, 1) for row in (0, 1)]
    assert potentials == ["£178,897.50", "£119,265.00"]
    assert panel.model.index(3, 5).data() == "£0.00"  # target 4 earns nothing yet


def test_a_needed_outturn_is_rounded_so_that_reaching_it_earns_the_share(demo: Agreement) -> None:
    # 1a: 70 without, 73 with, higher is better, shown to whole percents: 60% needs 71.8.
    panel = RewardPanel()
    panel.set_agreement(demo)
    assert indicator_row(panel.model, 0, 0, 6) == "71.8%"


def test_a_what_if_outturn_moves_the_earned_grant_but_is_not_saved(
    qtbot: QtBot, panel: RewardPanel, demo: Agreement
) -> None:
    index = panel.model.index(0, OUTTURN_COLUMN, panel.model.index(1, 0))
    assert panel.model.setData(index, "7.8")
    assert panel.result is not None
    earned = panel.result.indicator("2")
    assert earned is not None and earned.payable_fraction == Decimal("0.5") / Decimal("0.7")
    assert "1 what-if outturn" in panel.what_if_label.text()
    assert index.data() == "7.8%"
    assert panel.clear_button.isEnabled()
    panel.clear_what_ifs()
    assert panel.result.total_earned == 0
    assert not panel.clear_button.isEnabled()


def test_a_value_being_typed_is_previewed_then_dropped(panel: RewardPanel) -> None:
    address = FieldAddress(Part.INDICATOR, "2", "actual")
    panel.preview(address, Decimal("7.6"))
    assert panel.result is not None and panel.result.total_earned == Decimal("298162.50")
    panel.preview(None, None)
    assert panel.result.total_earned == 0


def test_what_ifs_are_forgotten_when_another_agreement_is_shown(
    panel: RewardPanel, demo: Agreement
) -> None:
    panel.set_what_if("2", Decimal("7.6"))
    panel.set_agreement(with_field(demo, FieldAddress(Part.AGREEMENT, None, "title"), "Renamed"))
    assert "1 what-if" in panel.what_if_label.text()  # same agreement, edited: kept
    panel.set_agreement(replace(demo, ref="another"))
    assert panel.what_if_label.text() == ""


def test_typing_the_stored_outturn_is_not_a_what_if(panel: RewardPanel, demo: Agreement) -> None:
    stored = with_field(demo, FieldAddress(Part.INDICATOR, "2", "actual"), Decimal("7.7"))
    panel.set_agreement(stored)
    panel.set_what_if("2", Decimal("7.7"))
    assert panel.what_if_label.text() == ""
