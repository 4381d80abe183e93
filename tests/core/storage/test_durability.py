"""A write is all-or-nothing even when the process is killed mid-write, and two processes
writing the same store at once both succeed."""

from __future__ import annotations

import dataclasses
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from lpsa_desktop.domain.agreement import Agreement, Indicator, Target
from lpsa_desktop.services.agreement_editing import create_agreement
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.storage.store import Store
from tests.conftest import OFFICER

ROOT = Path(__file__).parents[3]


def _big_agreement(demo: Agreement, indicators: int = 600) -> Agreement:
    """Many indicators, so that one transaction takes long enough to be killed inside."""
    per_target = indicators // 12
    targets = tuple(
        Target(
            ref=str(t),
            title=f"Target {t}",
            indicators=tuple(
                dataclasses.replace(demo.targets[1].indicators[0], ref=f"{t}.{i}")
                for i in range(per_target)
            ),
        )
        for t in range(1, 13)
    )
    return dataclasses.replace(demo, targets=targets, freedoms=())


def _writer(
    store_path: Path, ref: str, field: str, rounds: int | None = None
) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "tests.core.storage.writer_process", str(store_path), ref, field]
    if rounds is not None:
        args.append(str(rounds))
    return subprocess.Popen(
        args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _values(agreement: Agreement, field: str) -> set[object]:
    return {getattr(i, field) for t in agreement.targets for i in t.indicators}


def _all_indicators(agreement: Agreement) -> list[Indicator]:
    return [i for t in agreement.targets for i in t.indicators]


def test_killing_the_process_mid_write_leaves_the_whole_change_or_none(
    store: Store, store_path: Path, demo: Agreement
) -> None:
    agreement = _big_agreement(demo)
    create_agreement(store, agreement, officer=OFFICER)
    store.close()
    rng = random.Random(7)
    last_seen = 0
    for _ in range(4):
        child = _writer(store_path, agreement.ref, "baseline")
        assert child.stdout is not None
        first = child.stdout.readline()  # one commit done: the next is in flight
        assert first.strip().isdigit(), child.stderr.read() if child.stderr else first
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        with sqlite3.connect(store_path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        reopened = Store.open(str(store_path))
        try:
            survived = load_agreement(reopened, agreement.ref)
        finally:
            reopened.close()
        values = _values(survived, "baseline")
        assert len(values) == 1, f"a half-written change survived: {sorted(map(str, values))[:5]}"
        assert len(_all_indicators(survived)) == len(_all_indicators(agreement))
        last_seen = int(next(iter(values)))  # type: ignore[call-overload]
        assert last_seen >= 1
    assert last_seen >= 1


def test_two_processes_writing_at_once_both_succeed(
    store: Store, store_path: Path, demo: Agreement
) -> None:
    create_agreement(store, demo, officer=OFFICER)
    rounds = 15
    writers = [_writer(store_path, demo.ref, field, rounds) for field in ("baseline", "actual")]
    for child in writers:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out.split()[-1] == str(rounds)
    final = load_agreement(store, demo.ref)
    assert _values(final, "baseline") == _values(final, "actual") == {rounds}
