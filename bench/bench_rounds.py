"""Comparing negotiation rounds (issue 6): two rounds of an agreement with 500 indicators,
with a renumbered target and changes in every target. Target: under 200 ms.
Run: .venv/bin/python -m bench.bench_rounds"""

from __future__ import annotations

import dataclasses
import tempfile
from decimal import Decimal
from pathlib import Path

from bench.common import agreement_with_indicators, report, timed
from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.comparison import Position, compare_positions
from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.services.agreement_editing import create_agreement, save_agreement
from lpsa_desktop.services.rounds import compare_rounds, take_round
from lpsa_desktop.storage.store import Store


def government_response(agreement: Agreement) -> Agreement:
    """Every fifth indicator stretched further; target 12 renumbered as 13."""
    targets = []
    for target in agreement.targets:
        indicators = tuple(
            dataclasses.replace(i, with_=(i.with_ or Decimal(0)) - Decimal("0.1"))
            if n % 5 == 0
            else i
            for n, i in enumerate(target.indicators)
        )
        ref = "13" if target.ref == "12" else target.ref
        targets.append(dataclasses.replace(target, ref=ref, indicators=indicators))
    return dataclasses.replace(agreement, targets=tuple(targets))


def main() -> None:
    first = agreement_with_indicators(500)
    second = government_response(first)
    before, after = (
        Position("round 1", first, Party.COUNCIL),
        Position("round 2", second, Party.GOVERNMENT),
    )
    comparison = compare_positions(before, after)
    print(f"changes found: {len(comparison.changes)} (renumbered: {comparison.renumbered})")
    best, median = timed(lambda: compare_positions(before, after), repeat=7)
    report("compare two 500-indicator positions (best)", best, target=0.200)
    report("compare two 500-indicator positions (median)", median, target=0.200)

    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(str(Path(folder) / "rounds.sqlite"))
        create_agreement(store, first, officer="bench")
        take_round(store, first.ref, name="Council proposal", party=Party.COUNCIL, officer="bench")
        save_agreement(store, second, officer="bench")
        take_round(
            store, first.ref, name="Government response", party=Party.GOVERNMENT, officer="bench"
        )
        best, median = timed(lambda: compare_rounds(store, first.ref, 1, 2), repeat=7)
        report("compare rounds 1 and 2 from the store, 500 indicators (best)", best, target=0.200)
        report(
            "compare rounds 1 and 2 from the store, 500 indicators (median)", median, target=0.200
        )
        store.close()


if __name__ == "__main__":
    main()
