"""Screenshots of the window at 1366 x 768: the targets tree with its details folded and
open, presentation mode, and a refused value said at its cell.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" \\
        .venv/bin/python docs/screenshots/take_layout_screenshots.py

Runs the real window on a fresh store with the demo agreement and writes
docs/screenshots/{window-1366x768,details-open,presentation,refused-value}.png.
"""

# A command-line script: it reports what it wrote.
# ruff: noqa: T201

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from take_screenshots import SIZE, settle, shoot, wait

from ui.app import create_window
from ui.app_settings import AppSettings


def main() -> None:
    os.environ["LPSA_OFFICER"] = "Sam Okafor (GOSW)"
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="lpsa-shots-"))
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    w, controller = create_window(app, settings, lambda error: print("fault:", error))
    w.resize(*SIZE)
    w.show()
    controller.start(str(folder / "store.sqlite"), add_demo=True)
    session = controller.session
    wait(app, lambda: session.agreement is not None and session.runner.idle)
    w.tabs.setCurrentWidget(w.targets)
    w.targets.select("1", "1a", "title")
    shoot(app, w, "window-1366x768")
    w.targets.details_toggle.setChecked(True)
    w.targets.select("3", "3a", "title")
    shoot(app, w, "details-open")
    w.targets.details_toggle.setChecked(False)
    tree = w.targets.tree
    w.targets.select("2", "2", "actual")
    tree.setFocus()
    tree.edit(tree.currentIndex())
    settle(app)
    editor = next(e for e in tree.viewport().findChildren(QLineEdit) if e.isVisible())
    QTest.keyClicks(editor, "about 8")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    shoot(app, w, "refused-value")
    controller.refusal_balloon.hide()
    w.targets.select("1", "1a", "title")
    w.window_actions.presentation_mode.trigger()
    shoot(app, w, "presentation")
    w.window_actions.presentation_mode.trigger()
    w.close()


if __name__ == "__main__":
    main()
