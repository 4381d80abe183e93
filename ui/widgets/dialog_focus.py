"""Give the keyboard back to the window a dialog came from, when the dialog closes.

A window manager activates the parent window when a dialog goes away; without one (Xvfb,
some kiosk set-ups) and on some desktops nothing does, and the window's shortcuts stayed
dead until the officer clicked into it. The window is activated again, and the widget that
had the focus before the dialog gets it back.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QApplication, QDialog


def return_focus_when_closed(dialog: QDialog) -> None:
    parent = dialog.parentWidget()
    if parent is None:
        return
    window = parent.window()
    had_focus = QApplication.focusWidget()

    def give_back(_result: int = 0) -> None:
        if (
            not shiboken6.isValid(window)
            or not window.isVisible()
            or QApplication.activeModalWidget() not in (None, dialog)
        ):
            return
        window.activateWindow()
        if had_focus is None or not shiboken6.isValid(had_focus):
            return  # the widget that had the focus is gone (a cell editor, say)
        if had_focus.window() is window and had_focus.isVisible():
            had_focus.setFocus()

    dialog.finished.connect(give_back)
