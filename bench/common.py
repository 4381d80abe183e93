"""Helpers shared by the benchmarks: timing with repeats, and generated agreements."""

from __future__ import annotations

import dataclasses
import statistics
import time
from collections.abc import Callable
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement, Target
from lpsa_desktop.services.demo import demo_agreement


def timed(action: Callable[[], object], *, repeat: int = 5) -> tuple[float, float]:
    """(best, median) wall time in seconds over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def agreement_with_indicators(count: int, *, ref: str = "bench", targets: int = 12) -> Agreement:
    """The demo agreement grown to ``count`` indicators spread over ``targets`` targets,
    with outturns so that every reward branch runs."""
    demo = demo_agreement()
    template = demo.targets[1].indicators[0]
    per_target, extra = divmod(count, targets)
    grown = []
    for t in range(targets):
        n = per_target + (1 if t < extra else 0)
        indicators = tuple(
            dataclasses.replace(
                template, ref=f"{t + 1}.{i + 1}", actual=Decimal("8.3") - Decimal(i % 9) / 10
            )
            for i in range(n)
        )
        grown.append(Target(ref=str(t + 1), title=f"Target {t + 1}", indicators=indicators))
    return dataclasses.replace(demo, ref=ref, targets=tuple(grown), freedoms=())


def report(name: str, seconds: float, *, target: float | None = None) -> None:
    verdict = (
        ""
        if target is None
        else ("  OK" if seconds <= target else f"  OVER target {target * 1000:.0f} ms")
    )
    print(f"{name:<55} {seconds * 1000:9.1f} ms{verdict}")
