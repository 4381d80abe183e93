"""Window benchmarks (issue 5). Run: .venv/bin/python -m bench.bench_window [--rows N]

1. Start-up: process start → main window painted, LPSA Desk on a store with the demo
   agreement against a bare PySide6 program showing one empty QMainWindow (target: 1.5×).
   Also process start → the agreement painted in the window.
2. The longest stall of the GUI thread while a 20,000-row return is read, planned, shown and
   applied from the import dialog, and while the new 20,000-indicator agreement is shown
   (target: under 100 ms). A 2 ms timer on the GUI thread records how late it fires.
3. Edit → reward panel updated, with 1,000 indicators: a value typed into the targets tree
   until the reward panel's figures are recomputed and repainted (target: under 16 ms).

Uses QT_QPA_PLATFORM=offscreen unless a display is set (run under xvfb-run for X11).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")

from bench.common import agreement_with_indicators
from lpsa_desktop.services.agreement_editing import create_agreement
from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.storage.store import Store

STARTS = 7


def start_time(kind: str, store: Path | None = None) -> tuple[float, float | None]:
    """(seconds to first paint, seconds to the agreement painted or None) for one start."""
    command = [sys.executable, "-m", "bench.bench_window_probe", kind]
    if store is not None:
        command.append(str(store))
    begun = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    marks = dict(line.split() for line in done.stdout.splitlines() if line.count(" ") == 1)
    if "painted" not in marks:
        raise RuntimeError(f"{kind} never painted: {done.stderr[-800:]}")
    content = float(marks["content"]) - begun if "content" in marks else None
    return float(marks["painted"]) - begun, content


def bench_startup(folder: Path) -> None:
    store_path = folder / "demo.sqlite"
    store = Store.open(str(store_path))
    add_demo_agreement(store, officer="bench")
    store.close()
    start_time("bare")  # warm the file cache for both programs
    start_time("desk", store_path)
    bare = [start_time("bare")[0] for _ in range(STARTS)]
    desk = [start_time("desk", store_path) for _ in range(STARTS)]
    bare_median = statistics.median(bare)
    painted = statistics.median(d[0] for d in desk)
    content = statistics.median(d[1] for d in desk if d[1] is not None)
    print(f"platform: {os.environ['QT_QPA_PLATFORM']}, median of {STARTS} starts")
    print(f"bare PySide6 QMainWindow, start → painted        {bare_median * 1000:7.0f} ms")
    print(f"LPSA Desk on the demo store, start → painted     {painted * 1000:7.0f} ms")
    print(f"  ratio {painted / bare_median:.2f} (target at most 1.5)")
    print(f"LPSA Desk, start → the agreement painted         {content * 1000:7.0f} ms")
    print(f"  ratio {content / bare_median:.2f}")


def bench_import_stall(folder: Path, rows: int) -> None:
    from bench.bench_window_stalls import measure_import_stalls  # noqa: PLC0415 (needs Qt)

    figures = measure_import_stalls(folder, rows)
    for name, seconds in figures.items():
        print(f"{name:<52} {seconds * 1000:7.1f} ms")


def bench_edit_latency(folder: Path) -> None:
    from bench.bench_window_stalls import measure_edit_latency  # noqa: PLC0415 (needs Qt)

    store_path = folder / "thousand.sqlite"
    store = Store.open(str(store_path))
    create_agreement(store, agreement_with_indicators(1000, ref="bench-1000"), officer="bench")
    store.close()
    best, median = measure_edit_latency(store_path)
    print(
        f"edit → reward panel updated and repainted, 1,000 indicators: best {best * 1000:.1f} ms, "
        f"median {median * 1000:.1f} ms (target under 16 ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--only", choices=("startup", "import", "edit"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lpsa-bench-window-") as name:
        folder = Path(name)
        if args.only in (None, "startup"):
            bench_startup(folder)
        if args.only in (None, "edit"):
            bench_edit_latency(folder)
        if args.only in (None, "import"):
            bench_import_stall(folder, args.rows)


if __name__ == "__main__":
    main()
