"""`lpsa-desktop` itself, as a user starts it: arguments, the demo, a clean exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from lpsa_desktop.services.agreement_queries import list_agreements
from lpsa_desktop.storage.store import Store
from ui.app import QUIT_AFTER_SHOW, build_parser


def run_window(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", QUIT_AFTER_SHOW: "1"}
    return subprocess.run(
        [sys.executable, "-m", "ui.app", "--db", str(store), *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def refs(store: Path) -> list[str]:
    opened = Store.open(str(store))
    try:
        return [s.ref for s in list_agreements(opened)]
    finally:
        opened.close()


def test_demo_adds_the_demo_agreement_to_an_empty_store_once(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    first = run_window(store, "--demo")
    assert first.returncode == 0, first.stderr[-800:]
    assert "window shown" in first.stdout
    assert refs(store) == ["bath-ne-somerset-lpsa1"]
    assert run_window(store, "--demo").returncode == 0
    assert refs(store) == ["bath-ne-somerset-lpsa1"]  # not a second copy


def test_without_demo_an_empty_store_stays_empty(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    assert run_window(store).returncode == 0
    assert refs(store) == []


def test_the_arguments_are_those_of_the_cli_contract() -> None:
    args = build_parser().parse_args(["--db", "x.sqlite", "--demo"])
    assert (args.db, args.demo) == ("x.sqlite", True)
    assert build_parser().parse_args([]).demo is False
