"""What happens to an unexpected error, on any thread: logged with its traceback, and shown
in a dialog that gives the log file's path. Refusals (LpsaError) are logged as warnings;
their wording is the caller's."""

from __future__ import annotations

import logging
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from ui.widgets.dialog_focus import return_focus_when_closed

if TYPE_CHECKING:
    from ui.dialogs.error_dialog import ErrorDialog

log = logging.getLogger("lpsa.desktop")


class FaultReporter:
    def __init__(self, log_path: Path | None) -> None:
        self.log_path = log_path
        self.window: QWidget | None = None
        self.dialogs: list[ErrorDialog] = []

    def __call__(self, error: BaseException) -> None:
        from lpsa_desktop.errors import LpsaError  # noqa: PLC0415
        from ui.dialogs.error_dialog import ErrorDialog  # noqa: PLC0415 (rarely needed)
        from ui.tasks import TaskCancelledError  # noqa: PLC0415

        if isinstance(error, TaskCancelledError):
            return
        if isinstance(error, LpsaError):
            log.warning("refused: %s", error)
        else:
            log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
        dialog = ErrorDialog(error, self.log_path, self.window)
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        return_focus_when_closed(dialog)
        dialog.open()

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        error.__traceback__ = tb
        self(error)
