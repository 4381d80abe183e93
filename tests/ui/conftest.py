"""Window tests: offscreen Qt, settings in a temporary ini file, a real store with the demo."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.app import create_window
from ui.app_settings import AppSettings
from ui.controller import WindowController
from ui.main_window import MainWindow

WAIT_MS = 20_000


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@dataclass
class Faults:
    """Errors the window reported; a test that expects none checks it stayed empty."""

    errors: list[BaseException] = field(default_factory=list)

    def __call__(self, error: BaseException) -> None:
        self.errors.append(error)


@dataclass
class OpenWindow:
    window: MainWindow
    controller: WindowController
    faults: Faults
    qtbot: QtBot

    def wait_idle(self) -> None:
        """Until every store task has finished and its result reached the window."""
        self.qtbot.waitUntil(lambda: self.controller.session.runner.idle, timeout=WAIT_MS)


@pytest.fixture
def open_window(
    qtbot: QtBot, settings: AppSettings, store_path: Path
) -> Iterator[Callable[..., OpenWindow]]:
    """Make a real main window on ``store_path`` (with the demo) and wait until it shows it."""
    made: list[OpenWindow] = []

    def make(path: Path = store_path, *, add_demo: bool = True) -> OpenWindow:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        faults = Faults()
        window, controller = create_window(app, settings, faults)
        qtbot.addWidget(window)
        window.show()
        # Under a real X server with no window manager nothing activates a new window: ask,
        # as an officer's click would, so that focus and shortcuts behave as on a desktop.
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
        controller.start(str(path), add_demo=add_demo)
        opened = OpenWindow(window, controller, faults, qtbot)
        if add_demo:
            qtbot.waitUntil(lambda: controller.session.agreement is not None, timeout=WAIT_MS)
        opened.wait_idle()
        made.append(opened)
        return opened

    yield make
    for opened in made:
        opened.window.close()
