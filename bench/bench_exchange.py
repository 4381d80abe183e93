"""Exchange between laptops (issue 15): export and merge of a 500-indicator agreement with
20 rounds (and their audit trail), edited on both laptops since the last exchange.
Target: under 1 s each. Run: .venv/bin/python -m bench.bench_exchange"""

from __future__ import annotations

import dataclasses
import tempfile
from decimal import Decimal
from pathlib import Path

from bench.common import agreement_with_indicators, report, timed
from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.domain.three_way import Side, merge_agreements
from lpsa_desktop.exchange.reader import read_package
from lpsa_desktop.services.agreement_editing import create_agreement, save_agreement
from lpsa_desktop.services.package_exchange import apply_merge, export_package, plan_merge
from lpsa_desktop.services.rounds import take_round
from lpsa_desktop.storage.store import Store

ROUNDS = 20


def nudged(agreement: Agreement, every: int, by: str) -> Agreement:
    """Every ``every``-th indicator's 'with' moved by ``by``."""
    targets = []
    for target in agreement.targets:
        indicators = tuple(
            dataclasses.replace(i, with_=(i.with_ or Decimal(0)) + Decimal(by))
            if n % every == 0
            else i
            for n, i in enumerate(target.indicators)
        )
        targets.append(dataclasses.replace(target, indicators=indicators))
    return dataclasses.replace(agreement, targets=tuple(targets))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        a, b = Store.open(str(here / "a.sqlite")), Store.open(str(here / "b.sqlite"))
        agreement = agreement_with_indicators(500)
        create_agreement(a, agreement, officer="council")
        for number in range(ROUNDS):  # each round moves some values, as a negotiation does
            agreement = nudged(agreement, 7 + number % 5, "0.1")
            save_agreement(a, agreement, officer="council")
            take_round(a, agreement.ref, name=f"Round {number + 1}", party=Party.COUNCIL,
                       officer="council")  # fmt: skip
        first = here / "first.lpsa"
        best, median = timed(
            lambda: export_package(a, agreement.ref, first, officer="council"), repeat=5
        )
        print(f"package: {first.stat().st_size:,} bytes, {ROUNDS} rounds, 500 indicators")
        report("export a package (best)", best, target=1.0)
        report("export a package (median)", median, target=1.0)
        best, median = timed(lambda: read_package(first), repeat=5)
        report("read and check a package (median)", median, target=1.0)
        apply_merge(b, read_package(first), officer="government")  # the first exchange

        save_agreement(a, nudged(agreement, 3, "0.2"), officer="council")
        save_agreement(b, nudged(agreement, 4, "-0.2"), officer="government")  # clashes on 12ths
        reply = here / "reply.lpsa"
        export_package(b, agreement.ref, reply, officer="government")
        package = read_package(reply)
        plan = plan_merge(a, package, default=Side.THEIRS)
        assert plan.result is not None
        print(
            f"merge: {len(plan.result.taken)} taken, {len(plan.result.kept)} kept, "
            f"{len(plan.conflicts)} conflicts, {plan.new_audit} new audit entries"
        )
        assert plan.base is not None and plan.mine is not None
        base, mine, theirs = plan.base, plan.mine, plan.theirs
        best, median = timed(
            lambda: merge_agreements(base, mine, theirs, default=Side.THEIRS), repeat=5
        )
        report("three-way merge alone, 500 indicators (median)", median, target=1.0)
        best, median = timed(lambda: plan_merge(a, package, default=Side.THEIRS), repeat=5)
        report("plan a merge from the store (median)", median, target=1.0)
        best, _ = timed(
            lambda: apply_merge(a, read_package(reply), officer="council", default=Side.THEIRS),
            repeat=1,
        )
        report("read, plan and apply the merge in one transaction", best, target=1.0)
        a.close()
        b.close()


if __name__ == "__main__":
    main()
