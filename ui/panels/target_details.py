"""The chosen target or indicator: its whole text, and a compact two-column form of the
fields the tree leaves out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from lpsa_desktop.domain.agreement import Indicator, Target
from ui.item_models.target_columns import TREE_COLUMNS, TreeColumn
from ui.widgets.field_widgets import BoundLineEdit
from ui.widgets.full_text import FullText

_DETAIL_COLUMNS = [c for c in TREE_COLUMNS if not c.in_tree]
_HEADERS = {c.key: c.header for c in TREE_COLUMNS}
# The texts read whole in the pane beside the form (column key, field), in this order.
_TARGET_TEXTS = (("notes", "notes"), ("internal_notes", "internal_notes"),
                 ("priority", "priority"), ("lead_partner", "lead_partner"))  # fmt: skip
_INTERNAL = {c.key for c in TREE_COLUMNS if c.internal}


class TargetDetails(QGroupBox):
    committed = Signal(str, object)  # field, value (of the target or indicator shown)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Details", parent)
        self.widgets: dict[str, BoundLineEdit] = {}
        self._rows: dict[str, QFormLayout] = {}
        self._pages = QStackedWidget()
        self._pages.addWidget(QLabel("Choose a target or an indicator to see all its fields."))
        self._pages.addWidget(self._page([c for c in _DETAIL_COLUMNS if c.target_field], "target"))
        self._pages.addWidget(
            self._page([c for c in _DETAIL_COLUMNS if c.indicator_field], "indicator")
        )
        self.full_text = FullText()
        form_area = QScrollArea()
        form_area.setObjectName("detailForm")
        form_area.setWidgetResizable(True)
        form_area.setFrameShape(QScrollArea.Shape.NoFrame)
        form_area.setWidget(self._pages)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.full_text, 2)
        layout.addWidget(form_area, 3)
        self._show_internal = True
        self._shown: tuple[Target | Indicator | None, Target | None] = (None, None)

    def show_item(self, item: Target | Indicator | None, target: Target | None = None) -> None:
        """Show ``item``; ``target`` is the indicator's own target (its title is read too)."""
        self._shown = (item, target)
        self._show_full_text(item, target)
        if item is None:
            self.setTitle("Details")
            self._pages.setCurrentIndex(0)
            return
        is_indicator = isinstance(item, Indicator)
        kind = "indicator" if is_indicator else "target"
        self.setTitle(f"{kind.capitalize()} {item.ref}: details")
        self._pages.setCurrentIndex(2 if is_indicator else 1)
        unit = {"unit": item.unit, "decimals": item.decimals} if isinstance(item, Indicator) else {}
        for key, widget in self.widgets.items():
            if key.startswith(kind + ":"):
                widget.show_value(getattr(item, widget.field), **unit)

    def set_show_internal(self, show: bool) -> None:
        self._show_internal = show
        self._show_full_text(*self._shown)
        for key, widget in self.widgets.items():
            column = next(c for c in _DETAIL_COLUMNS if key.endswith(":" + c.key))
            if column.internal:
                self._rows[key].setRowVisible(widget, show)

    def _show_full_text(self, item: Target | Indicator | None, target: Target | None) -> None:
        if item is None:
            self.full_text.show_text("", [])
        elif isinstance(item, Indicator):
            parts = [("", item.description), (_HEADERS["definition"], item.definition)]
            if target is not None:
                parts.append((f"Target {target.ref}", target.title))
            self.full_text.show_text(f"Indicator {item.ref}", parts)
        else:
            texts = [
                (_HEADERS[key], str(getattr(item, field) or ""))
                for key, field in _TARGET_TEXTS
                if self._show_internal or key not in _INTERNAL
            ]
            self.full_text.show_text(f"Target {item.ref}", [("", item.title), *texts])

    def _page(self, columns: list[TreeColumn], kind: str) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        halves = (columns[: (len(columns) + 1) // 2], columns[(len(columns) + 1) // 2 :])
        for half in halves:
            form = QFormLayout()
            for column in half:
                field = column.indicator_field if kind == "indicator" else column.target_field
                assert field is not None
                widget = BoundLineEdit(field, column.kind, optional=column.optional)
                widget.setObjectName(f"detail_{column.key}")
                widget.committed.connect(self._forward)
                key = f"{kind}:{column.key}"
                self.widgets[key] = widget
                self._rows[key] = form
                form.addRow(column.header, widget)
            row.addLayout(form, 1)
        return page

    def _forward(self, field: str, value: Any) -> None:
        self.committed.emit(field, value)
