"""The Delivery tab: one indicator's chart (trajectory, outturns, forecast, reference
lines) beside its period table (typed into, or pasted into from Excel), and underneath the
reward by target and the pump-priming monitor. Imported when the tab is first shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.charts.builders import indicator_chart, reward_chart
from lpsa_desktop.domain.delivery.assessment import AgreementDelivery
from lpsa_desktop.domain.delivery.pump_priming import PumpPrimingMonitor
from lpsa_desktop.domain.money import format_money
from ui.item_models.period_table_model import PasteRefusedError, PeriodTableModel
from ui.widgets.chart_view import ChartView


class PeriodTableView(QTableView):
    """Ctrl+V takes a tab-separated block (as Excel copies it) from the current cell."""

    paste_refused = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_text(QGuiApplication.clipboard().text())
            return
        super().keyPressEvent(event)

    def paste_text(self, text: str) -> None:
        model = self.model()
        assert isinstance(model, PeriodTableModel)
        start = self.currentIndex()
        row0 = start.row() if start.isValid() else 0
        column0 = start.column() if start.isValid() else 2
        lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
        cells = [
            (row0 + r, column0 + c, value)
            for r, line in enumerate(lines)
            for c, value in enumerate(line.split("\t"))
        ]
        try:
            model.request_cells(cells, what="paste outturns")
        except PasteRefusedError as error:
            self.paste_refused.emit(f"Nothing was pasted: {error}")


class DeliveryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deliveryPanel")
        self._picture: AgreementDelivery | None = None
        self.indicator_choice = QComboBox()
        self.indicator_choice.setMinimumContentsLength(40)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chart = ChartView()
        self.period_model = PeriodTableModel(self)
        self.periods = PeriodTableView()
        self.periods.setModel(self.period_model)
        self.periods.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.periods.verticalHeader().setVisible(False)
        self.reward_chart = ChartView()
        self.pump_priming = QTableWidget()
        self.pump_priming.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._build()
        self.indicator_choice.currentIndexChanged.connect(self._on_indicator_chosen)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Indicator:"))
        top.addWidget(self.indicator_choice, 1)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.chart)
        upper.addWidget(self.periods)
        upper.setSizes([640, 420])
        lower = QTabWidget()
        lower.addTab(self.reward_chart, "Reward by target")
        lower.addTab(self.pump_priming, "Pump-priming grant")
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(upper)
        body.addWidget(lower)
        body.setSizes([340, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)

    def show_delivery(
        self, picture: AgreementDelivery | None, monitor: PumpPrimingMonitor | None
    ) -> None:
        chosen = self.indicator_choice.currentData()
        self._picture = picture
        self.indicator_choice.blockSignals(True)
        self.indicator_choice.clear()
        if picture is not None:
            for target in picture.targets:
                for item in target.indicators:
                    text = (
                        f"{item.indicator.ref}  {item.indicator.description}  [{item.status.words}]"
                    )
                    self.indicator_choice.addItem(text, item.indicator.ref)
            at = self.indicator_choice.findData(chosen)
            self.indicator_choice.setCurrentIndex(max(at, 0))
        self.indicator_choice.blockSignals(False)
        if picture is None:
            self.summary.setText("No agreement.")
            self.reward_chart.set_chart(None)
        else:
            self.summary.setText(
                f"Reward available {format_money(picture.pot, pence=True)} · forecast reward "
                f"{format_money(picture.forecast_total, pence=True)} · reward at risk "
                f"{format_money(picture.at_risk, pence=True)} · targets on track "
                f"{_count(picture, 'on_track')}, behind {_count(picture, 'behind')}, at risk "
                f"{_count(picture, 'at_risk')}, without outturns {_count(picture, 'no_data')}"
            )
            self.reward_chart.set_chart(reward_chart(picture))
        self._show_pump_priming(monitor)
        self._on_indicator_chosen()

    def choose_indicator(self, ref: str) -> None:
        self.indicator_choice.setCurrentIndex(max(self.indicator_choice.findData(ref), 0))

    def _on_indicator_chosen(self, _index: int = 0) -> None:
        picture = self._picture
        ref = self.indicator_choice.currentData()
        item = picture.indicator(ref) if picture is not None and ref else None
        if picture is None or item is None:
            self.chart.set_chart(None, empty="No indicator")
            self.period_model.set_indicator(None, ())
            return
        self.chart.set_chart(
            indicator_chart(item, picture.periods, threshold=picture.agreement.threshold)
        )
        self.period_model.set_indicator(item, picture.periods)

    def _show_pump_priming(self, monitor: PumpPrimingMonitor | None) -> None:
        table = self.pump_priming
        table.clear()
        if monitor is None:
            table.setRowCount(0)
            return
        final = monitor.years[-1] if monitor.years else ""
        headers = [
            "Target",
            "Allocated",
            *(f"Spent {y}" for y in monitor.years[:-1]),
            f"Budget {final}",
            f"Actual {final}",
            "Unspent",
        ]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(monitor.lines))
        for row, line in enumerate(monitor.lines):
            values = [
                line.allocated,
                *line.spent,
                line.final_budget,
                line.final_actual,
                line.balance,
            ]
            table.setItem(row, 0, QTableWidgetItem(f"{line.target_ref}  {line.title}"))
            for column, amount in enumerate(values, start=1):
                cell = QTableWidgetItem("–" if amount is None else format_money(amount, pence=True))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, cell)
        table.resizeColumnsToContents()


def _count(picture: AgreementDelivery, status: str) -> int:
    return sum(1 for t in picture.targets if t.status.value == status)
