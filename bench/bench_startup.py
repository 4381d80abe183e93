"""Start-up benchmarks (issue 14). Run: .venv/bin/python -m bench.bench_startup [--source DIR]

1. `lpsa list` on the demo store against a bare `python -c "import sqlalchemy"` process
   (target at most 1.5×): each command imports only what it uses.
2. Start → the agreement painted in the window against a bare PySide6 QMainWindow's start
   → painted (target at most 3.5×), measured as ``bench_window`` measures it.

``--source DIR`` runs the programs from another copy of the source tree (for example main's,
exported with ``git archive``), to print before and after figures on one machine.
Uses QT_QPA_PLATFORM=offscreen unless a display is set.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")

from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.storage.store import Store

STARTS = 9
LPSA = "import sys; from lpsa_desktop.cli.main import main; sys.exit(main())"


def _seconds(command: list[str]) -> float:
    begun = time.monotonic()
    subprocess.run(command, capture_output=True, check=True, timeout=60)
    return time.monotonic() - begun


def _paired(first: Callable[[], float], second: Callable[[], float]) -> tuple[float, float, float]:
    """(median of first, median of second, median ratio), run in turn so that both see the
    same load (a shared machine's load swings the absolute figures by 2× or more)."""
    first(), second()  # warm the file cache for both
    pairs = [(first(), second()) for _ in range(STARTS)]
    ratios = [b / a for a, b in pairs]
    return (
        statistics.median(a for a, _ in pairs),
        statistics.median(b for _, b in pairs),
        statistics.median(ratios),
    )


def bench_list(store: Path) -> None:
    bare = [sys.executable, "-c", "import sqlalchemy"]
    listing = [sys.executable, "-c", LPSA, "--db", str(store), "list"]
    bare_s, list_s, ratio = _paired(lambda: _seconds(bare), lambda: _seconds(listing))
    print(f"python -c 'import sqlalchemy'                    {bare_s * 1000:7.0f} ms")
    print(f"lpsa list on the demo store                      {list_s * 1000:7.0f} ms")
    print(f"  ratio {ratio:.2f} (median of paired runs; target at most 1.5)")


def bench_window(store: Path) -> None:
    from bench.bench_window import start_time  # noqa: PLC0415 (imports nothing of Qt itself)

    def content() -> float:
        seconds = start_time("desk", store)[1]
        assert seconds is not None
        return seconds

    bare, shown, ratio = _paired(lambda: start_time("bare")[0], content)
    print(f"bare PySide6 QMainWindow, start → painted        {bare * 1000:7.0f} ms")
    print(f"LPSA Desk, start → the agreement painted         {shown * 1000:7.0f} ms")
    print(f"  ratio {ratio:.2f} (median of paired runs; target at most 3.5)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", type=Path, help="run the programs from this source tree")
    parser.add_argument("--only", choices=("list", "window"))
    args = parser.parse_args()
    # The children run from a scratch folder with the source on their path, so that the
    # tree measured is the one named (a child's working folder would come first).
    source = (args.source or Path(__file__).resolve().parents[1]).resolve()
    os.environ["PYTHONPATH"] = str(source)
    # An installed program has its bytecode (pip compiles a wheel's modules; a bundle holds
    # .pyc files); a source tree run with PYTHONDONTWRITEBYTECODE set, as on these machines,
    # would compile some 150 modules at every start instead. Compile both trees first so
    # that the figures are those of an installed program.
    for package in ("lpsa_desktop", "ui", "bench"):
        compileall.compile_dir(source / package, quiet=1)
    print(
        f"source: {args.source or 'this tree'}; platform {os.environ['QT_QPA_PLATFORM']}; "
        f"median of {STARTS} starts"
    )
    with tempfile.TemporaryDirectory(prefix="lpsa-bench-startup-") as name:
        store_path = Path(name) / "demo.sqlite"
        os.chdir(name)
        store = Store.open(str(store_path))
        add_demo_agreement(store, officer="bench")
        store.close()
        if args.only in (None, "list"):
            bench_list(store_path)
        if args.only in (None, "window"):
            bench_window(store_path)


if __name__ == "__main__":
    main()
