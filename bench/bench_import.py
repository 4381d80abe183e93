"""Import benchmark: a generated return of 20,000 indicator rows x 20 columns.

For the return saved both ways a workbook stores its text (shared strings, as Excel and
LibreOffice save it; inline, as openpyxl does), prints python-calamine's own time to read
the sheets the importer reads, the importer's time to read, validate and build the plan
(against an empty store) and their ratio (the target is at most 2). Then, for the shared
strings file: the time to apply the plan to a store (target under 2 s), the re-import plan
against the filled store, and the peak memory of a process that only plans.

    .venv/bin/python -m bench.bench_import [ROWS]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from python_calamine import CalamineWorkbook

from bench.return_generator import write_big_return
from lpsa_desktop.services.return_import import apply_plan, plan_import
from lpsa_desktop.storage.store import Store

REPEATS = 3


def best_of(run: Callable[[], object], repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def calamine_only(path: Path) -> None:
    book = CalamineWorkbook.from_path(str(path))
    for name in ("Agreement", "Targets"):
        book.get_sheet_by_name(name).to_python()
    book.close()


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    folder = Path(tempfile.mkdtemp(prefix="lpsa-bench-"))
    store = Store.open(str(folder / "store.sqlite"))
    print(f"return: {rows:,} indicator rows x 20 columns")
    for strings in ("inline", "shared"):
        path = folder / f"big-return-{strings}.xlsx"
        write_big_return(path, rows, strings=strings)
        calamine = best_of(partial(calamine_only, path))
        full = best_of(partial(plan_import, store, path))
        print(f"{strings} strings ({path.stat().st_size / 1e6:.1f} MB):")
        print(f"  python-calamine alone (Agreement + Targets): {calamine:.3f} s")
        print(f"  read + validate + plan (empty store):        {full:.3f} s")
        print(f"  ratio:                                       {full / calamine:.2f} (target <= 2)")
    plan = plan_import(store, path)
    start = time.perf_counter()
    apply_plan(store, plan, officer="bench")
    applied = time.perf_counter() - start
    again = best_of(lambda: plan_import(store, path), 1)
    print(f"apply the plan (one transaction):            {applied:.3f} s (target < 2 s)")
    print(f"re-import plan against the filled store:    {again:.3f} s")
    before, peak = plan_peak_mb(path)
    print(f"peak memory of a process that only plans:    {peak:.0f} MB ({before:.0f} MB before)")
    store.close()


def plan_peak_mb(path: Path) -> tuple[float, float]:
    """(peak memory before planning, peak memory after planning) of a fresh process, in MB.

    Read from /proc (VmHWM): ``ru_maxrss`` of a child started from this big process keeps
    the parent's figure across exec on Linux.
    """
    code = (
        "import sys, tempfile, pathlib\n"
        "def peak():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            return int(line.split()[1])\n"
        "from lpsa_desktop.services.return_import import plan_import\n"
        "from lpsa_desktop.storage.store import Store\n"
        "store = Store.open(str(pathlib.Path(tempfile.mkdtemp()) / 's.sqlite'))\n"
        "base = peak()\n"
        "plan_import(store, pathlib.Path(sys.argv[1]))\n"
        "print(base, peak())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    before, after = (int(n) / 1024 for n in out.stdout.split())
    return before, after


if __name__ == "__main__":
    main()
