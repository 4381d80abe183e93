"""PySide6 6.12 loses a reference to True on every emit; the window must survive a meeting."""

from __future__ import annotations

import os
import subprocess
import sys

EMIT_MANY = """
from ui.qt_workarounds import protect_bool_singletons
protect_bool_singletons()
from PySide6.QtCore import QObject, Signal

class Source(QObject):
    changed = Signal(object)

source = Source()
for n in range(100_000):
    source.changed.emit(n)
print("survived")
"""


def test_a_hundred_thousand_emits_do_not_abort_the_process() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", EMIT_MANY],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "survived"
