"""Help ▸ About shows the version and the bundled licences; the window has its icon."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from lpsa_desktop.version import app_version
from tests.ui.conftest import OpenWindow
from ui.dialogs.about_dialog import AboutDialog


def test_about_shows_the_version_and_the_licences_of_fonts_icons_and_qt(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window(add_demo=False)
    opened.window.window_actions.about.trigger()
    dialog = opened.controller.files.dialog
    assert isinstance(dialog, AboutDialog) and dialog.isVisible()
    assert app_version() in dialog.title.text()
    text = dialog.licences.toPlainText()
    assert "DejaVu fonts" in text and "Bitstream Vera" in text
    assert "LPSA Desk icons" in text
    assert "LGPLv3" in text and "PySide6" in text
    dialog.reject()


def test_the_window_and_the_application_have_the_lpsa_desk_icon(
    open_window: Callable[..., OpenWindow],
) -> None:
    window = open_window(add_demo=False).window
    assert not window.windowIcon().isNull()
    assert {48, 256} <= {size.width() for size in window.windowIcon().availableSizes()}
    assert not QApplication.windowIcon().isNull()
