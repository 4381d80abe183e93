"""Importing a return can record the imported position as a negotiation round."""

from __future__ import annotations

from pathlib import Path

import pytest

from lpsa_desktop.cli.main import main
from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.services.rounds import list_rounds
from lpsa_desktop.storage.store import Store
from tests.core.importing.workbooks import ROW_1A, ROW_2, write_return

pytestmark = pytest.mark.both_engines


def test_an_applied_import_records_its_round_in_the_same_transaction(
    store_location: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_return(tmp_path / "testshire.xlsx", [ROW_1A, ROW_2])
    code = main(
        ["--db", store_location, "import", str(path), "--yes", "--round", "Council proposal 1"]
    )
    assert code == 0, capsys.readouterr().err
    store = Store.open(store_location)
    try:
        [taken] = list_rounds(store, "testshire-lpsa2")
    finally:
        store.close()
    assert (taken.name, taken.party, taken.source) == (
        "Council proposal 1",
        Party.COUNCIL,
        "import testshire.xlsx",
    )
    assert [i.ref for t in taken.snapshot.targets for i in t.indicators] == ["1a", "2"]


def test_a_dry_run_records_no_round(
    store_location: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_return(tmp_path / "testshire.xlsx", [ROW_1A])
    assert (
        main(
            [
                "--db",
                store_location,
                "import",
                str(path),
                "--dry-run",
                "--round",
                "Council proposal 1",
            ]
        )
        == 0
    )
    store = Store.open(store_location)
    try:
        assert list_rounds(store, "testshire-lpsa2") == []
    finally:
        store.close()
