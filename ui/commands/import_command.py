"""Undo for an import: undo reverts its import batches; redo applies the same plan again.

The import dialog writes the plan itself (with its progress bar) before this command is
pushed, so the command's first redo has nothing to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from ui.session import AgreementSession
from ui.tasks import TaskControl

if TYPE_CHECKING:
    from lpsa_desktop.storage.store import Store
    from ui.document_work import AppliedImport


def _work() -> Any:
    from ui import document_work  # noqa: PLC0415 (heavy: loaded on the worker when used)

    return document_work


class ImportReturnCommand(QUndoCommand):
    def __init__(self, session: AgreementSession, applied: AppliedImport) -> None:
        super().__init__(f"import {applied.plan.file}")
        self._session = session
        self.plan = applied.plan
        self.batch_ids: tuple[int, ...] = applied.batch_ids
        self._written = True  # by the dialog, before the push
        self._ref = applied.plan.agreements[0].ref if applied.plan.agreements else ""

    def redo(self) -> None:
        if self._written:
            return
        plan, officer = self.plan, self._session.officer

        def work(store: Store, _control: TaskControl) -> tuple[int, ...]:
            applied: AppliedImport = _work().apply_return(
                store, plan, officer=officer, accept_rejects=True
            )
            return applied.batch_ids

        self._session.run(work, writes=True, on_done=self._on_applied, on_failure=self._failed)

    def undo(self) -> None:
        ids, officer = self.batch_ids, self._session.officer

        def work(store: Store, _control: TaskControl) -> None:
            _work().revert_batches(store, ids, officer=officer)

        self._written = False
        self._session.run(work, writes=True, on_done=lambda _r: None, on_failure=self._failed)

    def _on_applied(self, batch_ids: tuple[int, ...]) -> None:
        self.batch_ids = batch_ids
        self._written = True

    def _failed(self, error: BaseException) -> None:
        self._session.edit_failed.emit(self._ref, str(error))
