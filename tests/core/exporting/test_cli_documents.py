"""`lpsa export`, `keygen`, `sign`, `verify` per shared/cli.md: output, JSON, exit status,
passphrases from a file or a prompt only, and one-line errors."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest

from lpsa_desktop.cli.main import main
from lpsa_desktop.logs import log_file

SECRET = "tangerine submarine 42"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A store with the demo, its PDF exported, two identities and a passphrase file."""
    db = str(tmp_path / "store.sqlite")
    (tmp_path / "pass.txt").write_text(SECRET + "\n")
    assert run(capsys, "--db", db, "demo")[0] == 0
    code, _, err = run(
        capsys, "--db", db, "export", "bath-ne-somerset-lpsa1", str(tmp_path / "a.pdf")
    )
    assert code == 0, err
    for who, name in (("leader", "Cllr Margaret Hollis"), ("chief", "David Pennington")):
        code, _, err = run(
            capsys, "keygen", str(tmp_path / f"{who}.p12"), "--name", name,
            "--organisation", "Bath and North East Somerset Council",
            "--passphrase-file", str(tmp_path / "pass.txt"),
        )  # fmt: skip
        assert code == 0, err
    return tmp_path


def _sign(capsys: pytest.CaptureFixture[str], work: Path, src: str, out: str, who: str,
          name: str, *extra: str) -> tuple[int, str, str]:  # fmt: skip
    return run(
        capsys, "sign", str(work / src), str(work / out), "--identity", str(work / f"{who}.p12"),
        "--passphrase-file", str(work / "pass.txt"), "--signatory", name, *extra,
    )  # fmt: skip


