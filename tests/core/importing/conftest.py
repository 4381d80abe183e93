"""Every reading test runs twice: sheets read whole by calamine and their rows read in one
batch, and sheets cut into small pieces read one after another (``sheet_pieces``, which
big sheets take) with their rows read a few at a time, as a big return's are. The two ways
are held to the same results."""

from __future__ import annotations

import pytest

from lpsa_desktop.importing import sheet_extent, sheet_pieces, targets_sheet


@pytest.fixture(autouse=True, params=["whole", "pieces"])
def sheet_reading(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "pieces":
        # Every sheet past 80 bytes of XML is cut, into pieces of a few rows each.
        monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 40)
        monkeypatch.setattr(sheet_extent, "CHUNK", 512)  # many segments, as a big sheet has
        monkeypatch.setattr(targets_sheet, "BATCH_ROWS", 3)
    return str(request.param)
