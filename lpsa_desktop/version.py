"""The version, from one place: the package metadata (pyproject.toml's ``version``).

A frozen bundle carries the metadata too (the PyInstaller spec copies it), so the same
call works there.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "lpsa-desk"


def app_version() -> str:
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"
