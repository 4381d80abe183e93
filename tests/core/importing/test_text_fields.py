"""Text columns (Notes, Data source) read as text; 'tbc' there means no text yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from lpsa_desktop.cli.main import main
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.storage.store import Store
from tests.core.importing.workbooks import HEADER, ROW_1A, write_return


def test_tbc_in_a_text_column_clears_it_with_a_warning_and_never_crashes(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'tbc' in Notes or Data source means no text yet: stored as empty text, with a
    warning; re-importing over existing notes used to fail with an integrity error."""
    header = [*HEADER, "Notes", "Data source"]
    first = write_return(
        tmp_path / "a.xlsx", [[*ROW_1A, "Agreed with the police", "STATS19"]], header=header
    )
    assert main(["--db", str(store_path), "import", str(first), "--yes"]) == 0
    second = write_return(tmp_path / "b.xlsx", [[*ROW_1A, "tbc", "TBC"]], header=header)
    code = main(["--db", str(store_path), "import", str(second), "--yes"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "to be confirmed" in out
    store = Store.open(str(store_path))
    try:
        target, indicator = load_agreement(store, "testshire-lpsa2").find_indicator("1a")  # type: ignore[misc]
    finally:
        store.close()
    assert (target.notes, indicator.definition) == ("", "")
