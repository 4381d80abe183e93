"""Adding and removing targets, indicators, freedoms, partners and signatories.

Each is one undo command. New items get the next free ref and a placeholder title, and the
editor opens on that title so the officer can type straight away.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from lpsa_desktop.domain.agreement import (
    Agreement,
    FreedomRequest,
    Indicator,
    Partner,
    Signatory,
    Target,
)
from lpsa_desktop.services.agreement_edits import Part
from ui.actions import WindowActions
from ui.commands.item_commands import AddItemCommand, RemoveItemCommand
from ui.main_window import MainWindow
from ui.session import AgreementSession
from ui.window_tabs import FREEDOMS, PEOPLE, TARGETS

if TYPE_CHECKING:
    from ui.panels.records_panel import RecordsPanel  # built with its tab, on first show

STATUS_MS = 6000


def next_target_ref(agreement: Agreement) -> str:
    numbers = [int(t.ref) for t in agreement.targets if t.ref.isdigit()]
    return str(max(numbers, default=0) + 1)


def next_indicator_ref(agreement: Agreement, target: Target) -> str:
    taken = {i.ref for t in agreement.targets for i in t.indicators}
    for letter in string.ascii_lowercase:
        if (ref := f"{target.ref}{letter}") not in taken:
            return ref
    n = 1
    while f"{target.ref}.{n}" in taken:
        n += 1
    return f"{target.ref}.{n}"


def next_freedom_ref(agreement: Agreement) -> str:
    numbers = [
        int(f.ref[1:]) for f in agreement.freedoms if f.ref[:1] == "F" and f.ref[1:].isdigit()
    ]
    return f"F{max(numbers, default=0) + 1}"


class StructureEdits(QObject):
    """A QObject child of the window so that its application-wide connection ends with it."""

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
        # Partners and signatories share a tab: remove from whichever table was used last
        # (None: neither yet, so partners).
        self._people_panel: RecordsPanel | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not self._window.lazy_tabs.people.built:
            return  # focus cannot be in a table not yet built
        for panel in (self._window.partners, self._window.signatories):
            if new is not None and (new is panel.table or panel.table.isAncestorOf(new)):
                self._people_panel = panel

    def connect_actions(self, actions: WindowActions) -> None:
        actions.add_target.triggered.connect(self.add_target)
        actions.add_indicator.triggered.connect(self.add_indicator)
        actions.add_freedom.triggered.connect(self.add_freedom)
        actions.add_partner.triggered.connect(self.add_partner)
        actions.add_signatory.triggered.connect(self.add_signatory)
        actions.remove_selected.triggered.connect(self.remove_selected)

    def add_target(self) -> None:
        agreement = self._session.agreement
        if agreement is None:
            return
        ref = next_target_ref(agreement)
        current = self._window.targets.current_target()
        index = (agreement.targets.index(current) + 1) if current else len(agreement.active_targets)
        target = Target(
            ref=ref,
            title="New target",
            indicators=(Indicator(ref=ref, description="New indicator"),),
        )
        self._push(
            agreement, AddItemCommand(self._session, agreement.ref, Part.TARGET, target, index)
        )
        self._window.tabs.setCurrentWidget(self._window.targets)
        self._edit_later(lambda: self._window.targets.select(ref, None, "title"))

    def add_indicator(self) -> None:
        agreement = self._session.agreement
        target = self._window.targets.current_target()
        if agreement is None or target is None:
            self._say("Choose the target to add an indicator to (Targets tab).")
            return
        ref = next_indicator_ref(agreement, target)
        indicator = Indicator(ref=ref, description="New indicator")
        command = AddItemCommand(
            self._session,
            agreement.ref,
            Part.INDICATOR,
            indicator,
            len(target.indicators),
            parent=target.ref,
        )
        self._push(agreement, command)
        self._edit_later(lambda: self._window.targets.select(target.ref, ref, "title"))

    def add_freedom(self) -> None:
        agreement = self._session.agreement
        if agreement is None:
            return
        freedom = FreedomRequest(
            ref=next_freedom_ref(agreement), description="New freedom or flexibility"
        )
        index = len(agreement.freedoms)
        self._push(
            agreement, AddItemCommand(self._session, agreement.ref, Part.FREEDOM, freedom, index)
        )
        self._window.tabs.setCurrentWidget(self._window.freedoms)
        self._edit_later(lambda: self._edit_row(self._window.freedoms, index, 1))

    def add_partner(self) -> None:
        agreement = self._session.agreement
        if agreement is None:
            return
        index = len(agreement.partners)
        self._push(
            agreement,
            AddItemCommand(
                self._session, agreement.ref, Part.PARTNER, Partner("New partner"), index
            ),
        )
        self._window.tabs.setCurrentIndex(PEOPLE)
        self._edit_later(lambda: self._edit_row(self._window.partners, index, 0))

    def add_signatory(self) -> None:
        agreement = self._session.agreement
        if agreement is None:
            return
        index = len(agreement.signatories)
        signatory = Signatory("New signatory", "Position", agreement.lead_council.name)
        self._push(
            agreement,
            AddItemCommand(self._session, agreement.ref, Part.SIGNATORY, signatory, index),
        )
        self._window.tabs.setCurrentIndex(PEOPLE)
        self._edit_later(lambda: self._edit_row(self._window.signatories, index, 0))

    def remove_selected(self) -> None:
        """Remove what is selected on the tab in front (undoable, so no 'are you sure?')."""
        agreement = self._session.agreement
        w = self._window
        if agreement is None:
            return
        # By the tab's place, so that asking builds no tab; the other tabs have nothing
        # that Remove removes.
        tab = w.tabs.currentIndex()
        if tab == TARGETS:
            self._remove_from_targets(agreement)
        elif tab == FREEDOMS:
            self._remove_record(agreement, w.freedoms, Part.FREEDOM)
        elif tab == PEOPLE:
            people = self._people_panel or w.partners
            part = Part.SIGNATORY if people is w.signatories else Part.PARTNER
            self._remove_record(agreement, people, part)

    def _remove_from_targets(self, agreement: Agreement) -> None:
        target = self._window.targets.current_target()
        indicator = self._window.targets.current_indicator()
        if target is None:
            self._say("Choose a target or an indicator to remove.")
            return
        if indicator is not None and len(target.indicators) > 1:
            index = target.indicators.index(indicator)
            command = RemoveItemCommand(
                self._session, agreement.ref, Part.INDICATOR, indicator, index, parent=target.ref
            )
        else:  # a target's only indicator goes with its target
            command = RemoveItemCommand(
                self._session, agreement.ref, Part.TARGET, target, agreement.targets.index(target)
            )
        self._push(agreement, command)

    def _remove_record(self, agreement: Agreement, panel: RecordsPanel, part: Part) -> None:
        row = panel.current_row()
        if row < 0:
            self._say(f"Choose the {part.value} to remove.")
            return
        item: Any = panel.model.record_at(row)
        self._push(agreement, RemoveItemCommand(self._session, agreement.ref, part, item, row))

    def _push(self, agreement: Agreement, command: AddItemCommand | RemoveItemCommand) -> None:
        self._stack_for(agreement.ref).push(command)
        self._say(f"{command.text()[:1].upper()}{command.text()[1:]} (Ctrl+Z to undo)")

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MS)

    def _edit_later(self, select: Callable[[], None]) -> None:
        # After the models have taken the new agreement (same event-loop turn), open the editor.
        def go() -> None:
            select()
            if self._window.tabs.currentIndex() == TARGETS:
                tree = self._window.targets.tree
                tree.edit(tree.currentIndex())

        QTimer.singleShot(0, go)

    def _edit_row(self, panel: RecordsPanel, row: int, column: int) -> None:
        index = panel.model.index(row, column)
        if index.isValid():
            panel.table.setCurrentIndex(index)
            panel.table.edit(index)