def test_export_prints_what_it_wrote(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    run(capsys, "--db", db, "demo")
    code, out, _ = run(capsys, "--db", db, "export", "Bath and North East Somerset Council",
                       str(tmp_path / "x.pdf"), "--draft")  # fmt: skip
    assert code == 0
    assert "9 pages, marked DRAFT; fingerprint " in out
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF-")
    code, _, err = run(capsys, "--db", db, "export", "nobody", str(tmp_path / "y.pdf"))
    assert code == 1 and err.startswith("lpsa: ") and len(err.strip().splitlines()) == 1


def test_keygen_sign_sign_verify_round_trip(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    code, out, err = _sign(capsys, work, "a.pdf", "s1.pdf", "leader", "Cllr Margaret Hollis",
                           "--certify")  # fmt: skip
    assert code == 0, err
    assert "and certified the document" in out and "Still to sign: David Pennington" in out
    code, out, err = _sign(capsys, work, "s1.pdf", "s2.pdf", "chief", "David Pennington")
    assert code == 0 and err == ""

    code, out, err = run(capsys, "verify", str(work / "s2.pdf"), "--json",
                         "--trust", str(work / "leader.pem"), "--trust", str(work / "chief.pem"))  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["file"] == str(work / "s2.pdf") and data["all_intact"] is True
    first, second = data["signatures"]
    contract = {"field", "signer", "signed_at", "intact", "trusted", "later_changes", "reason"}
    assert contract <= first.keys()
    assert (first["field"], first["intact"], first["trusted"]) == ("Signatory1", True, True)
    assert (first["later_changes"], second["later_changes"]) == ("signatures", "none")
    assert first["signer"].startswith("Cllr Margaret Hollis")
    assert first["signed_at"][:4].isdigit() and "T" in first["signed_at"]

    code, out, _ = run(capsys, "verify", str(work / "s2.pdf"))
    assert code == 1  # untrusted is not valid
    assert "1. Cllr Margaret Hollis (Leader of the Council) [Signatory1]: NOT VALID" in out
    assert "After it: only the signatures of David Pennington (Chief Executive)" in out
    assert "Trusted: NO" in out and "Result: NOT TRUSTED: not on the trust list" in out

    code, out, _ = run(capsys, "verify", str(work / "s2.pdf"),
                       "--trust", str(work / "leader.pem"), "--trust", str(work / "chief.pem"))  # fmt: skip
    assert code == 0
    assert "1. Cllr Margaret Hollis (Leader of the Council) [Signatory1]: VALID" in out
    assert "Result: VALID: the 2 signatures are intact" in out


def test_verify_fails_with_exit_1_when_a_signature_does_not_stand(
    capsys: pytest.CaptureFixture[str], work: Path
) -> None:
    _sign(capsys, work, "a.pdf", "s1.pdf", "leader", "Cllr Margaret Hollis")
    data = bytearray((work / "s1.pdf").read_bytes())
    at = data.index(b"(Bath and North East Somerset Local Public Service Agreement)") + 1
    data[at] ^= 1
    (work / "bad.pdf").write_bytes(bytes(data))
    code, out, err = run(capsys, "verify", str(work / "bad.pdf"))
    assert code == 1
    assert "NOT VALID" in out and "Intact: NO" in out and "Result: SIGNATURE BROKEN" in out
    assert "Traceback" not in err and "pyhanko" not in err.lower()
    code, out, _ = run(capsys, "verify", str(work / "bad.pdf"), "--json")
    assert code == 1 and json.loads(out)["all_intact"] is False


def test_verify_with_trust_fails_for_a_stranger(
    capsys: pytest.CaptureFixture[str], work: Path
) -> None:
    _sign(capsys, work, "a.pdf", "s1.pdf", "leader", "Cllr Margaret Hollis")
    code, out, _ = run(capsys, "verify", str(work / "s1.pdf"), "--trust", str(work / "chief.pem"))
    assert code == 1 and "Trusted: NO" in out and "Result: NOT TRUSTED" in out


def test_an_unsigned_or_unreadable_file_does_not_verify(
    capsys: pytest.CaptureFixture[str], work: Path
) -> None:
    code, out, _ = run(capsys, "verify", str(work / "a.pdf"))
    assert code == 1 and "no digital signature" in out
    (work / "x.pdf").write_text("hello")
    code, _, err = run(capsys, "verify", str(work / "x.pdf"))
    assert code == 1 and "REFUSED: not a PDF" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("option", ["--passphrase", "--passphrase=", "--pass", "--passphrase-fi"])
def test_a_passphrase_is_never_an_argument(
    capsys: pytest.CaptureFixture[str], work: Path, option: str
) -> None:
    given = [option + SECRET] if option.endswith("=") else [option, SECRET]
    for command in (["keygen", str(work / "x.p12"), "--name", "X"],
                    ["sign", str(work / "a.pdf"), str(work / "b.pdf"), "--identity",
                     str(work / "leader.p12"), "--signatory", "David Pennington"]):  # fmt: skip
        code, out, err = run(capsys, *command, *given)
        assert code == 2, (command, err)  # refused, never taken as --passphrase-file
        if option in ("--passphrase", "--passphrase="):
            assert SECRET not in out + err  # not even echoed back in the usage error
    assert not (work / "x.p12").exists() and not (work / "b.pdf").exists()


def test_passphrases_are_prompted_for_and_never_echoed_or_logged(
    capsys: pytest.CaptureFixture[str], work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([SECRET, SECRET, SECRET])
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    code, out, err = run(
        capsys, "keygen", str(work / "typed.p12"), "--name", "Cllr Margaret Hollis"
    )
    assert code == 0, err
    assert len(prompts) == 2 and "Type it again" in prompts[1]  # confirmed at creation
    code, out2, err2 = run(
        capsys, "sign", str(work / "a.pdf"), str(work / "t.pdf"), "--identity",
        str(work / "typed.p12"), "--signatory", "Cllr Margaret Hollis",
    )  # fmt: skip
    assert code == 0, err2
    everything = out + err + out2 + err2 + log_file().read_text(encoding="utf-8")
    assert SECRET not in everything


def test_mismatched_prompts_and_wrong_or_damaged_identities_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["first passphrase", "second passphrase"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    code, _, err = run(capsys, "keygen", str(work / "y.p12"), "--name", "Y")
    assert code == 1 and "do not match" in err and not (work / "y.p12").exists()

    (work / "wrong.txt").write_text("not the passphrase\n")
    code, _, err = run(
        capsys, "sign", str(work / "a.pdf"), str(work / "z.pdf"), "--identity",
        str(work / "leader.p12"), "--passphrase-file", str(work / "wrong.txt"),
        "--signatory", "Cllr Margaret Hollis",
    )  # fmt: skip
    assert code == 1 and "the passphrase does not open" in err
    assert len(err.strip().splitlines()) == 1 and "not the passphrase" not in err

    (work / "broken.p12").write_bytes((work / "leader.p12").read_bytes()[:100])
    code, _, err = run(
        capsys, "sign", str(work / "a.pdf"), str(work / "z.pdf"), "--identity",
        str(work / "broken.p12"), "--passphrase-file", str(work / "pass.txt"),
        "--signatory", "Cllr Margaret Hollis",
    )  # fmt: skip
    assert code == 1 and "not a PKCS#12 signing identity" in err
    assert not (work / "z.pdf").exists()


def test_signing_someone_elses_block_or_out_of_turn_is_noted(
    capsys: pytest.CaptureFixture[str], work: Path
) -> None:
    code, _, err = _sign(capsys, work, "a.pdf", "s.pdf", "leader", "David Pennington")
    assert code == 0
    assert "the identity is 'Cllr Margaret Hollis', signing the block of 'David Pennington'" in err
    assert "signed out of turn, before Cllr Margaret Hollis" in err
