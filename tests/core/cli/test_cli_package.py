"""`lpsa package export|show|merge` from the command line."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from lpsa_desktop.cli.main import main
from lpsa_desktop.services.agreement_editing import update_agreement
from lpsa_desktop.storage.store import Store
from tests.core.negotiation.helpers import set_with


def _dump(db: Path) -> str:
    with closing(sqlite3.connect(db)) as connection:
        return "\n".join(connection.iterdump())


def _lpsa(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


@pytest.fixture
def two_laptops(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """A made the demo and sent it; B merged it; each then set 1a's 'with' differently."""
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    assert _lpsa(a, "demo") == 0
    assert _lpsa(a, "package", "export", "bath-ne-somerset-lpsa1", str(tmp_path / "a.lpsa")) == 0
    assert _lpsa(b, "package", "merge", str(tmp_path / "a.lpsa")) == 0
    for db, value in ((a, "80"), (b, "81")):
        store = Store.open(str(db))
        update_agreement(
            store, "bath-ne-somerset-lpsa1", lambda x, v=value: set_with(x, "1a", v),
            officer="Officer", action="edit",
        )  # fmt: skip
        store.close()
    assert _lpsa(b, "package", "export", "bath-ne-somerset-lpsa1", str(tmp_path / "b.lpsa")) == 0
    capsys.readouterr()
    return a, tmp_path / "b.lpsa"


def test_merge_with_an_unresolved_conflict_exits_1_and_writes_nothing(
    two_laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, package = two_laptops
    before = _dump(a)
    assert _lpsa(a, "package", "merge", str(package)) == 1
    out, err = capsys.readouterr()
    assert "indicator:1a.with: base 73 | mine 80" in out and "theirs 81" in out
    assert "need a choice" in err and "nothing was written" in err
    assert _dump(a) == before


def test_take_item_resolves_a_conflict_and_the_merge_is_written(
    two_laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, package = two_laptops
    assert _lpsa(a, "package", "merge", str(package), "--dry-run", "--take", "theirs") == 0
    assert "Dry run" in capsys.readouterr().out
    args = ("package", "merge", str(package), "--take-item", "indicator:1a.with=theirs", "--json")
    assert _lpsa(a, *args) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["written"] and plan["conflicts"][0]["chosen"] == "theirs"
    assert _lpsa(a, "show", "bath-ne-somerset-lpsa1", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["targets"][0]["indicators"][0]["with"] == 81


def test_a_take_item_that_is_not_a_conflict_is_refused(
    two_laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, package = two_laptops
    assert _lpsa(a, "package", "merge", str(package), "--take-item", "target:3.title=mine") == 1
    assert "no such conflict" in capsys.readouterr().err
    assert _lpsa(a, "package", "merge", str(package), "--take-item", "nonsense") == 1
    assert "is not ADDRESS=mine" in capsys.readouterr().err


def test_show_says_who_when_what_and_the_base(
    two_laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, package = two_laptops
    assert _lpsa(a, "package", "show", str(package), "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["agreement"] == "bath-ne-somerset-lpsa1"
    assert shown["signer"] is None and shown["base"].startswith("package sent")


def test_a_signed_export_and_the_internal_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, passphrase = tmp_path / "a.sqlite", tmp_path / "pass.txt"
    passphrase.write_text("correct horse battery\n")
    assert _lpsa(db, "demo") == 0
    assert _lpsa(db, "keygen", str(tmp_path / "me.p12"), "--name", "Alice Officer",
                 "--passphrase-file", str(passphrase)) == 0  # fmt: skip
    out = tmp_path / "signed.lpsa"
    assert _lpsa(db, "package", "export", "bath-ne-somerset-lpsa1", str(out),
                 "--identity", str(tmp_path / "me.p12"), "--passphrase-file", str(passphrase),
                 "--include-internal") == 0  # fmt: skip
    captured = capsys.readouterr()
    assert "INTERNAL" in captured.err and "signed by Alice Officer" in captured.out
    assert _lpsa(db, "package", "show", str(out)) == 0
    assert "by Alice Officer" in capsys.readouterr().out
