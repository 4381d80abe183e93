"""The Delivery and Portfolio tabs in the real window: built when first shown, a block
pasted from Excel into the period table is one undoable step, and the portfolio sorts."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from lpsa_desktop.services.outturn_recording import delivery_record


def _show_delivery(opened):
    controller = opened.controller
    assert controller.delivery.delivery is None  # nothing built before the tab is shown
    opened.window.tabs.setCurrentWidget(controller.delivery.delivery_tab)
    opened.qtbot.waitUntil(lambda: controller.delivery.delivery is not None, timeout=10_000)
    opened.wait_idle()
    return controller.delivery.delivery


def test_a_pasted_block_is_one_undoable_step(open_window) -> None:
    opened = open_window()
    panel = _show_delivery(opened)
    opened.qtbot.waitUntil(lambda: panel.period_model.rowCount() == 3, timeout=10_000)
    assert panel.period_model.indicator_ref == "1a"
    panel.periods.setCurrentIndex(panel.period_model.index(0, 2))
    panel.periods.paste_text("70.5\taudited\n71\tprovisional\n")
    opened.wait_idle()
    store = opened.controller.session.store
    record = delivery_record(store, "bath-ne-somerset-lpsa1")
    assert [(o.period, o.value, o.audited) for o in record.outturns] == [
        ("2003/04", Decimal("70.5"), True),
        ("2004/05", Decimal("71"), False),
    ]
    opened.qtbot.waitUntil(lambda: panel.period_model.index(1, 2).data() == "71%", timeout=10_000)
    assert panel.chart.chart is not None
    assert {s.label for s in panel.chart.chart.series} >= {
        "Trajectory",
        "Audited",
        "Provisional",
        "Forecast",
    }
    stack = opened.controller.stack_for("bath-ne-somerset-lpsa1")
    assert stack.count() == 1 and stack.undoText().startswith("paste outturns 1a")
    stack.undo()
    opened.wait_idle()
    assert delivery_record(store, "bath-ne-somerset-lpsa1").outturns == ()
    assert opened.faults.errors == []


def test_a_bad_cell_refuses_the_whole_paste(open_window) -> None:
    opened = open_window()
    panel = _show_delivery(opened)
    opened.qtbot.waitUntil(lambda: panel.period_model.rowCount() == 3, timeout=10_000)
    refused: list[str] = []
    panel.periods.paste_refused.connect(refused.append)
    panel.periods.setCurrentIndex(panel.period_model.index(0, 2))
    panel.periods.paste_text("70\n7O\n")
    opened.wait_idle()
    assert refused == ["Nothing was pasted: 1a 2004/05 (Outturn): '7O' is not a number"]
    assert delivery_record(opened.controller.session.store, "bath-ne-somerset-lpsa1").outturns == ()


def test_the_portfolio_lists_every_agreement_and_sorts(open_window) -> None:
    opened = open_window()
    controller = opened.controller
    opened.window.tabs.setCurrentWidget(controller.delivery.portfolio_tab)
    opened.qtbot.waitUntil(lambda: controller.delivery.portfolio is not None, timeout=10_000)
    opened.wait_idle()
    panel = controller.delivery.portfolio
    opened.qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    assert panel.model.index(0, 2).data() == "£3,577,950.00"
    assert panel.model.index(0, 8).data() == "12"  # twelve targets, no outturns yet
    panel.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert panel.chart.chart is not None and len(panel.chart.chart.categories) == 1


def test_the_file_menu_has_the_performance_report(open_window, tmp_path) -> None:
    opened = open_window()
    actions = opened.controller.delivery
    out = tmp_path / "report.pdf"
    actions.write_report(out)
    opened.wait_idle()
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    file_menu = next(a.menu() for a in opened.window.menuBar().actions() if a.text() == "&File")
    assert actions.report_action in file_menu.actions()
