"""File ▸ New agreement…, Edit ▸ Copy agreement… and Delete agreement…, and the Overview's
councils (add, remove, reorder, details): each an undo command calling one service.

A new agreement or copy goes on its own undo stack (undo deletes it, whole). A deletion
goes on a stack of its own, since the agreement is no longer on screen to hold it: Edit ▸
Undo delete agreement puts it back, with the same ids and refs, until the window closes.
"""

# Dialogs and services are imported when first used, not at start-up.
# ruff: noqa: PLC0415

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QUndoStack

from ui.commands.lifecycle_commands import (
    AddCouncilCommand,
    CreatedAgreementCommand,
    DeleteAgreementCommand,
    EditCouncilCommand,
    MoveCouncilCommand,
    RemoveCouncilCommand,
)
from ui.dialogs.error_dialog import show_refusal
from ui.main_window import MainWindow
from ui.session import AgreementSession
from ui.tasks import TaskControl

if TYPE_CHECKING:
    from lpsa_desktop.domain.agreement import Agreement
    from lpsa_desktop.storage.agreement_removal import PartCounts
    from lpsa_desktop.storage.store import Store
    from ui.panels.overview_panel import OverviewPanel

STATUS_MS = 10_000


class AgreementLifecycleActions(QObject):
    def __init__(
        self,
        window: MainWindow,
        session: AgreementSession,
        *,
        stack_for: Callable[[str], QUndoStack],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._stack_for = stack_for
        self.deletions = QUndoStack(self)
        self.dialog: Any = None  # the dialog open now (tests drive it)
        self._shown_new: str | None = None  # a new agreement to open on Targets once shown
        self._origins: dict[str, str] = {}  # ref → what it was copied from, for the Overview
        self._connect_signals()
        self._window.window_actions.undo_delete_agreement.setEnabled(False)

    def _connect_signals(self) -> None:
        a = self._window.window_actions
        a.new_agreement.triggered.connect(self.new_agreement)
        a.copy_agreement.triggered.connect(self.copy_agreement)
        a.delete_agreement.triggered.connect(self.delete_agreement)
        a.undo_delete_agreement.triggered.connect(self.deletions.undo)
        self.deletions.canUndoChanged.connect(a.undo_delete_agreement.setEnabled)
        self.deletions.undoTextChanged.connect(self._on_undo_text_changed)
        self._window.lazy_tabs.overview.when_built(self._on_overview_built)
        self._session.origin_loaded.connect(self._on_origin_loaded)
        # A deletion is undone into the store it was made in: another store forgets it.
        self._session.store_opened.connect(lambda _where: self.deletions.clear())
        self._session.agreement_changed.connect(self._on_agreement_changed)

    # -- new, copy, delete ---------------------------------------------------------------------

    def new_agreement(self) -> None:
        from ui.dialogs.new_agreement_dialog import NewAgreementDialog

        dialog = NewAgreementDialog(self._session, self._window)
        dialog.created.connect(lambda ref: self._on_created(ref, f"new agreement {ref}"))
        self._show(dialog)

    def copy_agreement(self) -> None:
        from ui.dialogs.copy_agreement_dialog import CopyAgreementDialog

        source = self._session.agreement
        if source is None:
            self._say("Choose the agreement to copy first.")
            return
        dialog = CopyAgreementDialog(self._session, source, self._window)
        dialog.created.connect(lambda ref: self._on_created(ref, f"copy {source.ref} as {ref}"))
        self._show(dialog)

    def _on_created(self, ref: str, text: str) -> None:
        stack = self._stack_for(ref)
        stack.push(
            CreatedAgreementCommand(
                text, self._session, ref, failed=lambda m: self._failed(stack, m)
            )
        )
        self._shown_new = ref
        self._session.select(ref)
        self._say(f"Created {ref}: add its first target with Ctrl+Shift+T (Ctrl+Z undoes it)")

    def _on_agreement_changed(self, agreement: Agreement | None) -> None:
        if agreement is not None and agreement.ref == self._shown_new:
            self._shown_new = None
            self._window.tabs.setCurrentWidget(self._window.targets)  # ready for targets

    def delete_agreement(self) -> None:
        agreement = self._session.agreement
        if agreement is None:
            return
        ref = agreement.ref

        def work(_store: Store, _control: TaskControl) -> tuple[PartCounts, str]:
            from lpsa_desktop.services import agreement_lifecycle as lifecycle

            counts = lifecycle.deletion_counts(_store, ref)
            return counts, lifecycle.describe_counts(counts)

        self._session.run(
            work,
            writes=False,
            on_done=lambda found: self._confirm_delete(ref, *found),
            on_failure=lambda error: self._say(str(error)),
        )

    def _confirm_delete(self, ref: str, counts: PartCounts, what: str) -> None:
        from ui.dialogs.confirm_dialog import ConfirmDialog

        rounds = counts.rounds_kept
        kept = f"its {rounds} round{'' if rounds == 1 else 's'} and the audit trail are kept"
        dialog = ConfirmDialog(
            "Delete agreement",
            f"Delete {ref}?",
            f"This removes {what}; {kept}. Edit ▸ Undo delete agreement (Ctrl+Alt+Z) puts it "
            "back whole until this window closes.",
            "Delete agreement",
            self._window,
        )
        dialog.confirm_button.clicked.connect(lambda: self._delete(ref, counts))
        self._show(dialog)

    def _delete(self, ref: str, counts: PartCounts) -> None:
        command = DeleteAgreementCommand(
            self._session, ref, counts, failed=lambda m: self._failed(self.deletions, m)
        )
        self.deletions.push(command)
        self._say(f"Deleted {ref} (Ctrl+Alt+Z puts it back)")

    @Slot(str)
    def _on_undo_text_changed(self, text: str) -> None:
        action = self._window.window_actions.undo_delete_agreement
        action.setText(f"Undo {text}" if text else "Undo delete agreement")

    # -- councils ------------------------------------------------------------------------------

    def add_council(self) -> None:
        from ui.dialogs.council_dialogs import AddCouncilDialog

        agreement = self._session.agreement
        if agreement is None:
            return
        ref, seen = agreement.ref, [c.name for c in agreement.councils]
        dialog = AddCouncilDialog(self._session, ref, self._window)
        dialog.chosen.connect(
            lambda name: self._push(ref, AddCouncilCommand, name, len(seen), seen)
        )
        self._show(dialog)

    def remove_council(self, index: int) -> None:
        agreement = self._session.agreement
        if agreement is not None and 0 <= index < len(agreement.councils):
            seen = [c.name for c in agreement.councils]
            self._push(agreement.ref, RemoveCouncilCommand, index, seen)

    def move_council(self, index: int, to: int) -> None:
        agreement = self._session.agreement
        if agreement is not None and 0 <= index < len(agreement.councils):
            seen = [c.name for c in agreement.councils]
            self._push(agreement.ref, MoveCouncilCommand, index, to, seen)

    def edit_council(self, index: int) -> None:
        from ui.dialogs.council_dialogs import CouncilDetailsDialog

        agreement = self._session.agreement
        if agreement is None or not 0 <= index < len(agreement.councils):
            return
        council = agreement.councils[index]
        dialog = CouncilDetailsDialog(self._session, council, self._window)
        dialog.changed.connect(
            lambda changes: self._edit_council(agreement.ref, council.name, changes)
        )
        self._show(dialog)

    def _edit_council(self, ref: str, name: str, changes: list[tuple[str, Any, Any]]) -> None:
        stack = self._stack_for(ref)
        stack.beginMacro(f"edit council {name}")  # one Ctrl+Z takes back the whole dialog
        for field, old, new in changes:
            stack.push(
                EditCouncilCommand(
                    self._session, name, field, old, new, failed=lambda m: self._failed(stack, m)
                )
            )
        stack.endMacro()
        self._say(f"Changed council {name} for every agreement it is party to (Ctrl+Z to undo)")

    def _push(self, ref: str, command: type[Any], *args: Any) -> None:
        stack = self._stack_for(ref)
        made = command(self._session, ref, *args, failed=lambda m: self._failed(stack, m))
        stack.push(made)
        self._say(f"{made.text()[:1].upper()}{made.text()[1:]} (Ctrl+Z to undo)")

    # -- shared ----------------------------------------------------------------------------------

    def _on_overview_built(self, overview: OverviewPanel) -> None:
        councils = overview.councils
        councils.add_requested.connect(self.add_council)
        councils.remove_requested.connect(self.remove_council)
        councils.move_requested.connect(self.move_council)
        councils.details_requested.connect(self.edit_council)
        for ref, source in self._origins.items():  # read before the tab was first shown
            overview.set_copied_from(ref, source or None)

    def _on_origin_loaded(self, ref: str, source: str) -> None:
        self._origins[ref] = source
        self._window.lazy_tabs.overview.if_built(
            lambda overview: overview.set_copied_from(ref, source or None)
        )

    def _failed(self, stack: QUndoStack, message: str) -> None:
        # The store is as it was before the failed step, and the window shows it again; the
        # steps stacked with it may no longer match the store, so they are dropped.
        stack.clear()
        show_refusal(
            self._window,
            "The change was not saved",
            f"{message}\n\nThe window now shows what the store holds. Undo history for this "
            "change was cleared.",
        )

    def _show(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.open()

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MS)
