"""A pasted block checked against the cells it covers, before anything is changed.

Every covered cell must take its text: it must be editable, the text must parse as that
cell's kind of value, and the core must accept the value (``check_value``). One cell that
cannot makes the whole paste refused, with every such cell named, so a paste is never half
done. Cells that already hold the pasted value are left out of the edits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView

from lpsa_desktop.errors import InvalidValueError
from lpsa_desktop.services import agreement_edits
from ui.clipboard.cell_block import Block
from ui.clipboard.view_cells import paste_origin, shown_rows, visible_columns
from ui.display import ParseError
from ui.item_models.cells import FieldEdit

Index = QModelIndex | QPersistentModelIndex
_NAMED = 8  # cells named in a refusal; the rest are counted
_TAKES_A_VALUE = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable  # once, not a cell


class EditableModel(Protocol):
    def flags(self, index: Index) -> Qt.ItemFlag: ...

    def proposed_edit(self, index: Index, text: str) -> FieldEdit | None: ...


@dataclass
class PastePlan:
    edits: list[FieldEdit] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    cells: int = 0

    def refusal(self, done: str = "pasted") -> str:
        named = self.problems[:_NAMED]
        more = len(self.problems) - len(named)
        tail = f"; and {more} more" if more else ""
        return (
            f"Nothing {done}: {len(self.problems)} of the {self.cells} cells cannot take the "
            f"value. " + "; ".join(named) + tail + "."
        )


def plan_paste(view: QAbstractItemView, block: Block) -> PastePlan:
    """The edits that pasting ``block`` at the view's selection asks for."""
    plan = PastePlan()
    model = view.model()
    if not block or not hasattr(model, "proposed_edit"):
        return plan
    shown = shown_rows(view)
    origin = paste_origin(view, [row for row, _parent in shown])
    if not origin.isValid():
        plan.problems.append("choose the cell to paste into first")
        return plan
    # Into indicators, a pasted column runs down the indicators and skips the targets'
    # heading rows between them, as the officer's sheet has one row per indicator.
    nested = origin.parent().isValid()
    rows = [(row, parent) for row, parent in shown if parent.isValid() == nested]
    columns = visible_columns(view)
    row_at = next(
        n
        for n, (r, _parent) in enumerate(rows)
        if (r.row(), r.internalId()) == (origin.row(), origin.internalId())
    )
    column_at = columns.index(origin.column())
    targets = _covered(view, block, rows, columns, (row_at, column_at))
    plan.cells = len(targets)
    for index, text in targets:
        if index is None:
            plan.problems.append(f"{text!r} would go past the end of the table")
            continue
        _plan_cell(model, index, text, plan)
    if plan.problems:
        plan.edits.clear()
    return plan


def _covered(
    view: QAbstractItemView,
    block: Block,
    rows: list[tuple[QModelIndex, QModelIndex]],
    columns: list[int],
    at: tuple[int, int],
) -> list[tuple[QModelIndex | None, str]]:
    """(cell, text) for every cell the block covers; one value fills a whole selection."""
    selection = view.selectionModel()
    chosen = selection.selectedIndexes() if selection is not None else []
    if len(block) == 1 and len(block[0]) == 1 and len(chosen) > 1:
        return [(index, block[0][0]) for index in chosen]
    model = view.model()
    covered: list[tuple[QModelIndex | None, str]] = []
    for r, line in enumerate(block):
        for c, text in enumerate(line):
            row, column = at[0] + r, at[1] + c
            if row >= len(rows) or column >= len(columns):
                covered.append((None, text))
            else:
                # The row's parent is known: one call into the model, where
                # ``siblingAtColumn`` makes two (the parent, then the index).
                first, parent = rows[row]
                covered.append((model.index(first.row(), columns[column], parent), text))
    return covered


def _plan_cell(model: EditableModel, index: QModelIndex, text: str, plan: PastePlan) -> None:
    if not model.flags(index) & _TAKES_A_VALUE:
        plan.problems.append(f"{_cell_name(index)} cannot be edited")
        return
    try:
        edit = model.proposed_edit(index, text)
    except ParseError as problem:
        plan.problems.append(f"{_cell_name(index)}: {problem}")
        return
    if edit is None:
        return
    try:
        agreement_edits.check_value(edit.address, edit.new)
    except InvalidValueError as problem:
        plan.problems.append(f"{_cell_name(index)}: {problem}")
        return
    plan.edits.append(edit)


def _cell_name(index: QModelIndex) -> str:
    """'Outturn of 1.2' as the officer sees it: the column heading and the row's ref."""
    model = index.model()
    heading = model.headerData(index.column(), Qt.Orientation.Horizontal)
    ref = index.siblingAtColumn(0).data(Qt.ItemDataRole.DisplayRole)
    return f"{heading} of {ref}" if ref else str(heading)
