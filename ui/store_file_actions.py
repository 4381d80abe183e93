"""File ▸ Back up the store… and Restore from a backup…, and the banner of a damaged store.

Added to the File menu beside the store commands; the work (SQLite's online backup, the
checked copy, the restore that keeps the current file first) is the core's
``services.store_backups``, run on the store worker like every other store task.
"""

# The core's backup service is imported on the worker, when the action runs.
# ruff: noqa: PLC0415

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QSizePolicy, QToolBar

from ui.dialogs.error_dialog import show_refusal
from ui.main_window import MainWindow
from ui.session import AgreementSession
from ui.tasks import TaskControl

STATUS_MS = 10_000
BACKUP_FILTER = "Store backups (*.sqlite *.bak);;All files (*)"
DAMAGED_STYLE = "background: #fde2e1; color: #7a1712; padding: 6px; font-weight: bold;"


class StoreFileActions(QObject):
    def __init__(
        self, window: MainWindow, session: AgreementSession, *, open_store: Callable[[str], None]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._open_store = open_store
        self.back_up = QAction("&Back up the store…", window)
        self.back_up.setStatusTip("A checked copy of the store, kept with its other backups")
        self.restore = QAction("Restore from a &backup…", window)
        self.restore.setStatusTip("Put a backup in place of the store (the current file is kept)")
        self.banner = QToolBar("Store damaged", window)
        self.banner.setObjectName("damaged_store_banner")
        self.banner.setMovable(False)
        self.banner_text = QLabel()
        self.banner_text.setStyleSheet(DAMAGED_STYLE)
        self.banner_text.setWordWrap(True)
        self.banner_text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.banner.addWidget(self.banner_text)
        self.banner.addAction(self.restore)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.banner.hide()
        self.chosen: Path | None = None  # tests set the backup to restore, instead of a dialog
        self._add_to_file_menu()
        self.back_up.triggered.connect(self._on_back_up)
        self.restore.triggered.connect(self._on_restore)
        session.store_opened.connect(self._on_store_opened)

    def _add_to_file_menu(self) -> None:
        recent = self._window.window_actions.recent_stores.menuAction()
        menu = next((w for w in recent.associatedObjects() if w is not self._window), None)
        file_menu: Any = menu if menu is not None else self._window.menuBar().actions()[0].menu()
        actions = file_menu.actions()
        after = actions.index(recent) + 1 if recent in actions else len(actions)
        before = actions[after] if after < len(actions) else None
        file_menu.insertActions(before, [self.back_up, self.restore])

    def _on_store_opened(self, where: str) -> None:
        store = self._session.store
        damaged = store is not None and store.damaged is not None
        if damaged:
            self.banner_text.setText(
                f"The store {where} is damaged, so it is open read-only: nothing can be "
                f"changed. Restore a backup to go on working."
            )
        self.banner.setVisible(damaged)

    def _on_back_up(self) -> None:
        def work(store: Any, _control: TaskControl) -> Path:
            from lpsa_desktop.services.store_backups import back_up

            return back_up(store)

        self._session.run(
            work,
            writes=False,
            on_done=lambda path: self._say(f"Backed up the store to {path} (checked)"),
            on_failure=lambda e: show_refusal(self._window, "No backup was made", str(e)),
        )

    def _on_restore(self) -> None:
        store = self._session.store
        if store is None or store.file is None:
            return
        backup = self.chosen or self._ask_for_backup(store.file)
        if backup is None:
            return
        target = store.file

        def work(current: Any, _control: TaskControl) -> Path:
            from lpsa_desktop.services.store_backups import restore

            current.close()  # no connection of ours may hold the file being replaced
            return restore(target, backup)

        self._session.run(
            work,
            writes=False,
            on_done=lambda kept: self._restored(target, backup, kept),
            on_failure=lambda e: show_refusal(self._window, "Nothing was restored", str(e)),
        )

    def _ask_for_backup(self, file: Path) -> Path | None:
        folder = file.with_name(f"{file.name}.backups")
        chosen, _ = QFileDialog.getOpenFileName(
            self._window, "Restore the store from a backup", str(folder), BACKUP_FILTER
        )
        if not chosen:
            return None
        answer = QMessageBox.question(
            self._window,
            "Restore from a backup",
            f"Put {Path(chosen).name} in place of the store {file}?\n\nThe current file is "
            f"kept as a backup first. Undo history is cleared.",
        )
        return Path(chosen) if answer == QMessageBox.StandardButton.Yes else None

    def _restored(self, target: Path, backup: Path, kept: Path) -> None:
        self._open_store(str(target))
        self._say(f"Restored the store from {backup.name}; the file it replaced is kept as {kept}")

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MS)
