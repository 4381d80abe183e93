"""The portfolio table: cells shown the British way, formatted once and kept beside their
row's values through every sort."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from lpsa_desktop.domain.delivery.portfolio import PortfolioEntry
from lpsa_desktop.domain.delivery.trajectory import Status
from ui.item_models.portfolio_table_model import PortfolioTableModel


def _entry(ref: str, council: str, pot: str, forecast: str, *statuses: Status) -> PortfolioEntry:
    return PortfolioEntry(
        ref, council, Decimal(pot), Decimal(forecast), Decimal(pot) - Decimal(forecast), statuses
    )


ENTRIES = [
    _entry("york-lpsa1", "York", "2100000", "1500000.5", Status.ON_TRACK, Status.BEHIND),
    _entry("bath-lpsa1", "Bath", "3577950", "298162.5", Status.AT_RISK, Status.AT_RISK),
    _entry("hull-lpsa1", "Hull", "1234567.891", "0", Status.NO_DATA),
]


def _column(model: PortfolioTableModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_cells_follow_their_rows_through_sorting(qtmodeltester) -> None:
    model = PortfolioTableModel()
    model.set_pictures(ENTRIES)
    qtmodeltester.check(model)
    assert _column(model, 0) == ["bath-lpsa1", "hull-lpsa1", "york-lpsa1"]
    assert _column(model, 2) == ["£3,577,950.00", "£1,234,567.89", "£2,100,000.00"]
    assert [model.index(0, c).data() for c in range(5, 9)] == ["0", "0", "2", "0"]
    model.sort(3, Qt.SortOrder.DescendingOrder)  # by forecast reward
    assert _column(model, 0) == ["york-lpsa1", "bath-lpsa1", "hull-lpsa1"]
    assert _column(model, 3) == ["£1,500,000.50", "£298,162.50", "£0.00"]
    assert _column(model, 4) == ["£599,999.50", "£3,279,787.50", "£1,234,567.89"]
    assert model.row_values(0)[0] == "york-lpsa1"
    assert model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    qtmodeltester.check(model)
