"""The Export dialog is as tall as what it shows: no empty band above its buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from tests.ui.conftest import OpenWindow
from ui.dialogs.export_dialog import ExportDialog


def test_the_export_dialog_has_no_gap_above_its_buttons(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    opened.controller.files.export_pdf()
    dialog = opened.controller.files.dialog
    assert isinstance(dialog, ExportDialog)
    opened.qtbot.waitExposed(dialog)
    QApplication.processEvents()
    spacing = dialog.layout().spacing()
    gap = dialog.buttons.geometry().top() - dialog.status.geometry().bottom()
    assert gap <= 2 * spacing + 2, f"{gap} px between the text and the buttons"
    assert dialog.height() <= dialog.sizeHint().height() + 2
    assert dialog.width() >= 600  # room for a path
    dialog.reject()
