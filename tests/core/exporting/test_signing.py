"""Signatories sign one after another; every earlier signature stays valid; certification;
the field is found by the signatory's name; mistakes are refused with a clear reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.exporting.errors import SigningError
from lpsa_desktop.exporting.identity import IdentityFiles, load_identity
from lpsa_desktop.exporting.signing import sign_pdf
from lpsa_desktop.exporting.verification import verify_pdf
from tests.core.exporting.helpers import PASSPHRASE, sign_as


def test_two_signatories_sign_in_turn_and_both_signatures_verify(
    signed_twice: Path, identities: list[IdentityFiles], demo: Agreement
) -> None:
    report = verify_pdf(signed_twice, [i.certificate for i in identities[:2]])
    first, second = report.signatures
    assert (first.field, second.field) == ("Signatory1", "Signatory2")
    assert first.signer == f"{demo.signatories[0].name}, {demo.signatories[0].organisation}"
    assert first.signatory == f"{demo.signatories[0].name} ({demo.signatories[0].position})"
    assert first.intact and second.intact
    assert first.trusted and second.trusted
    assert (first.later_changes, second.later_changes) == ("signatures", "none")
    assert first.certified and not second.certified
    assert first.signed_at is not None and first.signed_at.tzinfo is not None
    assert first.reason == "Signed as Leader of the Council, Bath and North East Somerset Council"
    assert report.all_intact and report.passed


def test_each_signature_is_an_incremental_update_of_the_signed_file(
    demo_pdf: Path, signed_twice: Path
) -> None:
    once = signed_twice.parent / "once.pdf"
    assert once.read_bytes().startswith(demo_pdf.read_bytes())
    assert signed_twice.read_bytes().startswith(once.read_bytes())


def test_trust_is_granted_per_certificate(
    signed_twice: Path, identities: list[IdentityFiles]
) -> None:
    untrusted = verify_pdf(signed_twice)
    assert [s.trusted for s in untrusted.signatures] == [False, False]
    assert untrusted.all_intact and not untrusted.passed  # untrusted is not valid
    assert untrusted.reason().startswith("NOT TRUSTED: not on the trust list: Cllr Margaret")
    partly = verify_pdf(signed_twice, [identities[0].certificate])
    assert [s.trusted for s in partly.signatures] == [True, False]
    assert partly.all_intact and not partly.passed
    wrong = verify_pdf(signed_twice, [identities[2].certificate])
    assert [s.trusted for s in wrong.signatures] == [False, False]


def test_all_three_sign_and_the_third_finds_the_other_two_standing(
    signed_twice: Path, identities: list[IdentityFiles], demo: Agreement, tmp_path: Path
) -> None:
    third = load_identity(identities[2].identity, PASSPHRASE)
    # Names are matched without regard to case or spacing.
    result = sign_pdf(signed_twice, tmp_path / "all.pdf", third, "  rt hon ALAN   whitcombe mp ")
    assert result.field == "Signatory3" and result.remaining == () and result.ahead_of == ()
    report = verify_pdf(tmp_path / "all.pdf", [i.certificate for i in identities])
    assert [s.later_changes for s in report.signatures] == ["signatures", "signatures", "none"]
    assert report.passed


def test_only_the_first_signature_may_certify(
    demo_pdf: Path, identities: list[IdentityFiles], demo: Agreement, tmp_path: Path
) -> None:
    names = [s.name for s in demo.signatories]
    once = sign_as(demo_pdf, tmp_path / "once.pdf", identities[0].identity, names[0])
    with pytest.raises(SigningError, match="only the first signature can certify"):
        sign_as(once, tmp_path / "x.pdf", identities[1].identity, names[1], certify=True)
    assert not (tmp_path / "x.pdf").exists()


def test_signing_twice_or_for_nobody_is_refused(
    signed_twice: Path, identities: list[IdentityFiles], tmp_path: Path
) -> None:
    with pytest.raises(SigningError, match=r"Cllr Margaret Hollis .* has already signed"):
        sign_as(signed_twice, tmp_path / "x.pdf", identities[0].identity, "Cllr Margaret Hollis")
    with pytest.raises(SigningError, match=r"no signature block for 'Jane Doe'.*David Pennington"):
        sign_as(signed_twice, tmp_path / "x.pdf", identities[0].identity, "Jane Doe")


def test_signing_out_of_turn_is_allowed_and_reported(
    demo_pdf: Path, identities: list[IdentityFiles], tmp_path: Path
) -> None:
    identity = load_identity(identities[1].identity, PASSPHRASE)
    result = sign_pdf(demo_pdf, tmp_path / "s.pdf", identity, "David Pennington")
    assert result.ahead_of == ("Cllr Margaret Hollis (Leader of the Council)",)
    assert verify_pdf(tmp_path / "s.pdf", [identities[1].certificate]).passed


def test_a_pdf_without_signature_fields_cannot_be_signed(
    identities: list[IdentityFiles], tmp_path: Path
) -> None:
    plain = tmp_path / "plain.pdf"
    canvas = Canvas(str(plain))
    canvas.drawString(100, 700, "Not an agreement")
    canvas.save()
    with pytest.raises(SigningError, match="no signature fields"):
        sign_as(plain, tmp_path / "x.pdf", identities[0].identity, "Anyone")
