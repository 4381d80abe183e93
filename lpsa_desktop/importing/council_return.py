"""Reading one return file whole: which sheet is which, then each sheet read.

Sheets are recognised by name (case and spacing ignored) or, failing that, by their
headers; any other sheet is listed as ignored. Nothing here touches the store.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from lpsa_desktop.importing.agreement_sheet import looks_like_agreement, read_agreement_sheet
from lpsa_desktop.importing.calamine_errors import refusing_panics
from lpsa_desktop.importing.column_mapping import fold_header
from lpsa_desktop.importing.errors import NoTargetsSheetError
from lpsa_desktop.importing.file_kind import check_regular_file
from lpsa_desktop.importing.freedoms_sheet import looks_like_freedoms, read_freedoms_table
from lpsa_desktop.importing.issues import ImportIssue
from lpsa_desktop.importing.periods_sheet import SHEET_NAMES as PERIOD_SHEET_NAMES
from lpsa_desktop.importing.periods_sheet import PeriodsRead, read_periods_sheet
from lpsa_desktop.importing.return_model import AgreementFields, CouncilReturn, TableRead
from lpsa_desktop.importing.targets_sheet import looks_like_targets, read_targets_table
from lpsa_desktop.importing.workbook_reader import SheetGrid, WorkbookSource
from lpsa_desktop.progress import ProgressCallback, ignore_progress

_SHEET_NAMES = {
    "agreement": ("Agreement", "Details", "Council", "Cover"),
    "targets": ("Targets", "Schedule 1", "Stretch targets", "Targets and indicators"),
    "freedoms": ("Freedoms", "Freedoms and flexibilities", "F&F", "Schedule 2"),
    "periods": PERIOD_SHEET_NAMES,  # outturns over time: chosen by name only
}
_KIND_BY_NAME = {fold_header(n)[0]: kind for kind, names in _SHEET_NAMES.items() for n in names}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def read_return(
    path: Path,
    *,
    overrides: Mapping[str, str] | None = None,
    progress: ProgressCallback = ignore_progress,
) -> CouncilReturn:
    """Read ``path`` as a council return. File-level problems raise ImportRefusedError;
    cell and row problems are issues in the result. ``progress`` hears the Targets rows
    read of the sheet's rows."""
    file = path.name
    check_regular_file(path)  # before hashing: a missing file or a pipe is refused plainly
    sha = file_sha256(path)
    with refusing_panics(file), WorkbookSource(path) as book:
        chosen = _choose_sheets(file, book)
        targets = read_targets_table(file, chosen["targets"], overrides, progress)
        agreement, issues = AgreementFields(), list[ImportIssue]()
        if "agreement" in chosen:
            agreement, issues = read_agreement_sheet(file, chosen["agreement"])
        freedoms: TableRead | None = None
        if "freedoms" in chosen:
            freedoms = read_freedoms_table(file, chosen["freedoms"])
        periods: PeriodsRead | None = None
        if "periods" in chosen:
            periods = read_periods_sheet(file, chosen["periods"])
    used = {grid.name for grid in chosen.values()}
    ignored = [name for name in book.sheet_names if name not in used]
    return CouncilReturn(
        file=file,
        sha256=sha,
        targets_table=targets,
        freedoms_table=freedoms,
        agreement=agreement,
        agreement_sheet=chosen["agreement"].name if "agreement" in chosen else None,
        ignored_sheets=ignored,
        hidden_sheets=list(book.hidden_sheets),
        issues=issues,
        saved_mapping_layout=targets.mapping.layout,
        periods=periods,
    )


def _choose_sheets(file: str, book: WorkbookSource) -> dict[str, SheetGrid]:
    chosen: dict[str, SheetGrid] = {}
    unnamed: list[str] = []
    for name in book.sheet_names:
        kind = _KIND_BY_NAME.get(fold_header(name)[0])
        if kind and kind not in chosen:
            chosen[kind] = book.load(name)
        else:
            unnamed.append(name)
    if "targets" in chosen and not looks_like_targets(chosen["targets"]):
        unnamed.append(chosen.pop("targets").name)
    tests = (
        ("targets", looks_like_targets),
        ("agreement", looks_like_agreement),
        ("freedoms", looks_like_freedoms),
    )
    for name in unnamed:
        grid = book.load(name)
        for kind, looks_like in tests:
            if kind in chosen:
                continue
            if looks_like(grid):
                chosen[kind] = grid
                break
    if "targets" not in chosen:
        sheets = ", ".join(repr(n) for n in book.sheet_names) or "none"
        raise NoTargetsSheetError(
            file,
            f"no sheet of targets found (sheets: {sheets}); expected a sheet named Targets "
            "or one with headers such as Target, Indicator, Baseline",
        )
    return chosen
