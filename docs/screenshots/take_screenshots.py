"""Screenshots of the main views at 1366 x 768, in presentation mode, and of a negotiation.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_screenshots.py

Runs the real window on a fresh store with the demo agreement, with a few outturns entered
so that the reward panel has something to show, and writes docs/screenshots/*.png. Then it
negotiates: takes round 1, changes two stretches and drops a target, compares round 1 with
the current state, and runs a meeting with decisions and actions (one of each internal).
"""

# A command-line script: it reports what it wrote.
# ruff: noqa: T201

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from lpsa_desktop.domain.enums import NegotiationStatus
from lpsa_desktop.domain.meetings import Attendee, ItemKind, ItemRef
from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from ui.app import create_window
from ui.app_settings import AppSettings
from ui.commands.edit_field_command import EditFieldCommand
from ui.commands.item_commands import RemoveItemCommand
from ui.commands.negotiation_commands import SetItemStatusCommand
from ui.controller import WindowController
from ui.item_models.cells import FieldEdit
from ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent
SIZE = (1366, 768)
OUTTURNS = {"1a": "73", "1b": "74", "2": "7.8", "3a": "57", "4a": "85", "5": "13.5", "7": "110"}


def wait(app: QApplication, condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shoot(app: QApplication, widget: QWidget, name: str) -> None:
    settle(app)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    # 256 colours are plenty for a window and keep each file well under 300 KB.
    subprocess.run(["convert", str(path), "-colors", "256", f"PNG8:{path}"], check=False)
    print(f"wrote {name}.png ({path.stat().st_size // 1024} KB)")


def main() -> None:
    os.environ["LPSA_OFFICER"] = "Sam Okafor (GOSW)"
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="lpsa-shots-"))
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window, controller = create_window(app, settings, lambda error: print("fault:", error))
    window.resize(*SIZE)
    window.show()
    controller.start(str(folder / "store.sqlite"), add_demo=True)
    session = controller.session
    wait(app, lambda: session.agreement is not None and session.runner.idle)
    ref = session.agreement.ref
    stack = controller.stack_for(ref)
    for indicator, value in OUTTURNS.items():
        address = FieldAddress(Part.INDICATOR, indicator, "actual")
        stack.push(EditFieldCommand(session, FieldEdit(ref, address, None, Decimal(value))))
    # One stretch typed the wrong way round, to show how a problem is marked in place.
    nine_a = FieldAddress(Part.INDICATOR, "9a", "with_")
    stack.push(EditFieldCommand(session, FieldEdit(ref, nine_a, Decimal(12), Decimal("17.5"))))
    wait(app, lambda: session.runner.idle)
    w = window
    shoot(app, w, "overview")
    w.tabs.setCurrentWidget(w.targets)
    w.targets.select("9", "9a", "title")
    shoot(app, w, "targets")
    w.tabs.setCurrentWidget(w.freedoms)
    w.freedoms.table.selectRow(1)
    shoot(app, w, "freedoms")
    w.tabs.setCurrentIndex(3)
    shoot(app, w, "partners-signatories")
    w.tabs.setCurrentWidget(w.audit)
    shoot(app, w, "audit")
    w.tabs.setCurrentWidget(w.targets)
    w.targets.select("3", "3a", "actual")
    w.window_actions.presentation_mode.trigger()
    shoot(app, w, "presentation-targets")
    w.tabs.setCurrentWidget(w.overview)
    shoot(app, w, "presentation-overview")
    w.window_actions.presentation_mode.trigger()
    negotiate(app, w, controller)
    w.close()


def negotiate(app: QApplication, w: MainWindow, controller: WindowController) -> None:
    """Round 1, then two stretches raised and target 3 dropped; a meeting about them."""
    session, negotiation = controller.session, controller.negotiation
    ref = session.agreement.ref
    stack = controller.stack_for(ref)
    negotiation.take_round(name="Council proposal 1", party=Party.COUNCIL,
                           held_on=date(2003, 1, 14), internal=False)  # fmt: skip
    wait(app, lambda: session.runner.idle)
    for indicator, old, new in (("1a", "73", "74"), ("2", "7.6", "7.5")):
        address = FieldAddress(Part.INDICATOR, indicator, "with_")
        stack.push(EditFieldCommand(session, FieldEdit(ref, address, Decimal(old), Decimal(new))))
    three = session.agreement.target("3")
    stack.push(RemoveItemCommand(session, ref, Part.TARGET, three, 2))
    status = FieldAddress(Part.TARGET, "1", "negotiation")
    stack.push(SetItemStatusCommand(session, ref, status, NegotiationStatus.OPEN,
                                    NegotiationStatus.AGREED))  # fmt: skip
    wait(app, lambda: session.runner.idle)
    w.tabs.setCurrentWidget(w.negotiation)
    w.negotiation.choose_sides(1, "current")
    wait(app, lambda: session.runner.idle and w.negotiation.changes_model.rowCount() > 0)
    shoot(app, w, "comparison")
    negotiation.open_meeting(
        held_on=date(2003, 3, 14),
        place="Guildhall, Bath",
        attendees=(
            Attendee("Jane Smith", "B&NES Council"),
            Attendee("Tom Reed", "B&NES Council"),
            Attendee("Raj Patel", "ODPM"),
            Attendee("Sam Okafor", "GOSW"),
        ),
        agenda=(
            ItemRef(ItemKind.TARGET, "1"),
            ItemRef(ItemKind.TARGET, "2"),
            ItemRef(ItemKind.FREEDOM, "F2"),
        ),
    )
    wait(app, lambda: session.runner.idle and w.meetings.chosen() is not None)
    w.tabs.setCurrentWidget(w.meetings)
    details = w.meetings.details
    entries = (
        ("target:1", "Stretch on 1a raised to 74% at ODPM's request; agreed.", False),
        ("target:2", "Attendance stretch of 7.5% agreed in principle.", False),
        ("target:2", "Fall back to 7.6% if the LEA cannot fund mentors.", True),
    )
    for item, text, internal in entries:
        details.choose_agenda_item(ItemRef.parse(item))
        details.decision_entry.text.setText(text)
        details.decision_entry.internal.setChecked(internal)
        details.decision_entry.submit()
        wait(app, lambda: session.runner.idle)
    actions = (
        ("freedom:F2", "Confirm the Home Office position in writing", "Raj Patel", date(2003, 3, 28), False),
        ("target:1", "Circulate revised 1a figures to the LSP", "Jane Smith", date(2003, 3, 21), False),
        ("target:2", "Cost the mentoring scheme", "Tom Reed", None, True),
    )  # fmt: skip
    for item, text, owner, due, internal in actions:
        details.choose_agenda_item(ItemRef.parse(item))
        entry = details.action_entry
        entry.text.setText(text)
        entry.owner.setEditText(owner)
        if due is not None:
            entry.due.setDate(due)
        entry.internal.setChecked(internal)
        entry.submit()
        wait(app, lambda: session.runner.idle)
    details.actions_model.setData(
        details.actions_model.index(1, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    wait(app, lambda: session.runner.idle)
    details.choose_agenda_item(ItemRef(ItemKind.TARGET, "2"))
    shoot(app, w, "meetings")


if __name__ == "__main__":
    main()
