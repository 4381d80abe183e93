"""Windows on a team store on a real PostgreSQL server: two windows and the command line
see each other's edits within about a second, a stale edit is a conflict as on a file,
and a login's role greys out what it may not do (the server refuses it all the same)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lpsa_desktop.services.agreement_edits import read_field
from tests.engines import ServerControl
from tests.server_team import Team, run_cli
from tests.ui.conftest import OpenWindow
from tests.ui.test_main_window import DEMO, WITH_2
from tests.ui.test_window_conflicts import answer, dialog, set_with, shown_with
from ui import session as session_module
from ui.item_models.target_columns import COLUMN_INDEX
from ui.widgets.field_widgets import BoundLineEdit
from ui.write_access import DELETING_ACTIONS, WRITING_ACTIONS

EDITABLE = Qt.ItemFlag.ItemIsEditable
ABOUT_A_SECOND_MS = 2500  # the watcher drains LISTEN every second; a loaded CI is slower


def _with_2(opened: OpenWindow) -> Decimal | None:
    agreement = opened.controller.session.agreement
    return None if agreement is None else read_field(agreement, WITH_2)


def _open_on(open_window: Callable[..., OpenWindow], url: str, **kwargs: bool) -> OpenWindow:
    opened = open_window(url, **kwargs)  # the fixture's path may be a URL: start() takes both
    opened.qtbot.waitUntil(lambda: opened.controller.session.agreement is not None, timeout=20_000)
    opened.wait_idle()
    return opened


def test_two_windows_and_the_command_line_see_each_others_edits_within_a_second(
    qtbot: QtBot,
    capsys: pytest.CaptureFixture[str],
    open_window: Callable[..., OpenWindow],
    pg_database: str,
) -> None:
    a = _open_on(open_window, pg_database)
    b = _open_on(open_window, pg_database, add_demo=False)
    set_with(a, "7.5")
    a.wait_idle()
    began = time.monotonic()
    qtbot.waitUntil(lambda: _with_2(b) == Decimal("7.5"), timeout=ABOUT_A_SECOND_MS)
    seen_after = time.monotonic() - began
    assert shown_with(b).startswith("7.5")
    assert "Changed elsewhere by " in b.window.statusBar().currentMessage()
    code, _, err = run_cli(capsys, "--db", pg_database, "set", DEMO, "indicator:2.with=7.3")
    assert code == 0, err
    for window in (a, b):
        qtbot.waitUntil(lambda w=window: _with_2(w) == Decimal("7.3"), timeout=ABOUT_A_SECOND_MS)
    assert a.faults.errors == [] and b.faults.errors == []
    print(f"window B saw window A's edit {seen_after * 1000:.0f} ms after it was stored")


def test_a_stale_edit_on_the_server_is_a_conflict_and_nothing_is_overwritten_unseen(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    open_window: Callable[..., OpenWindow],
    pg_database: str,
) -> None:
    monkeypatch.setattr(session_module, "OUTSIDE_CHANGE_POLL_MS", 3_600_000)  # A stays stale
    a = _open_on(open_window, pg_database)
    b = _open_on(open_window, pg_database, add_demo=False)
    set_with(b, "7.5")
    b.wait_idle()
    set_with(a, "7.4")  # A still shows 7.6
    box = dialog(a, "conflictDialog")
    assert "You saw: 7.6" in box.informativeText() and "Yours: 7.4" in box.informativeText()
    assert shown_with(a).startswith("7.4")  # pending on screen, not lost
    answer(a, box, "takeTheirs")
    assert shown_with(a).startswith("7.5") and _with_2(a) == Decimal("7.5")


def test_a_readers_window_greys_out_every_write(
    qtbot: QtBot, open_window: Callable[..., OpenWindow], team: Team
) -> None:
    reader = _open_on(open_window, team.url_of("reader"), add_demo=False)
    window, gate = reader.window, reader.controller.write_access
    assert gate.banner.isVisible()
    assert f"your login {team.logins['reader']} may only read" in gate.banner_text.text()
    actions = window.window_actions
    for name in WRITING_ACTIONS + DELETING_ACTIONS:
        assert not getattr(actions, name).isEnabled(), name
    assert actions.export_pdf.isEnabled() and actions.copy.isEnabled()  # reading still works
    assert not reader.controller.officer.action.isEnabled()  # the server names the login
    assert "on " in window.store_label.text() and "://" not in window.store_label.text()
    model = window.target_model
    cell = model.index_of("2", "2", COLUMN_INDEX["with"])
    assert not model.flags(cell) & EDITABLE
    for index in range(window.tabs.count()):  # every tab, built when first shown
        window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
    for edit in window.findChildren(BoundLineEdit):
        assert edit.isReadOnly(), edit.objectName()
    assert window.findChildren(BoundLineEdit), "the overview's fields were looked at"
    # A stray enable elsewhere (a meeting opening, a selection) does not come back on.
    actions.add_target.setEnabled(True)
    assert not actions.add_target.isEnabled()
    assert reader.faults.errors == []


def test_an_editors_window_may_edit_but_not_delete_an_agreement(
    qtbot: QtBot, open_window: Callable[..., OpenWindow], team: Team
) -> None:
    editor = _open_on(open_window, team.url_of("editor"), add_demo=False)
    window, gate = editor.window, editor.controller.write_access
    assert not gate.banner.isVisible()
    actions = window.window_actions
    assert not actions.delete_agreement.isEnabled()
    assert actions.add_target.isEnabled() and actions.paste.isEnabled()
    model = window.target_model
    assert model.flags(model.index_of("2", "2", COLUMN_INDEX["with"])) & EDITABLE
    set_with(editor, "7.2")
    editor.wait_idle()
    assert _with_2(editor) == Decimal("7.2") and editor.faults.errors == []


def test_the_server_going_away_keeps_the_officers_edit_and_saves_it_when_it_is_back(
    qtbot: QtBot,
    open_window: Callable[..., OpenWindow],
    pg_database: str,
    pg_server: ServerControl,
) -> None:
    a = _open_on(open_window, pg_database)
    pg_server.kill()
    set_with(a, "7.1")
    box = dialog(a, "unsavedEditDialog")
    assert "cannot be reached or went away" in box.informativeText()
    assert shown_with(a).startswith("7.1")  # still on screen, pending
    assert a.window.saved_label.text() == "Not saved: see the question"
    qtbot.wait(2500)  # the live-refresh poll meets the dead server, and says nothing
    pg_server.start()
    answer(a, box, "retryEdit")
    assert a.window.saved_label.text() == "All changes saved"
    assert _with_2(a) == Decimal("7.1")
    shown = subprocess.run(
        [sys.executable, "-m", "lpsa_desktop.cli.main", "--db", pg_database, "show", DEMO, "--json"],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    stored = json.loads(shown.stdout)["targets"][1]["indicators"][0]
    assert (stored["ref"], stored["with"]) == ("2", 7.1)  # in the store, seen by another program
    assert a.faults.errors == []
