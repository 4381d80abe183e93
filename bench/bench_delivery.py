"""Delivery monitoring benchmarks (issue 17): the portfolio view over 150 agreements of 12
targets with 12 quarters of outturns each, from an open store to painted (target < 300 ms);
the performance report for one agreement (target < 2 s). Prints its figures.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.bench_delivery"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from bench.common import timed
from bench.delivery_data import outturn_entries, seed_portfolio
from lpsa_desktop.domain.delivery.reporting_periods import Frequency
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.services.delivery_queries import portfolio
from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.services.outturn_recording import record_outturns, set_frequency
from lpsa_desktop.services.performance_reports import write_performance_report
from lpsa_desktop.storage.store import Store

AGREEMENTS = 150
TARGET = 0.300
"""The portfolio tab, from an open store to painted (issue 17)."""


def bench_portfolio(folder: Path) -> None:
    path = folder / "portfolio.sqlite"
    store = Store.open(str(path))
    start = time.perf_counter()
    seed_portfolio(store, AGREEMENTS, periods_done=12)
    print(
        f"seeded {AGREEMENTS} agreements × 12 targets × 12 quarters in {time.perf_counter() - start:.1f} s"
    )
    store.close()
    from ui.panels.portfolio_panel import PortfolioPanel  # noqa: PLC0415 - after QApplication

    app = QApplication.instance() or QApplication([])
    panel = PortfolioPanel()
    panel.resize(1100, 620)
    panel.show()
    app.processEvents()
    store = Store.open(str(path))

    def load() -> object:
        return portfolio(store)

    def paint() -> None:
        panel.show_portfolio(portfolio(store))
        panel.grab()  # paints the table and the chart, as the screen would

    start = time.perf_counter()
    paint()  # the first time: the statements are compiled and the caches filled
    first = time.perf_counter() - start
    best_load, median_load = timed(load)
    best, median = timed(paint)
    pictures = portfolio(store)
    with store.unit_of_work() as uow:
        outturns = sum(
            len(v) for a in uow.delivery.all_outturn_points().values() for v in a.values()
        )
    verdict = "MET" if median < TARGET else "NOT MET"
    print(
        f"PORTFOLIO TAB: {len(pictures)} agreements × 12 targets × 12 quarters ({outturns:,} "
        f"outturns), open store → painted: median {median * 1000:.0f} ms of 5 (best "
        f"{best * 1000:.0f}) — target < {TARGET * 1000:.0f} ms: {verdict}\n"
        f"  of which read and assess: median {median_load * 1000:.0f} ms (best "
        f"{best_load * 1000:.0f}); the very first paint after the store opened: "
        f"{first * 1000:.0f} ms"
    )
    store.close()
    panel.close()
    panel.deleteLater()
    app.processEvents()


def bench_report(folder: Path) -> None:
    store = Store.open(str(folder / "report.sqlite"))
    ref = add_demo_agreement(store, officer="Bench")
    set_frequency(store, ref, Frequency.QUARTERLY, officer="Bench")
    agreement = load_agreement(store, ref)
    record_outturns(store, ref, outturn_entries(agreement, periods_done=10), officer="Bench")
    out = folder / "report.pdf"
    best, median = timed(lambda: write_performance_report(store, ref, out), repeat=3)
    pages = write_performance_report(store, ref, out).pages
    print(
        f"performance report of the demo (20 indicators, 10 quarters, {pages} pages): best "
        f"{best * 1000:.0f} ms (median {median * 1000:.0f}); target < 2 s"
    )
    store.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        bench_report(Path(folder))
        bench_portfolio(Path(folder))
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores while measuring)")
    sys.stdout.flush()
    os._exit(0)  # PySide6 can fault tearing down widgets at interpreter exit; nothing is left to do


if __name__ == "__main__":
    main()
