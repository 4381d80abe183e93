"""Core benchmarks (issue 2): the reward over 10,000 indicators; opening a store of 100
agreements. Run: .venv/bin/python -m bench.bench_core"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from bench.common import agreement_with_indicators, report, timed
from lpsa_desktop.domain.reward import compute_reward
from lpsa_desktop.services.agreement_editing import create_agreement
from lpsa_desktop.services.agreement_queries import list_agreements, load_agreement
from lpsa_desktop.services.demo import demo_agreement
from lpsa_desktop.storage.store import Store


def bench_reward() -> None:
    agreement = agreement_with_indicators(10_000)
    best, median = timed(lambda: compute_reward(agreement), repeat=7)
    report("reward, 10,000 indicators (best)", best, target=0.100)
    report("reward, 10,000 indicators (median)", median, target=0.100)
    small = demo_agreement()
    best, _ = timed(lambda: compute_reward(small), repeat=50)
    report("reward, demo agreement (20 indicators)", best)


def bench_store(folder: Path) -> None:
    path = folder / "hundred.sqlite"
    store = Store.open(str(path))
    demo = demo_agreement()
    for n in range(100):
        create_agreement(
            store, dataclasses.replace(demo, ref=f"agreement-{n:03d}"), officer="bench"
        )
    store.close()
    print(f"store file with 100 agreements: {path.stat().st_size / 1e6:.1f} MB")

    def open_and_list() -> None:
        opened = Store.open(str(path))
        list_agreements(opened)
        opened.close()

    best, median = timed(open_and_list, repeat=7)
    report("open store of 100 agreements and list them (best)", best)
    report("open store of 100 agreements and list them (median)", median)
    opened = Store.open(str(path))
    best, _ = timed(lambda: load_agreement(opened, "agreement-050"), repeat=20)
    report("load one whole agreement from it", best)
    opened.close()


if __name__ == "__main__":
    bench_reward()
    with tempfile.TemporaryDirectory() as folder:
        bench_store(Path(folder))
