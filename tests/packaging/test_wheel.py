"""`pip install .` carries every resource: the installed package, not the source tree,
serves the demo data, fonts and icons."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
RESOURCES = [
    "lpsa_desktop/resources/demo_agreement.json",
    "lpsa_desktop/resources/fonts/DejaVuSans.ttf",
    "lpsa_desktop/resources/fonts/LICENSE-DejaVu.txt",
    "lpsa_desktop/resources/icons/lpsa-desk.png",
    "lpsa_desktop/resources/icons/LICENSE.txt",
]

CHECK = """
import lpsa_desktop, sys
from lpsa_desktop.services.demo import demo_agreement
from lpsa_desktop.version import app_version
from lpsa_desktop.licences import bundled_licences
from lpsa_desktop.exporting.pdf_fonts import register_fonts
import lpsa_desktop.resources
register_fonts()
assert bundled_licences()
assert lpsa_desktop.resources.__file__.startswith(lpsa_desktop.__file__.rsplit("/", 2)[0])
print(lpsa_desktop.__file__)
print(len(demo_agreement().targets), app_version())
"""


@pytest.mark.slow
def test_the_wheel_carries_every_resource_and_the_installed_copy_uses_them(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(tmp_path / "wheel"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = (tmp_path / "wheel").glob("lpsa_desk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(RESOURCES) <= names
    # resources/ in the tree is the package lpsa_desktop.resources in the wheel.
    assert not any(n.startswith(("tests/", "bench/", "resources/")) for n in names)

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    location, summary = result.stdout.splitlines()
    assert location.startswith(str(target))  # not the editable source tree
    assert summary == "13 0.1.0"
