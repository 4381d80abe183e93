"""Issue 13's bar to clear, on the real program in a process of its own: Print preview,
Sign PDF with a typed absolute path, three outturns copied and pasted two rows down, and
Ctrl+Q; no crash, no error, exit status 0. Under Xvfb with xcb in the second test run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_window_clears_the_bar(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.bar_driver", "--db", str(tmp_path / "s.sqlite"), "--demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    said = done.stdout
    assert done.returncode == 0, (said, done.stderr[-2000:])
    assert "print preview opened, scrolled and closed" in said
    assert "typed an absolute path into Sign PDF" in said
    assert "pasted them two rows down: 70, 71.5, 72" in said
    assert "pressed Ctrl+Q" in said and "still open" not in said
    assert "Fatal Python error" not in done.stderr
