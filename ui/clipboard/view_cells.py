"""The cells of an item view in the order the officer sees them.

A tree's rows are walked top to bottom through expanded branches (what ``indexBelow``
gives), a table's rows are those not hidden; columns are taken in their on-screen order,
without hidden ones. A block pasted at a cell covers the cells to its right and below in
that order, as in a spreadsheet.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QTreeView

from ui.clipboard.cell_block import Block


def visible_rows(view: QAbstractItemView) -> list[QModelIndex]:
    """The first-column index of every row on show, top to bottom."""
    return [row for row, _parent in shown_rows(view)]


def shown_rows(view: QAbstractItemView) -> list[tuple[QModelIndex, QModelIndex]]:
    """(first-column index, its parent) of every row on show, top to bottom: the rows
    ``indexBelow`` walks through, found from the model down (a paste of 1,000 rows asked
    the model for each row's parent three times over)."""
    model = view.model()
    root = view.rootIndex()
    if isinstance(view, QTreeView):
        rows: list[tuple[QModelIndex, QModelIndex]] = []
        _walk(view, root, rows)
        return rows
    assert isinstance(view, QTableView)
    return [
        (model.index(row, 0, root), root)
        for row in range(model.rowCount(root))
        if not view.isRowHidden(row)
    ]


def _walk(
    view: QTreeView, parent: QModelIndex, rows: list[tuple[QModelIndex, QModelIndex]]
) -> None:
    model = view.model()
    for row in range(model.rowCount(parent)):
        if view.isRowHidden(row, parent):
            continue
        index = model.index(row, 0, parent)
        rows.append((index, parent))
        if view.isExpanded(index):
            _walk(view, index, rows)


def visible_columns(view: QAbstractItemView) -> list[int]:
    """Logical column numbers in the order they are shown."""
    header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()  # type: ignore[attr-defined]
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    return sorted(shown, key=header.visualIndex)


def cell(view: QAbstractItemView, row: QModelIndex, column: int) -> QModelIndex:
    return row.siblingAtColumn(column)


def selected_block(view: QAbstractItemView) -> Block:
    """The shown text of the selected cells, as the smallest rectangle holding them all
    (cells inside it that are not selected are left empty, as spreadsheets do)."""
    selection = view.selectionModel()
    chosen = selection.selectedIndexes() if selection is not None else []
    if not chosen and view.currentIndex().isValid():
        chosen = [view.currentIndex()]
    if not chosen:
        return []
    rows = visible_rows(view)
    row_of = {(r.row(), r.internalId()): n for n, r in enumerate(rows)}
    columns = visible_columns(view)
    column_of = {c: n for n, c in enumerate(columns)}
    placed = {}
    for index in chosen:
        row = row_of.get((index.row(), index.internalId()))
        column = column_of.get(index.column())
        if row is not None and column is not None:
            placed[(row, column)] = index
    if not placed:
        return []
    left, right = min(c for _, c in placed), max(c for _, c in placed)
    # Rows with nothing selected (a target's heading between two indicators) are left out.
    chosen_rows = sorted({r for r, _ in placed})
    return [[_shown_text(placed.get((r, c))) for c in range(left, right + 1)] for r in chosen_rows]


def _shown_text(index: QModelIndex | None) -> str:
    if index is None:
        return ""
    check = index.data(Qt.ItemDataRole.CheckStateRole)
    if check is not None:
        return "yes" if Qt.CheckState(check) == Qt.CheckState.Checked else "no"
    text = index.data(Qt.ItemDataRole.DisplayRole)
    return "" if text is None else str(text)


def paste_origin(view: QAbstractItemView, rows: list[QModelIndex] | None = None) -> QModelIndex:
    """Where a paste starts: the top-left selected cell, else the current cell. ``rows``:
    ``visible_rows(view)``, if the caller has them already."""
    selection = view.selectionModel()
    chosen = selection.selectedIndexes() if selection is not None else []
    if not chosen:
        return view.currentIndex()
    if rows is None:
        rows = visible_rows(view)
    row_of = {(r.row(), r.internalId()): n for n, r in enumerate(rows)}
    column_of = {c: n for n, c in enumerate(visible_columns(view))}
    return min(
        chosen,
        key=lambda i: (
            row_of.get((i.row(), i.internalId()), len(rows)),
            column_of.get(i.column(), len(column_of)),
        ),
    )
