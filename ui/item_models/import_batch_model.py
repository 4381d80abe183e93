"""The import batches of an agreement (or of the store): which file, when, who, reverted?"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt

from ui.display import date_text
from ui.item_models.record_rows_model import RecordRowsModel

if TYPE_CHECKING:
    from lpsa_desktop.storage.import_batch_repository import ImportBatch

_HEADERS = ("Batch", "Agreement", "File", "Imported", "By", "What it did", "Reverted")
_COUNT_WORDS = {
    "targets_added": "targets added",
    "indicators_added": "indicators added",
    "indicators_changed": "indicators changed",
    "freedoms_added": "freedoms added",
    "freedoms_changed": "freedoms changed",
    "rows_rejected": "rows refused",
}


class ImportBatchModel(RecordRowsModel["ImportBatch"]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_HEADERS, parent)

    def set_batches(self, batches: list[ImportBatch]) -> None:
        self.replace_rows(sorted(batches, key=lambda b: b.id, reverse=True))

    def batch_at(self, row: int) -> ImportBatch | None:
        return self.row_at(row)

    def cell(self, batch: ImportBatch, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            reverted = (
                f"{date_text(batch.reverted_at)} by {batch.reverted_by}"
                if batch.reverted_at
                else ""
            )
            values = (
                str(batch.id),
                batch.agreement_ref,
                batch.file_name,
                date_text(batch.imported_at),
                batch.officer,
                counts_text(batch.counts),
                reverted,
            )
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and batch.reverted_at is not None:
            return Qt.GlobalColor.gray
        return None


def counts_text(counts_json: str) -> str:
    """'{"indicators_changed": 3, ...}' → '3 indicators changed, …' (zeros left out)."""
    try:
        counts = json.loads(counts_json)
    except ValueError:
        return ""
    if not isinstance(counts, dict):
        return ""
    return ", ".join(
        f"{counts[key]:,} {words}"
        for key, words in _COUNT_WORDS.items()
        if isinstance(counts.get(key), int) and counts[key]
    )
