"""What the window does with an edit the store did not take, and with another writer's commit.

A conflict: the dialog shows both values and who changed it when. "Keep mine" writes the
edit again stating the stored value as the one seen, and rebases the undo step on it (its
undo then goes back to the other officer's value, not to the older one); "Take theirs"
shows the stored value and drops that one step from the undo history, since its values no
longer describe the store. A store fault: the edit stays on screen and in the history;
"Retry" writes it again, "Undo it" drops it. Every other step of the history stays.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from lpsa_desktop.domain.vocabulary import where_text
from lpsa_desktop.services.agreement_edits import ITEM
from lpsa_desktop.services.edit_conflicts import ABSENT, Conflict
from ui.dialogs.conflict_dialog import conflict_box, unsaved_box
from ui.dialogs.error_dialog import show_refusal
from ui.main_window import MainWindow
from ui.pending_edits import PendingEdit
from ui.session import AgreementSession

if TYPE_CHECKING:
    from lpsa_desktop.storage.audit_repository import AuditEvent

STATUS_MS = 8000


class EditProblems(QObject):
    def __init__(
        self,
        window: MainWindow,
        session: AgreementSession,
        stack_for: Callable[[str], QUndoStack],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._stack_for = stack_for
        self.dialogs: list[QMessageBox] = []  # open ones (tests answer them)
        session.edit_conflicted.connect(self._on_conflict)
        session.edit_unsaved.connect(self._on_unsaved)
        session.edit_refused.connect(self._on_refused)
        session.outside_changed.connect(self._on_outside_change)

    # -- conflicts ---------------------------------------------------------------------------

    def _on_conflict(self, pending: PendingEdit, conflict: Conflict) -> None:
        box, keep, _take = conflict_box(
            self._window, conflict, pending.value, self._session.agreement
        )

        def answered(button: QAbstractButton) -> None:
            if keep is not None and button is keep:
                self.keep_mine(pending, conflict)
            else:
                self.take_theirs(pending)

        self._show(box, answered)

    def keep_mine(self, pending: PendingEdit, conflict: Conflict) -> None:
        step = self._find_step(pending)
        if step is not None:
            _rebase(step, pending, conflict.stored)
            # The stack announces new texts only when it moves: tell the Edit menu now.
            stack = self._stack_for(pending.agreement_ref)
            stack.undoTextChanged.emit(stack.undoText())
            stack.redoTextChanged.emit(stack.redoText())
        self._session.resend(pending.again(conflict.stored))

    def take_theirs(self, pending: PendingEdit) -> None:
        self._drop_step(pending)
        self._session.discard(pending)
        self._say(f"Took the stored value of {pending.address.label()}")

    # -- store faults and refusals --------------------------------------------------------------

    def _on_unsaved(self, pending: PendingEdit, message: str) -> None:
        box, retry, _undo = unsaved_box(self._window, pending.action, message)

        def answered(button: QAbstractButton) -> None:
            if button is retry:
                self._session.resend(pending)
            else:
                self._drop_step(pending)
                self._session.discard(pending)

        self._show(box, answered)

    def _on_refused(self, pending: PendingEdit, message: str) -> None:
        self._drop_step(pending)
        show_refusal(
            self._window,
            "The change was not saved",
            f"{message}\n\nThe window now shows what the store holds.",
        )

    # -- another writer -------------------------------------------------------------------------

    def _on_outside_change(self, events: list[AuditEvent]) -> None:
        self._say(outside_change_text(events))

    # -- internals --------------------------------------------------------------------------------

    def _show(self, box: QMessageBox, answered: Callable[[QAbstractButton], None]) -> None:
        def finished(_result: int) -> None:
            if box in self.dialogs:
                self.dialogs.remove(box)
            clicked = box.clickedButton()
            answered(clicked if clicked is not None else box.defaultButton())
            if not self.dialogs and not self._session.saving:
                self._window.saved_label.setText("All changes saved")
            box.deleteLater()

        box.finished.connect(finished)
        self.dialogs.append(box)
        # Not "All changes saved" while an edit waits for the officer's answer.
        self._window.saved_label.setText("Not saved: see the question")
        box.open()

    def _find_step(self, pending: PendingEdit) -> QUndoCommand | None:
        stack = self._stack_for(pending.agreement_ref)
        # A new edit or a redo is among the done steps (the latest first); an undo among
        # the undone ones (the nearest first).
        if pending.undoing:
            indices: range = range(stack.index(), stack.count())
        else:
            indices = range(stack.index() - 1, -1, -1)
        for index in indices:
            command = stack.command(index)
            if getattr(command, "store_address", None) == pending.address:
                return command
        return None

    def _drop_step(self, pending: PendingEdit) -> None:
        """Take the step out of the history without running it (Qt removes an obsolete
        command when undo or redo reaches it, without calling it)."""
        stack = self._stack_for(pending.agreement_ref)
        step = self._find_step(pending)
        if step is None:
            return
        step.setObsolete(True)
        if not pending.undoing and stack.command(stack.index() - 1) is step:
            stack.undo()
        elif pending.undoing and stack.command(stack.index()) is step:
            stack.redo()

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MS)


def _rebase(step: QUndoCommand, pending: PendingEdit, stored: Any) -> None:
    """After Keep mine, the step goes from (or back to) what the store held, so that its
    undo or redo never brings back a value older than the other officer's."""
    if pending.address.field == ITEM:
        if stored is not ABSENT and hasattr(step, "item"):
            step.item = stored
        return
    if pending.undoing and hasattr(step, "new"):
        step.new = stored  # redo goes back to the value the undo replaced
    elif hasattr(step, "old"):
        step.old = stored  # undo goes back to the other officer's value
    if hasattr(step, "describe"):
        step.describe()  # the Edit menu names the values it now goes between


def outside_change_text(events: list[AuditEvent]) -> str:
    """'Changed elsewhere by Raj Patel: target 2 / indicator 2 / with 7.6 → 7.5 (09:10)'."""
    officers = ", ".join(dict.fromkeys(e.officer for e in events))
    newest = events[0]
    said = f"Changed elsewhere by {officers}: "
    at = f" ({newest.at:%H:%M})"
    if len(events) > 1:
        actions = "; ".join(dict.fromkeys(e.action for e in reversed(events)))
        return f"{said}{len(events)} changes ({actions}){at}"
    if newest.field is None:  # a whole item added or removed
        return f"{said}{newest.action}{at}"
    where = where_text(newest.entity, newest.field)
    return f"{said}{where} {newest.old or '(empty)'} → {newest.new or '(empty)'}{at}"
