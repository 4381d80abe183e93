"""Editors for agreement cells: choices as drop-downs, values as checked line edits.

A line editor checks what is typed as it is typed: text that is not a value turns the box
red with the reason as its tooltip, and a number that is one is announced with
``preview_changed`` so the reward panel can show its effect before Enter is pressed.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from ui.display import ParseError, enum_label
from ui.item_models import cells
from ui.item_models.cells import ADDRESS_ROLE, CHOICES_ROLE, KIND_ROLE, CellKind
from ui.widgets.wrapped_rows import wrapped_height

Index = QModelIndex | QPersistentModelIndex
_PREVIEWED = (CellKind.NUMBER, CellKind.SHARE, CellKind.MONEY)
_SIZES_KEPT = 50_000  # cell sizes remembered (a few MB), then forgotten all at once
_INVALID_STYLE = "QLineEdit { border: 2px solid #c0392b; background: #fdecea; }"


class CellDelegate(QStyledItemDelegate):
    preview_changed = Signal(object, object)  # FieldAddress | None, the typed value

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[Any, ...], QSize] = {}

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        kind = _kind(index)
        choices = index.data(CHOICES_ROLE)
        if kind is CellKind.CHOICE and isinstance(choices, type) and issubclass(choices, Enum):
            combo = QComboBox(parent)
            for member in choices:
                combo.addItem(enum_label(member), member.value)
            # A choice is made in one gesture: commit it at once rather than on focus-out.
            combo.activated.connect(lambda _i, c=combo: self._commit_and_close(c))
            return combo
        editor = QLineEdit(parent)
        editor.setObjectName("cellEditor")
        address = index.data(ADDRESS_ROLE)
        editor.textEdited.connect(lambda text, e=editor: self._check(e, kind, text, address))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(text)))
        elif isinstance(editor, QLineEdit) and not editor.isModified():
            # Qt calls this again when the row is repainted (another writer's commit came
            # in): what the officer has typed so far is kept.
            editor.setText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def destroyEditor(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QLineEdit) and _kind(index) in _PREVIEWED:
            self.preview_changed.emit(None, None)
        super().destroyEditor(editor, index)

    def _check(self, editor: QLineEdit, kind: CellKind | None, text: str, address: Any) -> None:
        if kind is None:
            return
        try:
            value = cells.parse_text(kind, text) if kind is not CellKind.CHOICE else text
        except ParseError as problem:
            editor.setStyleSheet(_INVALID_STYLE)
            editor.setToolTip(str(problem))
            return
        editor.setStyleSheet("")
        editor.setToolTip("")
        if kind in _PREVIEWED and address is not None:
            self.preview_changed.emit(address, value)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        view = self.parent()
        if not isinstance(view, QTreeView):
            return super().sizeHint(option, index)
        # A tree of rows that grow asks every cell of every changed row again (a paste of
        # 1,000 outturns: 36,000 asks, 10 s measured). A cell's size follows from its
        # column, depth, text, fonts and the column's width, so it is worked out once.
        font = index.data(Qt.ItemDataRole.FontRole)
        key = (
            index.column(),
            index.parent().isValid(),
            index.data(Qt.ItemDataRole.DisplayRole),
            font.key() if isinstance(font, QFont) else None,
            option.font.key(),
            view.header().sectionSize(index.column()),
            view.wordWrap(),
            view.uniformRowHeights(),
        )
        size = self._sizes.get(key)
        if size is None:
            size = wrapped_height(view, option, index, super().sizeHint(option, index))
            if len(self._sizes) >= _SIZES_KEPT:
                self._sizes.clear()
            self._sizes[key] = size
        return QSize(size)

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)


def _kind(index: Index) -> CellKind | None:
    value = index.data(KIND_ROLE)
    return CellKind(value) if value else None


def install_cell_delegate(view: QObject) -> CellDelegate:
    """Give ``view`` (a QAbstractItemView) the cell delegate, parented to it."""
    delegate = CellDelegate(view)
    view.setItemDelegate(delegate)  # type: ignore[attr-defined]
    return delegate
