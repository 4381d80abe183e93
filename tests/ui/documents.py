"""Files for the window's document tests: council returns made from the template, identities."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from lpsa_desktop.exporting.identity import IdentityFiles, create_identity
from lpsa_desktop.services.return_template import write_return_template
from lpsa_desktop.storage.store import Store

DEMO = "bath-ne-somerset-lpsa1"
PASSPHRASE = "correct horse battery"


def write_return(store_path: Path, out: Path, changes: dict[tuple[str, str], object]) -> Path:
    """The demo's own return template with ``changes``: (indicator ref, column header) → value."""
    store = Store.open(str(store_path))
    try:
        write_return_template(store, DEMO, out)
    finally:
        store.close()
    book = openpyxl.load_workbook(out)
    sheet = book["Targets"]
    headers = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        indicator = row[1].value or row[0].value
        for (ref, header), value in changes.items():
            if str(indicator) == ref:
                row[headers.index(header)].value = value
    book.save(out)
    return out


def make_identity(folder: Path, name: str = "David Pennington") -> IdentityFiles:
    return create_identity(
        folder / f"{name.rsplit(maxsplit=1)[-1].lower()}.p12",
        name=name,
        organisation="Bath and North East Somerset Council",
        passphrase=PASSPHRASE.encode(),
    )
