"""The officer's name: asked on the first start with a store that names nobody (suggesting
the login's full name), kept in the store as ``lpsa officer`` keeps it, used in the audit
trail; Edit ▸ Officer… changes it later. Tests name the officer in ``LPSA_OFFICER``, which
is how automation skips the question."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lpsa_desktop.services.agreement_queries import agreement_history
from lpsa_desktop.services.officer import current_officer, login_full_name, stored_officer
from lpsa_desktop.storage.store import Store
from tests.ui.conftest import OpenWindow
from ui.dialogs.officer_dialog import OfficerDialog

DEMO = "bath-ne-somerset-lpsa1"


def in_store(store_path: Path, read: Callable[[Store], object]) -> object:
    store = Store.open(str(store_path))
    try:
        return read(store)
    finally:
        store.close()


def test_the_first_start_asks_who_the_officer_is_and_records_it(
    open_window: Callable[..., OpenWindow], store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LPSA_OFFICER")
    opened = open_window()
    prompt = opened.controller.officer
    opened.qtbot.waitUntil(lambda: prompt.dialog is not None, timeout=5000)
    dialog = prompt.dialog
    assert isinstance(dialog, OfficerDialog)
    assert dialog.isVisible() and dialog.chosen() == login_full_name()
    dialog.name.setText("Sam Okafor (GOSW)")
    dialog.buttons.accepted.emit()
    opened.qtbot.waitUntil(lambda: opened.controller.session.officer == "Sam Okafor (GOSW)")
    opened.wait_idle()
    assert in_store(store_path, stored_officer) == "Sam Okafor (GOSW)"
    # The audit trail names the officer from then on.
    opened.window.targets.select("1", "1a", "actual")
    opened.window.targets.tree.model().setData(opened.window.targets.tree.currentIndex(), "71")
    opened.wait_idle()
    history = in_store(store_path, lambda s: agreement_history(s, DEMO, limit=1))
    assert isinstance(history, list) and history[0].officer == "Sam Okafor (GOSW)"
    opened.window.close()
    again = open_window()  # named now: not asked again
    again.qtbot.wait(100)
    assert again.controller.officer.dialog is None


def test_a_named_officer_is_not_asked_and_edit_officer_changes_the_name(
    open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    opened = open_window()  # LPSA_OFFICER names the officer (tests/conftest.py)
    opened.qtbot.wait(100)
    prompt = opened.controller.officer
    assert prompt.dialog is None
    edit_menu = next(m for m in opened.window.menuBar().actions() if m.text() == "&Edit").menu()
    assert prompt.action in edit_menu.actions()
    prompt.action.trigger()
    dialog = prompt.dialog
    assert isinstance(dialog, OfficerDialog) and dialog.chosen() == "Test Officer"
    dialog.name.setText("   ")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.name.setText("Jane Smith")
    dialog.buttons.accepted.emit()
    opened.qtbot.waitUntil(lambda: opened.controller.session.officer == "Jane Smith")
    opened.wait_idle()
    assert in_store(store_path, current_officer) == "Jane Smith"
