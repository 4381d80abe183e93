"""An agreement's councils in order (the first is the lead, accountable one), with buttons
to add, remove, reorder and edit them. A view: it asks, the controller does."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QListWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.domain.agreement import Council
from ui.display import enum_label


def council_line(council: Council, lead: bool) -> str:
    details = [council.code or "", enum_label(council.type) if council.type else ""]
    shown = ", ".join(d for d in details if d)
    return council.name + (f" ({shown})" if shown else "") + ("  – lead" if lead else "")


class CouncilsEditor(QWidget):
    add_requested = Signal()
    remove_requested = Signal(int)  # index
    move_requested = Signal(int, int)  # index, new index
    details_requested = Signal(int)  # index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("councilList")
        self.list.setAccessibleName("Councils (the first is the lead, accountable one)")
        self.list.setMaximumHeight(96)
        # A council's line wraps rather than running off under a scroll bar (a county's
        # name, code and type fill the box, the more so in presentation mode's larger text).
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_button = self._button("Add…", "Add a council (one the store holds, or a new one)")
        self.remove_button = self._button("Remove", "Unlink it from this agreement only")
        self.up_button = self._button("Up", "Move up (the first is the lead council)")
        self.down_button = self._button("Down", "Move down")
        self.details_button = self._button(
            "Details…",
            "Name, code, type, population, CPA category (for every agreement sharing it)",
        )
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.details_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._connect_signals()
        self._update_buttons()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        return button

    def _connect_signals(self) -> None:
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list.itemActivated.connect(lambda _item: self._on_details())
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(
            lambda: self.remove_requested.emit(self.list.currentRow())
        )
        self.up_button.clicked.connect(lambda: self._on_move(-1))
        self.down_button.clicked.connect(lambda: self._on_move(1))
        self.details_button.clicked.connect(self._on_details)

    def set_councils(self, councils: tuple[Council, ...]) -> None:
        row = self.list.currentRow()
        self.list.clear()
        for index, council in enumerate(councils):
            line = council_line(council, index == 0)
            self.list.addItem(line)
            self.list.item(index).setToolTip(line)
        if councils:
            self.list.setCurrentRow(max(0, min(row, len(councils) - 1)))
        self._update_buttons()

    def set_editable(self, editable: bool) -> None:
        """Presentation mode shows the councils but offers no editing."""
        for button in (
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.details_button,
        ):
            button.setVisible(editable)
        # On the wall a highlighted row reads as "chosen" for no reason: no selection there.
        self.list.setSelectionMode(
            QAbstractItemView.SelectionMode.SingleSelection
            if editable
            else QAbstractItemView.SelectionMode.NoSelection
        )
        if not editable:
            self.list.clearSelection()

    def _on_move(self, step: int) -> None:
        row = self.list.currentRow()
        to = row + step
        if row >= 0 and 0 <= to < self.list.count():
            self.move_requested.emit(row, to)
            self.list.setCurrentRow(to)

    def _on_details(self) -> None:
        if self.list.currentRow() >= 0:
            self.details_requested.emit(self.list.currentRow())

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        self.remove_button.setEnabled(row >= 0 and count > 1)  # an agreement keeps a lead
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.details_button.setEnabled(row >= 0)
