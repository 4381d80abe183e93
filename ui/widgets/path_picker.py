"""A file path box with a Browse button, which also takes a file dropped on it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from ui.widgets.start_folder import remember, start_path


class PathPicker(QWidget):
    path_changed = Signal(str)

    def __init__(
        self,
        caption: str,
        file_filter: str,
        *,
        save: bool = False,
        start_folder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._caption, self._filter, self._save = caption, file_filter, save
        self._start_folder = start_folder
        self.edit = QLineEdit()
        self.edit.setClearButtonEnabled(True)
        self.browse = QPushButton("&Browse…")
        self.setAcceptDrops(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)
        self.setFocusProxy(self.edit)
        self.browse.clicked.connect(self._on_browse)
        self.edit.textChanged.connect(self.path_changed)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path | str | None) -> None:
        self.edit.setText(str(path) if path else "")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.set_path(urls[0].toLocalFile())
            event.acceptProposedAction()

    def start_directory(self) -> str:
        """Where Browse… opens: at the path in the box, else the folder last used (or the
        documents folder), never the program's own folder."""
        current = self.path()
        if current is None and self._start_folder:
            return self._start_folder
        return start_path(current)

    def _on_browse(self) -> None:
        start = self.start_directory()
        if self._save:
            chosen, _ = QFileDialog.getSaveFileName(self, self._caption, start, self._filter)
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, self._caption, start, self._filter)
        if chosen:
            self.set_path(chosen)
            remember(chosen)
