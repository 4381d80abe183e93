"""Screenshots of delivery monitoring: the Delivery tab (indicator chart, period table,
reward by target) and the Portfolio tab, in the real window at 1366 x 768.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" \\
        .venv/bin/python docs/screenshots/take_delivery_screenshots.py

A fresh store holds the demo agreement with seven quarters of outturns and pump-priming
spend, and eleven more agreements for the portfolio.
"""

# ruff: noqa: T201

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from bench.delivery_data import outturn_entries, seed_portfolio
from lpsa_desktop.domain.delivery.pump_priming import SpendEntry
from lpsa_desktop.domain.delivery.reporting_periods import Frequency
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.services.outturn_recording import record_outturns, set_frequency
from lpsa_desktop.services.reward_claims import record_spend
from lpsa_desktop.storage.store import Store
from ui.app import create_window
from ui.app_settings import AppSettings

OUT = Path(__file__).resolve().parent


def wait(app: QApplication, condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def seed(path: Path) -> str:
    store = Store.open(str(path))
    ref = add_demo_agreement(store, officer="Demo")
    set_frequency(store, ref, Frequency.QUARTERLY, officer="Demo")
    agreement = load_agreement(store, ref)
    record_outturns(store, ref, outturn_entries(agreement, periods_done=7), officer="Demo")
    for target in agreement.targets:
        if target.pump_priming:
            part = target.pump_priming
            for year, budget, actual in (
                ("2003/04", None, Decimal("0.3")),
                ("2004/05", None, Decimal("0.4")),
                ("2005/06", Decimal("0.3"), Decimal("0.1")),
            ):
                record_spend(
                    store,
                    ref,
                    SpendEntry(
                        target.ref,
                        year,
                        None if budget is None else (part * budget).quantize(Decimal(1)),
                        (part * actual).quantize(Decimal(1)),
                    ),
                    officer="Demo",
                )
    seed_portfolio(store, 11, periods_done=9, stagger=True)
    store.close()
    return ref


def main() -> None:
    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    ref = seed(folder / "store.sqlite")
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window, controller = create_window(app, settings, lambda error: print("fault:", error))
    window.resize(1366, 768)
    window.show()
    controller.start(str(folder / "store.sqlite"), add_demo=False)
    wait(app, lambda: controller.session.agreement is not None)
    controller.session.select(ref)
    wait(
        app,
        lambda: (
            controller.session.agreement is not None and controller.session.agreement.ref == ref
        ),
    )
    window.tabs.setCurrentWidget(controller.delivery.delivery_tab)
    wait(app, lambda: controller.delivery.delivery is not None and controller.session.runner.idle)
    settle(app, 1.0)
    panel = controller.delivery.delivery
    assert panel is not None
    panel.choose_indicator("1a")
    settle(app)
    window.grab().save(str(OUT / "delivery.png"))
    panel.choose_indicator("2")
    settle(app)
    panel.grab().save(str(OUT / "delivery-lower-is-better.png"))
    window.tabs.setCurrentWidget(controller.delivery.portfolio_tab)
    wait(app, lambda: controller.delivery.portfolio is not None and controller.session.runner.idle)
    settle(app, 1.0)
    window.grab().save(str(OUT / "portfolio.png"))
    print("wrote delivery.png, delivery-lower-is-better.png, portfolio.png")
    window.close()


if __name__ == "__main__":
    main()
