"""What the command line shows and keeps: usage errors that never echo a mistyped secret,
a passphrase file saved by Notepad, and a log only its owner can read, without row values."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from lpsa_desktop.cli.main import main
from lpsa_desktop.cli.passphrase import read_passphrase
from lpsa_desktop.errors import StoreError
from lpsa_desktop.logs import configure_logging, log_file
from lpsa_desktop.storage.store import Store


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "args",
    [
        ("keygen", "--name", "A", "--pass", "SECRET-horse", "me.p12"),
        ("list", "--pass=SECRET-horse"),
        ("SECRET-horse",),
        ("status", "x", "target:1", "SECRET-horse"),
    ],
)
def test_a_usage_error_never_echoes_what_was_typed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, "--db", str(tmp_path / "s.sqlite"), *args)
    assert code == 2
    assert "SECRET" not in out + err


@pytest.mark.parametrize(
    "saved", [b"\xef\xbb\xbfcorrect horse\r\n", b"correct horse\r\n", b"correct horse\n\n"]
)
def test_a_passphrase_file_loses_its_bom_and_line_ending(tmp_path: Path, saved: bytes) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_bytes(saved)
    assert read_passphrase(secret, prompt="") == b"correct horse"


def test_the_log_is_the_owners_alone(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log_file().parent.mkdir(parents=True, mode=0o755)
    log_file().write_text("")
    log_file().chmod(0o644)
    configure_logging()
    run(capsys, "--db", str(tmp_path / "s.sqlite"), "demo")
    assert log_file().parent.stat().st_mode & 0o777 == 0o700
    assert log_file().stat().st_mode & 0o777 == 0o600


def test_a_store_error_never_carries_the_rows_values(store: Store) -> None:
    assert store.engine.hide_parameters
    with pytest.raises(StoreError) as caught, store.engine.connect() as connection:
        connection.execute(
            text("INSERT INTO nowhere (name) VALUES (:name)"), {"name": "ROW-CONTENT"}
        )
    assert "ROW-CONTENT" not in str(caught.value)
