"""Screenshots of the main views at 1366 x 768, and in presentation mode.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_screenshots.py

Runs the real window on a fresh store with the demo agreement, with a few outturns entered
so that the reward panel has something to show, and writes docs/screenshots/*.png.
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
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from ui.app import create_window
from ui.app_settings import AppSettings
from ui.commands.edit_field_command import EditFieldCommand
from ui.item_models.cells import FieldEdit

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
    w.close()


if __name__ == "__main__":
    main()
