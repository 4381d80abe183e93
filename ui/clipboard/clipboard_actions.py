"""Edit ▸ Cut, Copy and Paste: for the text box being typed in, else for the table's cells.

A copy puts the selected cells on the clipboard as tab-separated text and as an HTML table
(Excel and LibreOffice paste either as cells). A paste reads a block of cells from the
clipboard, checks it against the cells it covers (``paste_plan``) and hands the edits to
``push_edits``, which makes them one undo command; when any cell cannot take its value the
officer is told which, and nothing changes. Cut is a copy, then the cells emptied the same
way (so a cell that must have a value refuses, and nothing is cut).
"""

from __future__ import annotations

import atexit
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QMimeData, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ui.clipboard.cell_block import block_html, block_text, parse_block
from ui.clipboard.paste_plan import plan_paste
from ui.clipboard.view_cells import selected_block
from ui.item_models.cells import FieldEdit

PushEdits = Callable[[list[FieldEdit], str], None]
_TEXT_BOXES = (QLineEdit, QTextEdit, QPlainTextEdit)


_offered: list[QMimeData] = []  # the cells this program put on the clipboard, if still there


def offer_block(text_rows: list[list[str]]) -> None:
    """Put cells on the clipboard as text and HTML."""
    mime = QMimeData()
    mime.setText(block_text(text_rows))
    mime.setHtml(block_html(text_rows))
    QGuiApplication.clipboard().setMimeData(mime)
    _offered[:] = [mime]


def release_offered_block() -> None:
    """Swap our clipboard data for a copy Qt makes itself, before Python shuts down.

    The clipboard owns the QMimeData given to it and deletes it when Qt's own globals are
    torn down, after Python has finished; a QMimeData made in Python calls back into Python
    as it is deleted, and that crashed the process on exit (seen offscreen). Text made by
    ``setText`` is Qt's own object, so the copied cells stay on the clipboard as text.
    """
    clipboard = QGuiApplication.clipboard()
    if _offered and clipboard.mimeData() is _offered[0]:
        clipboard.setText(_offered[0].text())
    _offered.clear()


class TableClipboard(QObject):
    """Copy and paste for a set of item views whose models offer ``proposed_edit``."""

    def __init__(
        self,
        views: Sequence[QAbstractItemView],
        push_edits: PushEdits,
        refuse: Callable[[str], None],
        say: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if app is not None and not _offered_release_hooked:
            _hook_release(app)
        self._views = list(views)
        self._push_edits = push_edits
        self._refuse = refuse
        self._say = say

    def add_view(self, view: QAbstractItemView) -> None:
        """A view built later (a tab's table, on the tab's first show) takes part too."""
        self._views.append(view)

    def view_in_focus(self) -> QAbstractItemView | None:
        widget: QWidget | None = QApplication.focusWidget()
        while widget is not None:
            if widget in self._views:
                return widget
            widget = widget.parentWidget()
        return None

    # -- the three commands (the focused text box gets them first) ---------------------------

    def copy(self) -> None:
        box = _text_box_in_focus()
        if box is not None:
            box.copy()
            return
        view = self.view_in_focus()
        if view is not None:
            self.copy_from(view)

    def cut(self) -> None:
        box = _text_box_in_focus()
        if box is not None:
            box.cut()
            return
        view = self.view_in_focus()
        if view is not None and self.copy_from(view):
            self.paste_into(view, [[""] * len(row) for row in selected_block(view)], "cut")

    def paste(self) -> None:
        box = _text_box_in_focus()
        if box is not None:
            box.paste()
            return
        view = self.view_in_focus()
        if view is None:
            return
        block = parse_block(QGuiApplication.clipboard().text())
        if not block:
            self._say("Nothing to paste: the clipboard holds no text")
            return
        self.paste_into(view, block, "paste")

    # -- on a given view (tests and the walk-through call these) -----------------------------

    def copy_from(self, view: QAbstractItemView) -> bool:
        block = selected_block(view)
        if not block:
            self._say("Nothing copied: select the cells to copy first")
            return False
        offer_block(block)
        cells = sum(len(row) for row in block)
        self._say(f"Copied {cells} cell{'s' if cells != 1 else ''}")
        return True

    def paste_into(self, view: QAbstractItemView, block: list[list[str]], verb: str) -> None:
        plan = plan_paste(view, block)
        if plan.problems:
            self._refuse(plan.refusal("cut" if verb == "cut" else "pasted"))
            return
        if not plan.edits:
            self._say(f"Nothing to {verb}: the cells already hold those values")
            return
        count = len(plan.edits)
        label = f"{verb} {count} cell{'s' if count != 1 else ''}"
        self._say(
            f"{label[:1].upper()}{label[1:]} (Ctrl+Z undoes {'it' if count == 1 else 'them'})"
        )
        self._push_edits(plan.edits, label)  # after: its warning, if any, is the last word


_offered_release_hooked: list[bool] = []


def _hook_release(app: QCoreApplication) -> None:
    app.aboutToQuit.connect(release_offered_block)
    atexit.register(release_offered_block)  # a process that never runs aboutToQuit (tests)
    _offered_release_hooked.append(True)


def _text_box_in_focus() -> QLineEdit | QTextEdit | QPlainTextEdit | None:
    widget = QApplication.focusWidget()
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    if isinstance(widget, _TEXT_BOXES):
        return widget
    return None
