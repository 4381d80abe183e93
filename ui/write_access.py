"""Greying out what the officer's login may not do, for a store that cannot be written.

A store on a PostgreSQL server says what the login may do (``Store.access``: read, edit,
or administer); a damaged store is open read-only whatever the login. With less than
"edit", every command that writes is disabled, every form field is read-only, the edited
models stop offering edits (``WritePermission``), and a banner says why; with "edit" but
not "administer", deleting an agreement is disabled. The server refuses all of it anyway
(raw SQL included): this is so that a reader is never offered an edit that would fail.

Panels are built and rebuilt as the officer moves (a tab built on first show, a meeting's
entry enabled when it opens), so the rule is applied again after each change of agreement
or tab, and an action some other code enables again is disabled at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSizePolicy, QToolBar

from ui.item_models.write_permission import WritePermission
from ui.main_window import MainWindow
from ui.panels.meeting_entry import ActionEntry, DecisionEntry
from ui.session import AgreementSession
from ui.widgets.councils_editor import CouncilsEditor
from ui.widgets.field_widgets import BoundComboBox, BoundDateEdit, BoundLineEdit, BoundTextEdit

WRITING_ACTIONS = (
    "new_agreement",
    "import_return",
    "revert_import",
    "receive_agreement",
    "cut",
    "paste",
    "add_target",
    "add_indicator",
    "add_freedom",
    "add_partner",
    "add_signatory",
    "remove_selected",
    "copy_agreement",
    "undo_delete_agreement",
    "open_meeting",
    "record_decision",
    "add_action_item",
    "take_round",
    "close_meeting",
)
DELETING_ACTIONS = ("delete_agreement",)
READ_ONLY_STYLE = "background: #e8eef7; color: #1c3553; padding: 6px; font-weight: bold;"


class WriteAccessGate(QObject):
    def __init__(self, window: MainWindow, session: AgreementSession, extra: list[QAction]) -> None:
        super().__init__(window)
        self._window, self._session = window, session
        self.may_edit = True
        self.may_delete = True
        self.reason = ""
        a = window.window_actions
        self._writing = [getattr(a, name) for name in WRITING_ACTIONS] + extra
        self._deleting = [getattr(a, name) for name in DELETING_ACTIONS]
        for action in self._writing + self._deleting:
            action.changed.connect(lambda action=action: self._hold(action))
        self.banner = QToolBar("Read only", window)
        self.banner.setObjectName("read_only_banner")
        self.banner.setMovable(False)
        self.banner_text = QLabel()
        self.banner_text.setObjectName("readOnlyText")
        self.banner_text.setStyleSheet(READ_ONLY_STYLE)
        self.banner_text.setWordWrap(True)
        self.banner_text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.banner.addWidget(self.banner_text)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.banner.hide()
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.setInterval(0)  # after the panels have taken the new agreement
        self._again.timeout.connect(self.apply)
        session.store_opened.connect(self._on_store_opened)
        session.agreement_changed.connect(lambda _agreement: self._again.start())
        window.tabs.currentChanged.connect(lambda _index: self._again.start())

    def _on_store_opened(self, _where: str) -> None:
        store = self._session.store
        if store is None:
            return
        access = store.access  # asked on the worker as the store opened
        damaged = store.damaged is not None
        self.may_edit = access.can_edit and not damaged
        self.may_delete = access.can_delete and not damaged
        if damaged:
            self.reason = ""  # the damaged store's own banner says why
        elif not access.can_edit:
            self.reason = (
                f"Read only: {access.describe()} here, so nothing can be changed. "
                f"The store's administrator can give you the editor role."
            )
        else:
            self.reason = ""
        self.banner_text.setText(self.reason)
        self.banner.setVisible(bool(self.reason))
        self.apply()

    def apply(self) -> None:
        """The rule, on every widget and model that exists now."""
        for action in self._writing + self._deleting:
            self._hold(action)
        window = self._window
        writable = self.may_edit
        for view in window.findChildren(QAbstractItemView):
            model: Any = view.model()
            while model is not None and not isinstance(model, WritePermission):
                model = getattr(model, "sourceModel", lambda: None)()  # through proxies
            if isinstance(model, WritePermission) and model.writable != writable:
                model.writable = writable
                view.viewport().update()
        # The window's own models too: a tab not yet built has no view to find them by,
        # and its model must refuse edits (a paste, a command) all the same.
        for model in window.findChildren(QAbstractItemModel):
            if isinstance(model, WritePermission) and model.writable != writable:
                model.writable = writable
        for edit in window.findChildren(BoundLineEdit):
            edit.setReadOnly(not writable)
        for text in window.findChildren(BoundTextEdit):
            text.setReadOnly(not writable)
        for date in window.findChildren(BoundDateEdit):
            date.setReadOnly(not writable)
        for combo in window.findChildren(BoundComboBox):
            combo.setEnabled(writable)
        for councils in window.findChildren(CouncilsEditor):
            councils.setEnabled(writable)
        if not writable:  # a meeting's entries follow the meeting (open or closed) otherwise
            for entry in window.findChildren(DecisionEntry) + window.findChildren(ActionEntry):
                entry.setEnabled(False)

    def _hold(self, action: QAction) -> None:
        allowed = self.may_delete if action in self._deleting else self.may_edit
        if not allowed and action.isEnabled():
            action.setEnabled(False)
