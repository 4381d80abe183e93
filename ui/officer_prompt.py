"""The officer's name: asked on the first start, and from Edit ▸ Officer… at any time.

On opening a store that records no officer (and with no ``LPSA_OFFICER`` in the
environment, which is how tests, scripts and shared machines name one), the window asks,
suggesting the login's full name. The question is window-modal but never blocks the event
loop. Until it is answered the login name is recorded, as ``lpsa`` does; Cancel leaves the
store naming nobody, so it is asked again next time.
"""

# The dialog and the store work are loaded when first needed.
# ruff: noqa: PLC0415

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ui.main_window import MainWindow
from ui.session import AgreementSession
from ui.tasks import TaskControl


def _officer_service() -> Any:
    from lpsa_desktop.services import officer

    return officer


class OfficerPrompt(QObject):
    def __init__(
        self, window: MainWindow, session: AgreementSession, say: Callable[[str], None]
    ) -> None:
        super().__init__(window)
        self._window, self._session, self._say = window, session, say
        self.dialog: Any = None  # the question open now (tests answer it)
        self.action = QAction("&Officer…", window)
        self.action.setObjectName("officerAction")
        self.action.setStatusTip("The name recorded with your changes in the audit trail")
        self.action.triggered.connect(lambda: self.ask(first_time=False))
        preferences = window.window_actions.preferences
        for menu in window.menuBar().findChildren(QMenu):
            if preferences in menu.actions():
                menu.insertAction(preferences, self.action)
        session.store_opened.connect(self._on_store_opened)

    def _on_store_opened(self, _where: str) -> None:
        store = self._session.store
        on_server = store is not None and store.on_server
        self.action.setEnabled(not on_server)
        if on_server:
            # The server records its login (session_user) with every change, whatever
            # name this window might give: there is nothing to ask, nor to change.
            login = store.access.role if store is not None else None
            self.action.setStatusTip(f"On a team store the audit trail names your login ({login})")
            if login:
                self._session.officer = login
            return
        self.action.setStatusTip("The name recorded with your changes in the audit trail")
        if os.environ.get("LPSA_OFFICER"):
            return  # named by the environment: nothing to ask

        def work(store: Any, _control: TaskControl) -> tuple[str | None, str]:
            service = _officer_service()
            return service.stored_officer(store), service.login_full_name()

        self._session.run(
            work,
            writes=False,
            on_done=self._on_stored,
            on_failure=lambda e: self._say(f"Could not read the officer's name: {e}"),
        )

    def _on_stored(self, found: tuple[str | None, str]) -> None:
        stored, suggested = found
        if stored is None:
            self.ask(first_time=True, suggested=suggested)

    def ask(self, *, first_time: bool, suggested: str | None = None) -> None:
        from ui.dialogs.officer_dialog import OfficerDialog

        name = suggested if suggested is not None else self._session.officer
        dialog = OfficerDialog(name, first_time=first_time, parent=self._window)
        dialog.accepted.connect(lambda: self._save(dialog.chosen()))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: Any) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _save(self, name: str) -> None:
        def work(store: Any, _control: TaskControl) -> str:
            from ui import store_work  # loaded on the worker

            return str(store_work.change_officer(store, name))

        self._session.run(
            work,
            writes=True,
            on_done=self._saved,
            on_failure=lambda e: self._say(f"The officer's name was not kept: {e}"),
        )

    def _saved(self, name: str) -> None:
        self._session.officer = name
        self._say(f"Changes are now recorded as made by {name}")
