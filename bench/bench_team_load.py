"""Load on one agreement (issue 16): N processes each making M edits to the same few
fields of one agreement at once, on PostgreSQL and on SQLite, on this machine.

Each process is an officer's program: it reads the agreement, edits a contested target
title stating the value it saw (the conflict rule), and on a conflict reads again and goes
on. Every value written is unique (process and edit number), so afterwards the audit trail
is checked against what each process was told: every confirmed edit recorded exactly once,
nothing recorded that was reported as a conflict (or refused as busy), and along each
field the trail is a chain (each change starts from the value the one before it left:
nobody overwrote a value they had not seen). Prints throughput per engine.

Run: .venv/bin/python -m bench.bench_team_load [--processes 20] [--edits 500]
     [--pg postgresql+psycopg://postgres@/postgres?host=/path/to/socket]
(``--pg`` defaults to $LPSA_TEST_PG_URL: a server where a database may be created.)
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from lpsa_desktop.errors import StoreBusyError
from lpsa_desktop.services.agreement_edits import FieldAddress, Part, read_field
from lpsa_desktop.services.agreement_queries import agreement_history, load_agreement
from lpsa_desktop.services.demo import ensure_demo_agreement
from lpsa_desktop.services.edit_conflicts import ValueConflictError
from lpsa_desktop.services.field_edits import set_field
from lpsa_desktop.storage.store import Store

REF = "bath-ne-somerset-lpsa1"
CONTESTED = [FieldAddress(Part.TARGET, str(n), "title") for n in (1, 2, 3, 4)]
DATABASE = "lpsa_bench_load"


def officer(url: str, edits: int, number: int, queues: tuple[Any, Any, Any]) -> None:
    results, ready, go = queues
    store = Store(url, create=False)
    rng = random.Random(number)
    seen = load_agreement(store, REF)
    ready.put(number)
    go.wait()  # every process started and warm: the clock measures edits, not start-up
    confirmed: list[str] = []
    conflicts = busy = 0
    for i in range(edits):
        address = rng.choice(CONTESTED)
        value = f"p{number:02d} e{i:04d}"
        try:
            set_field(
                store, REF, address, value,
                officer=f"Officer {number}", expected=read_field(seen, address),
            )  # fmt: skip
            confirmed.append(value)
            seen = load_agreement(store, REF) if rng.random() < 0.2 else seen
        except ValueConflictError:
            conflicts += 1
            seen = load_agreement(store, REF)
        except StoreBusyError:
            busy += 1
            seen = load_agreement(store, REF)
        if i % 10 == 9:
            seen = load_agreement(store, REF)  # a window's refresh, now and then
    store.close()
    results.put((number, confirmed, conflicts, busy))


def run(url: str, processes: int, edits: int) -> None:
    store = Store(url)
    ensure_demo_agreement(store, officer="Setup")
    store.close()
    context = multiprocessing.get_context("spawn")
    results, ready, go = context.Queue(), context.Queue(), context.Event()
    workers = [
        context.Process(target=officer, args=(url, edits, n, (results, ready, go)))
        for n in range(processes)
    ]
    for worker in workers:
        worker.start()
    for _ in workers:
        ready.get()
    began = time.perf_counter()
    go.set()
    reports = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - began
    confirmed = [v for _n, values, _c, _b in reports for v in values]
    conflicts = sum(r[2] for r in reports)
    busy = sum(r[3] for r in reports)
    store = Store(url, create=False)
    trail = [
        e for e in reversed(agreement_history(store, REF)) if e.action.startswith("edit target")
    ]
    final = load_agreement(store, REF)
    store.close()
    recorded = Counter(e.new for e in trail)
    lost = [v for v in confirmed if recorded[v] != 1]
    unconfirmed = [v for v in recorded if v not in set(confirmed)]
    broken = 0
    last: dict[str, str | None] = {}
    for event in trail:
        if event.entity in last and last[event.entity] != event.old:
            broken += 1
        last[event.entity] = event.new
    stale = [a for a in CONTESTED if last.get(a.label()) not in (None, read_field(final, a))]
    engine = make_url(url).get_backend_name()
    print(
        f"{engine:<10} {processes} processes x {edits} edits in {elapsed:6.1f} s: "
        f"{len(confirmed)} confirmed ({len(confirmed) / elapsed:6.1f} edits/s), "
        f"{conflicts} conflicts reported, {busy} refused as busy"
    )
    verdict = "OK" if not (lost or unconfirmed or broken or stale) else "FAILED"
    print(
        f"{'':<10} audit trail: {len(trail)} entries; confirmed but not recorded once: "
        f"{len(lost)}; recorded but not confirmed: {len(unconfirmed)}; broken chains: "
        f"{broken}; store differs from the trail's last value: {len(stale)}  [{verdict}]"
    )
    if verdict != "OK":
        sys.exit(1)


def fresh_pg_database(server: str) -> str:
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.exec_driver_sql(f"CREATE DATABASE {DATABASE}")
    admin.dispose()
    return make_url(server).set(database=DATABASE).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=20)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--pg", default=os.environ.get("LPSA_TEST_PG_URL"))
    args = parser.parse_args()
    if args.pg:
        run(fresh_pg_database(args.pg), args.processes, args.edits)
    else:
        print("postgresql: skipped (no --pg and no LPSA_TEST_PG_URL)")
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{Path(folder) / 'load.sqlite'}", args.processes, args.edits)


if __name__ == "__main__":
    main()
