"""Store benchmark: load and save an agreement of 20,000 indicators.

Prints the time to create it, to load it, and to save it after changing one indicator,
every indicator (each one's outturn) and its shape (a target dropped, one added, the rest
reordered). Each save is one write transaction (BEGIN IMMEDIATE), as in the program.

    .venv/bin/python -m bench.bench_store_big [INDICATORS]
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from bench.common import agreement_with_indicators
from lpsa_desktop.domain.agreement import Agreement, Target
from lpsa_desktop.services.agreement_editing import create_agreement, save_agreement
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.storage.store import Store


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def every_outturn_raised(agreement: Agreement) -> Agreement:
    def raised(target: Target) -> Target:
        indicators = tuple(
            dataclasses.replace(i, actual=(i.actual or Decimal(0)) + Decimal("0.1"))
            for i in target.indicators
        )
        return dataclasses.replace(target, indicators=indicators)

    return dataclasses.replace(agreement, targets=tuple(raised(t) for t in agreement.targets))


def one_outturn_raised(agreement: Agreement) -> Agreement:
    first, *rest = agreement.targets
    indicator = dataclasses.replace(first.indicators[0], actual=Decimal("99.9"))
    first = dataclasses.replace(first, indicators=(indicator, *first.indicators[1:]))
    return dataclasses.replace(agreement, targets=(first, *rest))


def reshaped(agreement: Agreement) -> Agreement:
    """The first target dropped, a new one added, the others in reverse order."""
    _dropped, *kept = agreement.targets
    new = dataclasses.replace(kept[0], ref="99", title="A new target")
    return dataclasses.replace(agreement, targets=(*reversed(kept), new))


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    agreement = agreement_with_indicators(count, ref="big")
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(str(Path(folder) / "store.sqlite"))
        created = seconds(lambda: create_agreement(store, agreement, officer="bench"))
        print(f"agreement of {count:,} indicators, {len(agreement.targets)} targets")
        print(f"create (new agreement):                 {created:.3f} s")
        loaded = min(seconds(lambda: load_agreement(store, "big")) for _ in range(3))
        print(f"load:                                   {loaded:.3f} s (target < 0.5 s)")
        for name, change in (
            ("one indicator changed", one_outturn_raised),
            ("every indicator changed", every_outturn_raised),
            ("a target dropped, one added, reordered", reshaped),
        ):
            after = change(load_agreement(store, "big"))
            took = seconds(lambda a=after: save_agreement(store, a, officer="bench"))
            assert load_agreement(store, "big") == after
            print(f"save, {name + ':':<40}{took:.3f} s (target < 2 s)")
        checked = min(seconds(store.quick_check) for _ in range(3))
        size = (Path(folder) / "store.sqlite").stat().st_size / 1e6
        print(f"quick_check on open ({size:.0f} MB):{'':<13}{checked:.3f} s")
        store.close()
        reopened = min(
            seconds(lambda: Store.open(str(Path(folder) / "store.sqlite")).close())
            for _ in range(3)
        )
        print(f"open with its quick_check:              {reopened:.3f} s")


if __name__ == "__main__":
    main()
