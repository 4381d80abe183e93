"""The core is usable with no display: importing all of it loads no Qt module."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import importlib, pkgutil, sys
import lpsa_desktop
for module in pkgutil.walk_packages(lpsa_desktop.__path__, "lpsa_desktop."):
    importlib.import_module(module.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui"))
print(len([m for m in sys.modules if m.startswith("lpsa_desktop.")]), qt)
"""


def test_importing_every_core_module_loads_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    )
    count, qt = result.stdout.strip().split(" ", 1)
    assert int(count) > 20  # it really imported the core
    assert qt == "[]"
