"""Every file LPSA Desk writes is whole or absent: a kill or a fault at the rename leaves
the old file; links, devices and folders are refused; keygen writes its pair or nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lpsa_desktop.cli.main import main
from lpsa_desktop.safe_files.atomic import PREFIX, FileWriteError, write_bytes
from tests.core.storage.mounts import fill, small_tmpfs

REF = "bath-ne-somerset-lpsa1"
PASSPHRASE = "correct horse battery"
# `lpsa` in a child process that is killed (SIGKILL) at the step named by argv[1]: the
# rename that puts a file in place, or the key's link after its certificate is written.
KILLED_AT = """
import os, signal, sys
from pathlib import Path
import lpsa_desktop.exporting.identity as identity
from lpsa_desktop.cli.main import main
def die(*_args, **_kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
if sys.argv[1] == "rename":
    Path.replace = die
else:
    identity.write_new_files = die
sys.exit(main(sys.argv[2:]))
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def killed(step: str, *args: str) -> int:
    return subprocess.run([sys.executable, "-c", KILLED_AT, step, *args], check=False).returncode


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "s.sqlite")
    assert run(capsys, "--db", path, "demo")[0] == 0
    return path


def temporaries(folder: Path) -> list[Path]:
    return list(folder.glob(f"{PREFIX}*"))


def test_a_killed_template_leaves_the_old_file_and_its_temporary_is_cleaned_later(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "return.xlsx"
    assert run(capsys, "--db", db, "template", REF, str(out))[0] == 0
    good = out.read_bytes()
    assert killed("rename", "--db", db, "template", REF, str(out)) == -9
    assert out.read_bytes() == good
    left = temporaries(tmp_path)
    assert len(left) == 1  # what the kill left; a minute on, the next write removes it
    old = time.time() - 3600
    os.utime(left[0], (old, old))
    earlier = tmp_path / ".lpsa-k2j3h4.pdf"  # what a killed export left before this fix
    earlier.write_bytes(b"%PDF-1.4 half")
    os.utime(earlier, (old, old))
    assert run(capsys, "--db", db, "export", REF, str(tmp_path / "a.pdf"))[0] == 0
    assert temporaries(tmp_path) == [] and not earlier.exists()


def test_a_killed_keygen_leaves_no_key_and_the_retry_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE)
    identity = tmp_path / "me.p12"
    args = ("keygen", "--name", "A Signatory", "--passphrase-file", str(secret), str(identity))
    assert killed("key", *args) == -9
    assert not identity.exists()
    code, _, err = run(capsys, *args)
    assert code == 0, err
    assert identity.stat().st_mode & 0o777 == 0o600 and identity.with_suffix(".pem").exists()


def test_keygen_on_a_full_disk_writes_nothing_and_works_once_there_is_room(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE)
    with small_tmpfs(tmp_path / "full", "1m") as folder:
        identity = folder / "me.p12"
        args = ("keygen", "--name", "A Signatory", "--passphrase-file", str(secret), str(identity))
        fill(folder)
        code, _, err = run(capsys, *args)
        assert code == 1 and "No space left" in err and err.count("\n") == 1
        assert sorted(p.name for p in folder.iterdir()) == ["filler"]
        (folder / "filler").unlink()
        assert run(capsys, *args)[0] == 0


def test_a_symbolic_link_destination_is_refused_and_left_alone(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(b"mine")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    code, _, err = run(capsys, "--db", db, "export", REF, str(link))
    assert code == 1 and "symbolic link" in err
    assert link.is_symlink() and real.read_bytes() == b"mine"
    sheet_link = tmp_path / "link.xlsx"
    sheet_link.symlink_to(real)
    code, _, err = run(capsys, "--db", db, "template", REF, str(sheet_link))
    assert code == 1 and "symbolic link" in err
    assert sheet_link.is_symlink() and real.read_bytes() == b"mine"


def test_devices_pipes_and_folders_are_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(FileWriteError, match="not a regular file"):
        write_bytes(pipe, b"x")
    with pytest.raises(FileWriteError, match="is a folder"):
        write_bytes(tmp_path, b"x")
    if Path("/dev/full").exists():
        with pytest.raises(FileWriteError, match="not a regular file"):
            write_bytes(Path("/dev/full"), b"x")
        assert Path("/dev/full").is_char_device()
    assert temporaries(tmp_path) == []


def test_a_written_file_is_whole_and_keeps_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    write_bytes(target, b"first")
    write_bytes(target, b"second")
    assert target.read_bytes() == b"second" and temporaries(tmp_path) == []
