"""Only the tab in front is built at start-up; every other tab is built when first shown,
and shows then exactly what it would have shown had it been built with the window: the
agreement as it is now (a change made elsewhere meanwhile included), the audit trail, the
negotiation record, presentation mode, and the pane sizes remembered in the settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from pytestqt.qtbot import QtBot

from lpsa_desktop.domain.meetings import Attendee
from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.services import field_edits, meetings, rounds
from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.storage.store import Store
from tests.ui.conftest import OpenWindow
from tests.ui.test_main_window import DEMO
from ui.app_settings import AppSettings
from ui.item_models.target_columns import COLUMN_INDEX
from ui.window_tabs import (
    AUDIT,
    FREEDOMS,
    MEETINGS,
    NEGOTIATION,
    OVERVIEW,
    PEOPLE,
    TARGETS,
)

# What a window start must not load: the libraries of documents, workbooks, signatures and
# charts, and the modules of the tabs behind (the reward dock shares the targets panel's
# module, so that one is checked by what is built instead).
HEAVY = ("reportlab", "pyhanko", "openpyxl", "matplotlib", "python_calamine", "docx", "pypdf")
PANELS_BEHIND = (
    "ui.panels.records_panel",
    "ui.panels.audit_panel",
    "ui.panels.negotiation_panel",
    "ui.panels.meetings_panel",
)

START = """
import json, sys, time
from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication
from ui.app import create_window
from ui.app_settings import AppSettings
app = QApplication(sys.argv[:1])
settings = AppSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
settings.current_tab = int(sys.argv[3])
window, controller = create_window(app, settings, lambda error: print(error, file=sys.stderr))
window.show()
controller.start(sys.argv[1], add_demo=True)
session, give_up = controller.session, time.monotonic() + 30
# Until the agreement is shown and every store task (the audit trail, the negotiation
# record) has come back: what is loaded then is what a start loads.
while time.monotonic() < give_up and not (
    session.agreement is not None and window.heading.text() == session.agreement.title
    and session.runner.idle and controller.negotiation.record is not None
):
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
print(json.dumps({
    "shown": window.heading.text(),
    "built": window.lazy_tabs.built(),
    "front": window.tabs.currentIndex(),
    "modules": sorted(sys.modules),
}))
"""


def start_in_a_process(tmp_path: Path, tab: int) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run(
        [sys.executable, "-c", START, str(tmp_path / "store.sqlite"), str(tmp_path / "s.ini"),
         str(tab)],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.mark.parametrize(("tab", "name"), [(OVERVIEW, "overview"), (FREEDOMS, "freedoms")])
def test_a_start_builds_only_the_tab_in_front_and_loads_no_heavy_library(
    tmp_path: Path, tab: int, name: str
) -> None:
    started = start_in_a_process(tmp_path, tab)
    assert str(started["shown"]).startswith("Bath and North East Somerset")
    assert started["front"] == tab
    assert started["built"] == [name]
    modules = started["modules"]
    assert isinstance(modules, list)
    assert [m for m in modules if m.split(".")[0] in HEAVY] == []
    behind = [m for m in PANELS_BEHIND if m in modules]
    assert behind == (["ui.panels.records_panel"] if tab == FREEDOMS else [])


@pytest.fixture
def store_with_a_record(store_path: Path) -> Path:
    """The demo with a round taken and a meeting open, so every tab has something to show."""
    store = Store.open(str(store_path))
    try:
        add_demo_agreement(store, officer="Test Officer")
        rounds.take_round(
            store, DEMO, name="Council proposal", party=Party.COUNCIL, officer="Test Officer"
        )
        meetings.open_meeting(
            store,
            DEMO,
            held_on=date(2006, 3, 1),
            place="Guildhall",
            attendees=[Attendee("A. Officer", "Bath & North East Somerset")],
            agenda=[],
            officer="Test Officer",
        )
    finally:
        store.close()
    return store_path


def test_each_tab_first_shown_is_built_then_and_shows_the_agreement(
    open_window: Callable[..., OpenWindow], settings: AppSettings, store_with_a_record: Path
) -> None:
    settings.current_tab = AUDIT  # so that the Overview, too, is first shown later
    opened = open_window(store_with_a_record)
    w, session = opened.window, opened.controller.session
    opened.qtbot.waitUntil(lambda: opened.controller.negotiation.record is not None)
    agreement = session.agreement
    assert agreement is not None
    assert w.lazy_tabs.built() == ["audit"]
    assert w.audit.model.rowCount() > 0  # the audit trail read at start

    expected = {
        OVERVIEW: "overview",
        TARGETS: "targets",
        FREEDOMS: "freedoms",
        PEOPLE: "people",
        NEGOTIATION: "negotiation",
        MEETINGS: "meetings",
    }
    for index, name in expected.items():
        assert name not in w.lazy_tabs.built()
        w.tabs.setCurrentIndex(index)
        assert name in w.lazy_tabs.built()
        assert w.tabs.currentWidget().isVisible()

    assert w.overview.fields["title"].text() == agreement.title
    tree = w.targets.tree
    first = agreement.active_targets[0]
    assert tree.model().index(0, COLUMN_INDEX["title"]).data() == first.title
    assert tree.isExpanded(tree.model().index(0, 0))  # opened as at start
    assert w.freedoms.table.model().rowCount() == len(agreement.freedoms) > 0
    assert w.partners.table.model().rowCount() == len(agreement.partners) > 0
    assert w.signatories.table.model().rowCount() == len(agreement.signatories) > 0
    assert w.negotiation.rounds_model.rowCount() >= 1  # the round taken
    assert w.meetings.model.rowCount() == 1
    chosen = w.meetings.chosen()
    assert chosen is not None and chosen.place == "Guildhall"
    assert opened.faults.errors == []


def test_the_meeting_commands_act_before_the_meetings_tab_is_shown(
    open_window: Callable[..., OpenWindow], store_with_a_record: Path
) -> None:
    opened = open_window(store_with_a_record)
    w = opened.window
    opened.qtbot.waitUntil(lambda: opened.controller.negotiation.record is not None)
    assert "meetings" not in w.lazy_tabs.built()
    # The open meeting is the one the menu's commands act on, as it was when every tab was
    # built at start.
    assert w.window_actions.close_meeting.isEnabled()
    assert w.window_actions.record_decision.isEnabled()
    w.window_actions.record_decision.trigger()
    assert w.tabs.currentWidget() is w.meetings
    assert w.meetings.details.decision_entry.text.hasFocus()


def test_a_change_made_elsewhere_before_a_tab_is_built_shows_when_it_is_opened(
    qtbot: QtBot, open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    opened = open_window()
    w, session = opened.window, opened.controller.session
    assert w.lazy_tabs.built() == ["overview"]
    title = FieldAddress(Part.TARGET, "1", "title")
    freedom = FieldAddress(Part.FREEDOM, "F1", "description")
    agreement = session.agreement
    assert agreement is not None
    other = Store.open(str(store_path))  # another officer's program, writing the same store
    try:
        field_edits.set_field(
            other, DEMO, title, "Fewer people killed on the roads", officer="Other Officer",
            expected=agreement.targets[0].title,
        )  # fmt: skip
        field_edits.set_field(
            other, DEMO, freedom, "Pool the road safety grants", officer="Other Officer",
            expected=agreement.freedoms[0].description,
        )  # fmt: skip
    finally:
        other.close()
    qtbot.waitUntil(
        lambda: (
            session.agreement is not None
            and session.agreement.freedoms[0].description == "Pool the road safety grants"
        ),
        timeout=5000,  # the window looks every second
    )
    opened.wait_idle()
    assert w.lazy_tabs.built() == ["overview"]  # the news built no tab

    w.window_actions.show_targets.trigger()
    tree = w.targets.tree
    assert tree.model().index(0, COLUMN_INDEX["title"]).data() == "Fewer people killed on the roads"
    w.window_actions.show_freedoms.trigger()
    assert "Pool the road safety grants" in str(w.freedoms.table.model().index(0, 1).data())
    w.window_actions.show_audit.trigger()
    newest = [str(w.audit.model.index(0, c).data()) for c in range(w.audit.model.columnCount())]
    assert "Other Officer" in newest
    assert opened.faults.errors == []


def test_a_tab_first_shown_in_presentation_mode_hides_what_the_others_hide(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    w = opened.window
    w.window_actions.presentation_mode.trigger()
    assert "targets" not in w.lazy_tabs.built()
    w.window_actions.show_targets.trigger()
    internal = COLUMN_INDEX["reserve"]
    assert w.targets.tree.isColumnHidden(internal)
    assert not w.targets.details.isVisibleTo(w.targets)
    refs = [w.target_model.index(r, 0).data() for r in range(w.target_model.rowCount())]
    assert "R1" not in refs  # the reserve target stays off the wall
    w.window_actions.presentation_mode.trigger()  # and back: every tab shows it all again
    assert not w.targets.tree.isColumnHidden(internal)
    assert w.targets.details_toggle.isVisibleTo(w.targets)


def test_pane_sizes_are_restored_when_the_tab_is_built_and_kept_if_it_never_is(
    open_window: Callable[..., OpenWindow], settings: AppSettings
) -> None:
    first = open_window()
    w = first.window
    w.window_actions.show_targets.trigger()
    w.targets.splitter.setSizes([300, 100])
    saved = w.targets.splitter.sizes()
    settings.set_splitter_state("freedomSplitter", QByteArray(b"kept as it was"))
    w.close()  # saves the layout: Freedoms was never built, so its sizes are not touched
    assert settings.splitter_state("freedomSplitter") == QByteArray(b"kept as it was")
    assert settings.current_tab == TARGETS

    again = open_window()
    assert again.window.lazy_tabs.built() == ["targets"]  # the tab in front at closing
    # The details pane keeps its height; the tree above it takes what the window gives.
    splitter = again.window.targets.splitter
    again.qtbot.waitUntil(lambda: splitter.sizes()[1] == saved[1])
    assert again.window.targets.details_toggle.isChecked() == (saved[1] > 0)


def test_remove_selected_removes_nothing_on_a_tab_without_items_to_remove(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    w, session = opened.window, opened.controller.session
    w.window_actions.show_people.trigger()
    w.partners.table.selectRow(0)
    w.window_actions.show_negotiation.trigger()
    before = session.agreement
    w.window_actions.remove_selected.trigger()  # it once removed the partner chosen last
    opened.wait_idle()
    assert session.agreement == before
    assert "people" in w.lazy_tabs.built() and opened.faults.errors == []


def test_the_audit_tab_built_late_shows_levels_with_their_units(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    w, session = opened.window, opened.controller.session
    agreement = session.agreement
    assert agreement is not None and "audit" not in w.lazy_tabs.built()
    address = FieldAddress(Part.INDICATOR, "2", "with_")
    session.set_field(
        agreement.ref, address, Decimal("7.4"), expected=Decimal("7.6"), action="Set with"
    )
    opened.wait_idle()
    assert "audit" not in w.lazy_tabs.built()
    w.window_actions.show_audit.trigger()
    newest = [str(w.audit.model.index(0, c).data()) for c in (4, 5)]
    assert newest == ["7.6%", "7.4%"]  # the agreement given to the tab when it was built
    assert opened.faults.errors == []
