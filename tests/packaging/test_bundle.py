"""The PyInstaller bundle (packaging/build.sh) is self-contained: its `lpsa` runs demo,
export, keygen, sign and verify on a fresh store, and its `lpsa-desktop` shows its window
offscreen and exits cleanly, all with no source tree and no virtual environment in reach."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh"), str(work / "dist"), str(work / "build")],
        check=True,
        capture_output=True,
        timeout=900,
    )
    # Move the bundle away from the build tree so nothing can be found beside it.
    moved = work / "installed" / "lpsa-desk"
    shutil.move(str(work / "dist" / "lpsa-desk"), moved)
    shutil.rmtree(work / "build")
    return moved


def _env(home: Path) -> dict[str, str]:
    return {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
        "LPSA_OFFICER": "Bundle Test",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }


def _lpsa(
    bundle: Path, home: Path, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / "lpsa"), "--db", str(home / "store.sqlite"), *args],
        check=False,
        cwd=home,
        env=_env(home),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_the_bundled_command_line_does_the_whole_round(bundle: Path, tmp_path: Path) -> None:
    ref = _lpsa(bundle, tmp_path, "demo").stdout.strip()
    assert ref == "bath-ne-somerset-lpsa1"
    assert _lpsa(bundle, tmp_path, "export", ref, "agreement.pdf").returncode == 0
    assert (tmp_path / "agreement.pdf").read_bytes().startswith(b"%PDF")
    (tmp_path / "pass.txt").write_text("correct horse battery staple\n")
    keygen = _lpsa(
        bundle,
        tmp_path,
        "keygen",
        "me.p12",
        "--name",
        "David Pennington",
        "--passphrase-file",
        "pass.txt",
    )
    assert keygen.returncode == 0, keygen.stderr
    sign = _lpsa(
        bundle, tmp_path, "sign", "agreement.pdf", "signed.pdf", "--identity", "me.p12",
        "--passphrase-file", "pass.txt", "--signatory", "David Pennington",
    )  # fmt: skip
    assert sign.returncode == 0, sign.stderr
    verify = _lpsa(bundle, tmp_path, "verify", "signed.pdf", "--json", "--trust", "me.pem")
    assert verify.returncode == 0, verify.stderr
    assert '"all_intact": true' in verify.stdout


@pytest.mark.slow
def test_the_bundled_window_starts_and_exits_cleanly(bundle: Path, tmp_path: Path) -> None:
    env = {**_env(tmp_path), "LPSA_DESKTOP_QUIT_AFTER_SHOW": "1"}
    result = subprocess.run(
        [str(bundle / "lpsa-desktop"), "--db", str(tmp_path / "store.sqlite"), "--demo"],
        check=False,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "window shown" in result.stdout
