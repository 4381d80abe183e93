"""`lpsa trust add|list|remove` keep the trust list in the store; `lpsa verify` uses it
(``--trust`` adds for one run only), exits 0 only when every signature is intact, in its
block and trusted, and otherwise gives the reason on one line. The verdict it prints is the
one ``verify_bytes`` gives for the same file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from asn1crypto import x509

from lpsa_desktop.exporting.identity import IdentityFiles, create_identity
from lpsa_desktop.exporting.verdict.analysis import verify_bytes
from lpsa_desktop.exporting.verdict.certificates import read_certificate
from tests.core.exporting import attacks
from tests.core.exporting.helpers import PASSPHRASE, sign_as
from tests.core.exporting.pdfsig import ACCEPTS, pdfsig_says
from tests.core.exporting.test_cli_documents import run


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "store.sqlite")


def _trust_all(
    capsys: pytest.CaptureFixture[str], db: str, identities: list[IdentityFiles]
) -> None:
    for files in identities:
        code, out, err = run(capsys, "--db", db, "trust", "add", str(files.certificate))
        assert code == 0, err
        assert out.startswith("Now trusting ") and f"SHA-256: {files.sha256}" in out


def test_the_trust_list_is_kept_in_the_store_and_used_by_verify(
    capsys: pytest.CaptureFixture[str], db: str, identities: list[IdentityFiles], signed_twice: Path
) -> None:
    code, out, _ = run(capsys, "--db", db, "verify", str(signed_twice))
    assert code == 1 and out.strip().endswith("(add their certificate with `lpsa trust add`).")
    _trust_all(capsys, db, identities[:2])
    code, out, _ = run(capsys, "--db", db, "trust", "add", str(identities[0].certificate))
    assert code == 0 and out.startswith("Already trusted: Cllr Margaret Hollis")
    code, out, _ = run(capsys, "--db", db, "trust", "list")
    assert out.count("SHA-256 ") == 2 and "David Pennington, Bath and North East" in out

    code, out, _ = run(capsys, "--db", db, "verify", str(signed_twice))
    assert code == 0, out
    assert "Result: VALID: the 2 signatures are intact" in out

    code, out, err = run(capsys, "--db", db, "trust", "remove", "pennington")
    assert code == 0 and out.startswith("No longer trusting David Pennington"), err
    code, out, err = run(capsys, "--db", db, "verify", str(signed_twice), "--json")
    assert code == 1 and json.loads(out)["verdict"] == "NOT TRUSTED"
    assert err.count("\n") == 1 and err.startswith("lpsa: NOT TRUSTED: not on the trust list")
    # --trust adds a certificate for this run only
    code, _, _ = run(capsys, "--db", db, "verify", str(signed_twice), "--trust", str(identities[1].certificate))  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "trust", "list", "--json")
    assert [c["name"] for c in json.loads(out)] == ["Cllr Margaret Hollis"]
    code, _, err = run(capsys, "--db", db, "trust", "remove", "nobody")
    assert code == 1 and "no trusted certificate matches 'nobody'" in err


def test_a_bad_certificate_is_a_one_line_refusal(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    (tmp_path / "x.pem").write_text("not a certificate")
    code, _, err = run(capsys, "--db", db, "trust", "add", str(tmp_path / "x.pem"))
    assert code == 1 and "is not a certificate (PEM or DER)" in err and err.count("\n") == 1


def test_an_impostor_in_the_ministers_block_is_refused_trusted_or_not(
    capsys: pytest.CaptureFixture[str],
    db: str,
    identities: list[IdentityFiles],
    signed_twice: Path,
    tmp_path: Path,
) -> None:
    impostor = create_identity(tmp_path / "mallory.p12", name="Mallory Impostor", organisation=None, passphrase=PASSPHRASE)  # fmt: skip
    signed = sign_as(signed_twice, tmp_path / "impostor.pdf", impostor.identity, "Rt Hon Alan Whitcombe MP")  # fmt: skip
    _trust_all(capsys, db, [*identities, impostor])
    code, out, _ = run(capsys, "--db", db, "verify", str(signed))
    assert code == 1
    assert (
        "Result: WRONG BLOCK: the block of Rt Hon Alan Whitcombe MP (Minister for Local "
        "Government) was signed with a certificate in the name of Mallory Impostor." in out
    )
    assert pdfsig_says(signed) == ACCEPTS  # pdfsig: every signature valid, issuer unknown
    # A self-made certificate in the Minister's own name is in the block, but not trusted.
    lookalike = create_identity(tmp_path / "alan.p12", name="Alan Whitcombe", organisation=None, passphrase=PASSPHRASE)  # fmt: skip
    signed = sign_as(signed_twice, tmp_path / "lookalike.pdf", lookalike.identity, "Rt Hon Alan Whitcombe MP")  # fmt: skip
    code, out, _ = run(capsys, "--db", db, "verify", str(signed))
    assert code == 1 and "Result: NOT TRUSTED: not on the trust list: Alan Whitcombe (add" in out


@pytest.mark.parametrize(
    "build",
    [
        lambda f, o: attacks.new_signature_field_overlay(f, o, o.parent)[0],
        attacks.page_added,
        attacks.trailing_bytes,
    ],
    ids=["overlay", "page added", "trailing bytes"],
)
def test_lpsa_verify_gives_the_core_verdict_on_attacked_files(
    build: object,
    capsys: pytest.CaptureFixture[str],
    db: str,
    identities: list[IdentityFiles],
    signed_twice: Path,
    tmp_path: Path,
) -> None:
    path = build(signed_twice, tmp_path / "attacked.pdf")  # type: ignore[operator]
    _trust_all(capsys, db, identities)
    code, out, _ = run(capsys, "--db", db, "verify", str(path))
    roots = [x509.Certificate.load(read_certificate(i.certificate).der) for i in identities]
    core = verify_bytes(path.read_bytes(), roots, name=str(path))
    assert code == 1
    assert out.strip().splitlines()[-1] == f"Result: {core.reason()}."
    assert core.reason().startswith("MODIFIED AFTER SIGNING: after Cllr Margaret Hollis")
