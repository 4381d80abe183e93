"""Tampered, truncated, oversized, renamed and hostile packages: each refused in one line
by `lpsa package merge` (and `show`), with the receiving store's file byte for byte as it was."""

from __future__ import annotations

import gc
import hashlib
import json
import sqlite3
import zipfile
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from lpsa_desktop.cli.main import main
from lpsa_desktop.exchange import limits
from lpsa_desktop.exchange.errors import PackageError
from lpsa_desktop.exchange.reader import read_package
from lpsa_desktop.exporting.identity import create_identity, load_identity
from lpsa_desktop.services.package_exchange import export_package
from lpsa_desktop.storage.store import Store
from tests.core.exchange.helpers import REF, file_digest

PASSPHRASE = b"correct horse battery"


@pytest.fixture
def good(laptop_a: Store, tmp_path: Path) -> Path:
    path = tmp_path / "good.lpsa"
    export_package(laptop_a, REF, path, officer="Alice")
    return path


@pytest.fixture
def signed(laptop_a: Store, tmp_path: Path) -> Path:
    files = create_identity(
        tmp_path / "alice.p12", name="Alice Officer", organisation="BANES", passphrase=PASSPHRASE
    )
    path = tmp_path / "signed.lpsa"
    identity = load_identity(files.identity, PASSPHRASE)
    export_package(laptop_a, REF, path, officer="Alice", identity=identity)
    return path


@pytest.fixture
def receiver(tmp_path: Path) -> Path:
    """Laptop B's store, holding an agreement of its own so its bytes have content."""
    path = tmp_path / "b.sqlite"
    assert main(["--db", str(path), "demo"]) == 0
    gc.collect()  # the command's engine closes, so no later checkpoint rewrites the file
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _entries(package: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(package) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rezip(path: Path, entries: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return path


def _with_part(source: Path, target: Path, part: str, data: bytes) -> Path:
    """``part`` replaced and the manifest updated to match (an honest-looking package)."""
    entries = _entries(source)
    entries[part] = data
    manifest = json.loads(entries["manifest.json"])
    manifest["parts"][part]["sha256"] = hashlib.sha256(data).hexdigest()
    entries["manifest.json"] = json.dumps(manifest).encode()
    return _rezip(target, list(entries.items()))


def _tampered_part(good: Path, out: Path) -> Path:
    entries = _entries(good)
    entries["agreement.json"] = entries["agreement.json"].replace(b'"73"', b'"99"', 1)
    return _rezip(out, list(entries.items()))


def _truncated(good: Path, out: Path) -> Path:
    out.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    return out


def _renamed_workbook(good: Path, out: Path) -> Path:
    return _rezip(out, [("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<workbook/>")])


def _renamed_text(good: Path, out: Path) -> Path:
    out.write_bytes(b"%PDF-1.7\nnot a package\n")
    return out


def _zip_bomb(good: Path, out: Path) -> Path:
    entries = _entries(good)
    return _rezip(out, [*((n, d) for n, d in entries.items() if n != "audit.json"),
                        ("audit.json", b"[" + b" " * (8 * 1024 * 1024) + b"]")])  # fmt: skip


def _path_traversal(good: Path, out: Path) -> Path:
    return _rezip(out, [*_entries(good).items(), ("../../etc/cron.d/evil", b"* * * * * root x")])


def _duplicate_entry(good: Path, out: Path) -> Path:
    entries = list(_entries(good).items())
    with pytest.warns(UserWarning, match="Duplicate name"):
        return _rezip(out, [*entries, ("agreement.json", b"{}")])


def _unknown_entry(good: Path, out: Path) -> Path:
    return _rezip(out, [*_entries(good).items(), ("macro.py", b"import os")])


def _malformed_json(good: Path, out: Path) -> Path:
    return _with_part(good, out, "rounds.json", b'[{"number": 1,')


def _schema_violation(good: Path, out: Path) -> Path:
    return _with_part(good, out, "meetings.json", b'[{"held_on": 20030101, "place": "x"}]')


def _deep_nesting(good: Path, out: Path) -> Path:
    return _with_part(good, out, "audit.json", b"[" * 100_000 + b"]" * 100_000)


def _huge_number(good: Path, out: Path) -> Path:
    return _with_part(good, out, "imports.json", b"[" + b"9" * 100_000 + b"]")


def _no_manifest(good: Path, out: Path) -> Path:
    return _rezip(out, [(n, d) for n, d in _entries(good).items() if n != "manifest.json"])


HOSTILE: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "tampered part": (_tampered_part, "altered after export"),
    "truncated": (_truncated, "truncated"),
    "renamed workbook": (_renamed_workbook, "not an agreement package"),
    "renamed pdf": (_renamed_text, "not an agreement package"),
    "zip bomb": (_zip_bomb, "zip bomb"),
    "path traversal": (_path_traversal, "path trick"),
    "duplicate entry": (_duplicate_entry, "twice"),
    "unknown entry": (_unknown_entry, "unknown entry"),
    "malformed json": (_malformed_json, "not valid JSON"),
    "schema violation": (_schema_violation, "schema"),
    "deep nesting": (_deep_nesting, "not valid JSON"),
    "huge number": (_huge_number, "imports.json"),
    "no manifest": (_no_manifest, "no manifest"),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_hostile_package_is_refused_in_one_line_and_the_store_is_unchanged(
    case: str, good: Path, receiver: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, says = HOSTILE[case]
    package = make(good, tmp_path / "hostile.lpsa")
    before = file_digest(receiver)
    for command in (["package", "merge", str(package)], ["package", "show", str(package)]):
        capsys.readouterr()
        assert main(["--db", str(receiver), *command]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err, err
        assert says in err and "hostile.lpsa" in err, err
    gc.collect()
    assert file_digest(receiver) == before


def test_an_oversized_package_is_refused_before_it_is_opened(
    good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("lpsa_desktop.exchange.reader.MAX_PACKAGE_BYTES", 1000)
    with pytest.raises(PackageError, match="a package is at most"):
        read_package(good)


def test_a_part_declaring_more_than_the_limit_is_refused_unread(
    good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("lpsa_desktop.exchange.reader.MAX_PART_BYTES", 100)
    with pytest.raises(PackageError, match="possible zip bomb"):
        read_package(good)
    assert limits.MAX_PART_BYTES > 100  # the real limit is untouched


def test_a_signed_package_names_its_signer(signed: Path) -> None:
    read = read_package(signed)
    assert read.signer is not None and read.signer.name == "Alice Officer"
    assert read.signer.organisation == "BANES" and len(read.signer.fingerprint) == 95


def test_an_unsigned_package_says_so(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert read_package(good).signer is None
    assert main(["package", "show", str(good)]) == 0
    assert "NOT signed" in capsys.readouterr().out


def test_a_signed_package_altered_with_a_matching_manifest_is_refused(
    signed: Path, tmp_path: Path
) -> None:
    """Whoever alters a part and rewrites the manifest's hash still cannot re-sign it."""
    entries = _entries(signed)
    altered = entries["agreement.json"].replace(b'"73"', b'"99"', 1)
    forged = _with_part(signed, tmp_path / "forged.lpsa", "agreement.json", altered)
    with pytest.raises(PackageError, match="altered after signing"):
        read_package(forged)


def test_a_signed_package_with_its_signature_removed_but_certificate_kept_is_refused(
    signed: Path, tmp_path: Path
) -> None:
    entries = [(n, d) for n, d in _entries(signed).items() if n != "signature.bin"]
    with pytest.raises(PackageError, match="half a signature"):
        read_package(_rezip(tmp_path / "half.lpsa", entries))
