"""The import batches of an agreement (or of the store): which file, when, who, reverted?"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ui.display import date_text

if TYPE_CHECKING:
    from lpsa_desktop.storage.import_batch_repository import ImportBatch

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, Qt's default parent
_HEADERS = ("Batch", "Agreement", "File", "Imported", "By", "What it did", "Reverted")
_COUNT_WORDS = {
    "targets_added": "targets added",
    "indicators_added": "indicators added",
    "indicators_changed": "indicators changed",
    "freedoms_added": "freedoms added",
    "freedoms_changed": "freedoms changed",
    "rows_rejected": "rows refused",
}


class ImportBatchModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._batches: list[ImportBatch] = []

    def set_batches(self, batches: list[ImportBatch]) -> None:
        self.beginResetModel()
        self._batches = sorted(batches, key=lambda b: b.id, reverse=True)
        self.endResetModel()

    def batch_at(self, row: int) -> ImportBatch | None:
        return self._batches[row] if 0 <= row < len(self._batches) else None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._batches)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_HEADERS)
        ):
            return _HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        batch = self._batches[index.row()]
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
            return values[index.column()]
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
