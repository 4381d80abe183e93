"""The agreements in the store, narrowed as the officer types; choosing one opens it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.item_models.agreement_list_model import REF_ROLE, AgreementFilterModel, AgreementListModel


class _FilterEdit(QLineEdit):
    """Down arrow goes from the filter into the list, as in a browser's address bar."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class NavigatorPanel(QWidget):
    agreement_chosen = Signal(str)

    def __init__(self, model: AgreementListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = AgreementFilterModel(self)
        self.proxy.setSourceModel(model)
        self.filter_edit = _FilterEdit()
        self.filter_edit.setObjectName("agreementFilter")
        self.filter_edit.setPlaceholderText("Filter agreements (Ctrl+F)")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter agreements")
        self.list = QTreeView()
        self.list.setObjectName("agreementList")
        self.list.setAccessibleName("Agreements")
        self.list.setModel(self.proxy)
        self.list.setRootIsDecorated(False)
        self.list.setHeaderHidden(True)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list)
        self._chosen_ref: str | None = None
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self.filter_edit.returnPressed.connect(self._on_filter_accepted)
        self.filter_edit.down_pressed.connect(self._focus_list)
        self.list.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._reselect)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def show_chosen(self, ref: str | None) -> None:
        """Highlight ``ref`` without announcing it again."""
        self._chosen_ref = ref
        self._reselect()

    def _reselect(self) -> None:
        row = self.model.row_of(self._chosen_ref) if self._chosen_ref else -1
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        if index.isValid():
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            selection.clearSelection()
        selection.blockSignals(False)

    def _on_filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        if self.proxy.rowCount() == 1:  # one match left: that is the one they want
            self._choose(self.proxy.index(0, 0))

    def _on_filter_accepted(self) -> None:
        if self.proxy.rowCount():
            self._choose(self.proxy.index(0, 0))
            self.list.setFocus()

    def _focus_list(self) -> None:
        self.list.setFocus()
        if not self.list.currentIndex().isValid() and self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._choose(current)

    def _choose(self, index: QModelIndex) -> None:
        ref = index.data(REF_ROLE)
        if isinstance(ref, str) and ref != self._chosen_ref:
            self._chosen_ref = ref
            self._reselect()
            self.agreement_chosen.emit(ref)
