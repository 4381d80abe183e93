"""The Portfolio tab: every agreement in the store, sortable, and one chart of them all.
Imported when the tab is first shown."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from lpsa_desktop.charts.builders import portfolio_chart
from lpsa_desktop.domain.delivery.portfolio import PortfolioEntry
from lpsa_desktop.domain.money import format_money
from ui.item_models.portfolio_table_model import PortfolioTableModel
from ui.widgets.chart_view import ChartView


class PortfolioPanel(QWidget):
    agreement_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portfolioPanel")
        self.model = PortfolioTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.total = QLabel()
        self.chart = ChartView()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setSizes([300, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(self.total)
        layout.addWidget(splitter, 1)
        self.table.doubleClicked.connect(
            lambda index: self.agreement_chosen.emit(self.model.row_values(index.row())[0])
        )

    def show_portfolio(self, pictures: list[PortfolioEntry]) -> None:
        self.model.set_pictures(pictures)
        if not pictures:
            self.total.setText("No agreements in the store.")
        else:
            pot = sum((p.pot for p in pictures), Decimal(0))
            forecast = sum((p.forecast_reward for p in pictures), Decimal(0))
            risk = sum((p.at_risk for p in pictures), Decimal(0))
            self.total.setText(
                f"{len(pictures)} agreements · reward available {format_money(pot, pence=True)} · "
                f"forecast {format_money(forecast, pence=True)} · at risk "
                f"{format_money(risk, pence=True)} (double-click an agreement to open it)"
            )
        self.chart.set_chart(portfolio_chart(pictures) if pictures else None, empty="No agreements")
