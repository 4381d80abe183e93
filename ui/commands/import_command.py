"""Undo for an import: undo reverts its import batches; redo imports the same file again.

The import dialog writes the plan itself (with its progress bar) before this command is
pushed, so the command's first redo has nothing to do. Redo reads the file again in a child
process and refuses if the file has changed since.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from ui.import_job import AppliedImport, reapply
from ui.session import AgreementSession
from ui.tasks import TaskControl

if TYPE_CHECKING:
    from lpsa_desktop.storage.store import Store


def _work() -> Any:
    from ui import document_work  # noqa: PLC0415 (heavy: loaded on the worker when used)

    return document_work


class ImportReturnCommand(QUndoCommand):
    def __init__(self, session: AgreementSession, applied: AppliedImport) -> None:
        super().__init__(f"import {applied.summary.file}")
        self._session = session
        self.applied = applied
        self._written = True  # by the dialog, before the push
        agreements = applied.summary.agreements
        self._ref = agreements[0].ref if agreements else ""

    def redo(self) -> None:
        if self._written:
            return
        applied, officer = self.applied, self._session.officer

        def work(store: Store, control: TaskControl) -> tuple[int, ...]:
            return reapply(store.url, applied, officer, control)

        self._session.run(work, writes=True, on_done=self._on_applied, on_failure=self._failed)

    def undo(self) -> None:
        ids, officer = self.applied.batch_ids, self._session.officer

        def work(store: Store, _control: TaskControl) -> None:
            _work().revert_batches(store, ids, officer=officer)

        self._written = False
        self._session.run(work, writes=True, on_done=lambda _r: None, on_failure=self._failed)

    def _on_applied(self, batch_ids: tuple[int, ...]) -> None:
        self.applied = replace(self.applied, batch_ids=batch_ids)
        self._written = True

    def _failed(self, error: BaseException) -> None:
        self._session.edit_failed.emit(self._ref, str(error))
