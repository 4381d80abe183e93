"""Where a file dialog opens: the last folder the officer used, else their documents folder.

Never the program's own folder, which is where Qt opens a dialog given an empty or a
relative start (an installed program's folder, full of its libraries). The folder is kept
in the settings (``AppSettings.last_folder``); the controller hands them over once, and
every Browse… button and dialog of the window asks here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QStandardPaths


class _FolderSetting(Protocol):
    last_folder: str


_settings: _FolderSetting | None = None


def documents_folder() -> str:
    """The user's documents folder where there is one, else their home."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def use_settings(settings: _FolderSetting | None) -> None:
    global _settings  # noqa: PLW0603 (one window's settings, as Qt keeps one last directory)
    _settings = settings


def start_folder() -> str:
    folder = _settings.last_folder if _settings is not None else ""
    return folder if folder and Path(folder).is_dir() else documents_folder()


def start_path(current: Path | None) -> str:
    """What to give a file dialog: ``current`` made absolute in the start folder, or that
    folder itself."""
    if current is None or not str(current):
        return start_folder()
    return str(current if current.is_absolute() else Path(start_folder()) / current)


def remember(chosen: Path | str) -> None:
    """The folder of a file the officer chose: where the next dialog opens."""
    if _settings is not None and str(chosen):
        _settings.last_folder = str(Path(chosen).parent)
