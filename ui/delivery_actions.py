"""Delivery monitoring in the window: the Delivery and Portfolio tabs and File ▸
Performance report….

The tabs start as empty placeholders; a panel (and the chart code it draws with) is
imported and built when its tab is first shown, and its data is read on the worker only
while it is on screen. Outturns typed or pasted into the period table become one undoable
command each.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMenu, QVBoxLayout, QWidget

from ui.commands.outturn_command import RecordOutturnsCommand, State
from ui.main_window import MainWindow
from ui.session import AgreementSession
from ui.widgets.start_folder import remember, start_path

if TYPE_CHECKING:
    from ui.panels.delivery_panel import DeliveryPanel
    from ui.panels.portfolio_panel import PortfolioPanel

STATUS_MS = 6000


def _work() -> Any:
    from ui import delivery_work  # noqa: PLC0415 (services and SQLAlchemy: on the worker)

    return delivery_work


class DeliveryActions:
    def __init__(
        self,
        window: MainWindow,
        session: AgreementSession,
        *,
        stack_for: Callable[[str], QUndoStack],
    ) -> None:
        self.window = window
        self.session = session
        self.stack_for = stack_for
        self.delivery: DeliveryPanel | None = None
        self.portfolio: PortfolioPanel | None = None
        self.delivery_tab = _placeholder("deliveryTab")
        self.portfolio_tab = _placeholder("portfolioTab")
        window.tabs.addTab(self.delivery_tab, "Deli&very")
        window.tabs.addTab(self.portfolio_tab, "Port&folio")
        self.report_action = QAction("Performance &report…", window)
        self.report_action.setStatusTip("Write the performance report for the Executive (PDF)")
        self._add_to_file_menu()
        window.tabs.currentChanged.connect(self._on_tab_changed)
        session.agreement_changed.connect(lambda _agreement: self._refresh())
        self.report_action.triggered.connect(lambda _checked=False: self.write_report())

    # -- tabs --------------------------------------------------------------------------------

    def _on_tab_changed(self, _index: int) -> None:
        self._refresh()

    def _refresh(self) -> None:
        current = self.window.tabs.currentWidget()
        if current is self.delivery_tab:
            self._ensure_delivery()
            self.load_delivery()
        elif current is self.portfolio_tab:
            self._ensure_portfolio()
            self.load_portfolio()

    def _ensure_delivery(self) -> DeliveryPanel:
        if self.delivery is None:
            from ui.panels.delivery_panel import DeliveryPanel  # noqa: PLC0415 (on first show)

            panel = DeliveryPanel()
            _hold(self.delivery_tab, panel)
            panel.period_model.states_requested.connect(self._on_states_requested)
            panel.period_model.edit_refused.connect(self._say)
            panel.periods.paste_refused.connect(self._say)
            self.delivery = panel
        return self.delivery

    def _ensure_portfolio(self) -> PortfolioPanel:
        if self.portfolio is None:
            from ui.panels.portfolio_panel import PortfolioPanel  # noqa: PLC0415 (on first show)

            panel = PortfolioPanel()
            _hold(self.portfolio_tab, panel)
            panel.agreement_chosen.connect(self._open_agreement)
            self.portfolio = panel
        return self.portfolio

    def load_delivery(self) -> None:
        agreement = self.session.agreement
        panel = self._ensure_delivery()
        if agreement is None:
            panel.show_delivery(None, None)
            return
        ref = agreement.ref

        def done(screen: Any) -> None:
            current = self.session.agreement
            if current is not None and current.ref == ref:
                panel.show_delivery(screen.view.delivery, screen.pump_priming)

        self.session.run(
            lambda store, _c: _work().load_delivery(store, ref),
            writes=False,
            on_done=done,
            on_failure=lambda error: self._say(str(error)),
        )

    def load_portfolio(self) -> None:
        panel = self._ensure_portfolio()
        self.session.run(
            lambda store, _c: _work().load_portfolio(store),
            writes=False,
            on_done=panel.show_portfolio,
            on_failure=lambda error: self._say(str(error)),
        )

    def _open_agreement(self, ref: str) -> None:
        self.session.select(ref)
        self.window.tabs.setCurrentWidget(self.delivery_tab)

    # -- outturns ----------------------------------------------------------------------------

    def _on_states_requested(self, new: list[State], old: list[State], text: str) -> None:
        agreement = self.session.agreement
        if agreement is None:
            return
        self.stack_for(agreement.ref).push(
            RecordOutturnsCommand(agreement.ref, new, old, text, self._write_states)
        )

    def _write_states(self, ref: str, states: list[State], action: str) -> None:
        officer = self.session.officer
        self.session.run(
            lambda store, _c: _work().put_outturn_states(
                store, ref, states, officer=officer, action=action
            ),
            writes=True,
            on_done=lambda _r: self._say(action.capitalize() + "."),
            on_failure=lambda error: self._say(f"Not saved: {error}"),
        )

    # -- the report --------------------------------------------------------------------------

    def write_report(self, destination: Path | None = None) -> None:
        agreement = self.session.agreement
        if agreement is None:
            self._say("Choose an agreement first.")
            return
        if destination is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self.window,
                "Performance report",
                start_path(Path(f"{agreement.ref}-performance.pdf")),
                "PDF (*.pdf)",
            )
            if not chosen:
                return
            destination = Path(chosen)
            remember(destination)
        ref = agreement.ref

        def work(store: Any, _control: Any) -> Any:
            from lpsa_desktop.services.performance_reports import (  # noqa: PLC0415
                write_performance_report,
            )

            return write_performance_report(store, ref, destination)

        self.session.run(
            work,
            writes=False,
            on_done=lambda written: self._say(
                f"Wrote the performance report ({written.pages} pages) to {written.path}"
            ),
            on_failure=lambda error: self._say(f"No report written: {error}"),
        )

    def _add_to_file_menu(self) -> None:
        for action in self.window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and action.text().replace("&", "") == "File":
                before = self.window.window_actions.print_preview
                menu.insertAction(before, self.report_action)
                menu.insertSeparator(before)
                return

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, STATUS_MS)


def _placeholder(name: str) -> QWidget:
    widget = QWidget()
    widget.setObjectName(name)
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    return widget


def _hold(placeholder: QWidget, panel: QWidget) -> None:
    layout = placeholder.layout()
    assert layout is not None
    layout.addWidget(panel)
