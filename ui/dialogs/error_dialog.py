"""Telling the officer that something went wrong, in plain words, with where the details are.

Two kinds: a refusal (an LpsaError: the input or the store said no; nothing was changed)
and a fault (a bug or the machine: logged with its traceback, and the dialog gives the log
file's path). Either way the store is as the last completed edit left it.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.widgets.dialog_focus import return_focus_when_closed


class ErrorDialog(QMessageBox):
    def __init__(
        self, error: BaseException, log_path: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle("LPSA Desk: unexpected error")
        self.setText(f"Something went wrong: {type(error).__name__}: {error}")
        where = (
            f"The details are in the log file:\n{log_path}"
            if log_path
            else "No log file could be written."
        )
        self.setInformativeText(
            "Your agreements are safe: every edit up to the last completed one is saved.\n\n"
            + where
        )
        self.setDetailedText("".join(traceback.format_exception(error)))
        self.log_path = log_path
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        if log_path is not None:
            # Either button closes the box (QMessageBox's rule); the path goes to the clipboard
            # in both cases, ready to paste into an e-mail to support.
            self.open_button = self.addButton("Open log folder", QMessageBox.ButtonRole.ActionRole)
            self.open_button.clicked.connect(self.open_log_folder)
            self.buttonClicked.connect(lambda _button: self.copy_log_path())

    def copy_log_path(self) -> None:
        QGuiApplication.clipboard().setText(str(self.log_path))

    def open_log_folder(self) -> None:
        if self.log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))


def show_refusal(parent: QWidget | None, title: str, message: str) -> None:
    """An input or action the core refused: what and why, nothing more to see."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("refusalDialog")
    return_focus_when_closed(box)
    box.open()
