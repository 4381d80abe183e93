"""Each attack the literature names, built on the signed demo agreement: our verdict
refuses it and names the change; the test records what poppler's pdfsig says of the same
file (pdfsig treats a later change as "Not total document signed" only, so it accepts most
of them).

The verdict here is ``verify_bytes``, the function the bounded child runs for `lpsa
verify` and the window (``test_verify_cli_agrees`` runs the CLI on some of these files).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import x509

from lpsa_desktop.exporting.identity import IdentityFiles
from lpsa_desktop.exporting.verdict.analysis import verify_bytes
from lpsa_desktop.exporting.verdict.certificates import read_certificate
from lpsa_desktop.exporting.verdict.model import Verdict
from tests.core.exporting import attacks
from tests.core.exporting.helpers import PASSPHRASE, sign_as
from tests.core.exporting.pdfsig import ACCEPTS, REFUSES, pdfsig_says

LEADER, CHIEF = "Cllr Margaret Hollis", "David Pennington"


@dataclass(frozen=True)
class Files:
    unsigned: Path
    once: Path
    twice: Path
    folder: Path
    identities: list[IdentityFiles]


@pytest.fixture(scope="module")
def files(
    demo_pdf: Path, signed_twice: Path, identities: list[IdentityFiles], tmp_path_factory: Any
) -> Files:
    return Files(
        demo_pdf,
        signed_twice.parent / "once.pdf",
        signed_twice,
        tmp_path_factory.mktemp("attacks"),
        identities,
    )


def roots(certificates: list[Path]) -> list[Any]:
    return [x509.Certificate.load(read_certificate(p).der) for p in certificates]


def _shadow(variant: str) -> Callable[[Files, Path], Path]:
    def build(f: Files, out: Path) -> Path:
        prepared = attacks.shadow_prepare(f.unsigned, out.with_suffix(".prep.pdf"), variant)
        once = sign_as(
            prepared, out.with_suffix(".1.pdf"), f.identities[0].identity, LEADER, certify=True
        )
        twice = sign_as(once, out.with_suffix(".2.pdf"), f.identities[1].identity, CHIEF)
        # Before the reveal the document verifies: the hidden content was signed.
        assert verify_bytes(twice.read_bytes(), roots([i.certificate for i in f.identities])).passed
        return attacks.shadow_reveal(twice, out, variant)

    return build


@dataclass(frozen=True)
class Attack:
    name: str
    build: Callable[[Files, Path], Path]
    verdict: Verdict
    words: str
    pdfsig: str


ATTACKS = [
    Attack("universal signature forgery: no /Contents",
           lambda f, o: attacks.universal_signature_forgery(f.twice, o, "no contents"),
           Verdict.BROKEN, "Minister for Local Government) is not a complete signature", REFUSES),
    Attack("universal signature forgery: no /ByteRange",
           lambda f, o: attacks.universal_signature_forgery(f.twice, o, "no byte range"),
           Verdict.BROKEN, "is not a complete signature", REFUSES),
    Attack("universal signature forgery: empty contents, zero byte range",
           lambda f, o: attacks.universal_signature_forgery(f.twice, o, "empty"),
           Verdict.BROKEN, "is not a complete signature", REFUSES),
    Attack("incremental saving attack, new xref",
           lambda f, o: attacks.incremental_saving_with_xref(f.twice, o),
           Verdict.MODIFIED, "the text or graphics of page 1 were changed", ACCEPTS),
    Attack("incremental saving attack, no new xref",
           lambda f, o: attacks.incremental_saving_without_xref(f.twice, o),
           Verdict.MODIFIED, "bytes were found after the end of the signed file", ACCEPTS),
    Attack("signature wrapping (byte range moved)",
           lambda f, o: attacks.signature_wrapping(f.once, o),
           Verdict.REFUSED, "not a readable PDF", REFUSES),
    Attack("shadow attack: hide", _shadow("hide"),
           Verdict.MODIFIED, "the text or graphics of page 1 were changed", ACCEPTS),
    Attack("shadow attack: replace", _shadow("replace"),
           Verdict.MODIFIED, "the appearance of a form field 'Figure' on page 1 was replaced", ACCEPTS),
    Attack("shadow attack: hide-and-replace", _shadow("hide-and-replace"),
           Verdict.MODIFIED, "the text or graphics of page 1 were changed", ACCEPTS),
    Attack("new signature field painted over the reward",
           lambda f, o: attacks.new_signature_field_overlay(f.twice, o, f.folder)[0],
           Verdict.MODIFIED, "a signature field 'Overlay' was added on page 1", ACCEPTS),
    Attack("annotation over content",
           lambda f, o: attacks.annotation_over_content(f.twice, o),
           Verdict.MODIFIED, "a text box was added on page 1", ACCEPTS),
    Attack("form field over content",
           lambda f, o: attacks.form_field_over_content(f.twice, o),
           Verdict.MODIFIED, "a form field 'Amount' was added on page 1", ACCEPTS),
    Attack("page added",
           lambda f, o: attacks.page_added(f.twice, o),
           Verdict.MODIFIED, "1 page was added (the document now has 10 pages)", ACCEPTS),
    Attack("metadata changed",
           lambda f, o: attacks.metadata_changed(f.twice, o),
           Verdict.MODIFIED, "the document information (Title) was changed", ACCEPTS),
    Attack("truncation",
           lambda f, o: attacks.truncated(f.twice, o),
           Verdict.MODIFIED, "left over from a revision that was cut off", ACCEPTS),
    Attack("trailing bytes",
           lambda f, o: attacks.trailing_bytes(f.twice, o),
           Verdict.MODIFIED, "47 bytes were found after the end of the signed file", ACCEPTS),
]  # fmt: skip


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
def test_each_attack_is_refused_and_named(attack: Attack, files: Files, tmp_path: Path) -> None:
    path = attack.build(files, tmp_path / "attacked.pdf")
    trusted = roots([i.certificate for i in files.identities])
    verdict = verify_bytes(path.read_bytes(), trusted, name=path.name)
    assert verdict.verdict is attack.verdict, verdict.reason()
    assert attack.words in verdict.reason()
    assert not verdict.passed and "\n" not in verdict.reason()
    # pdfsig, independently: "refuses" or "accepts" (see the table in docs).
    assert pdfsig_says(path) == attack.pdfsig


def test_the_untouched_agreement_is_valid_to_both(files: Files) -> None:
    trusted = roots([i.certificate for i in files.identities])
    verdict = verify_bytes(files.twice.read_bytes(), trusted)
    assert verdict.verdict is Verdict.VALID and verdict.passed
    assert pdfsig_says(files.twice) == ACCEPTS


def test_the_overlay_fails_even_when_the_forger_is_trusted(files: Files, tmp_path: Path) -> None:
    """A legitimate later signer cannot change what the document shows either."""
    path, forger = attacks.new_signature_field_overlay(files.twice, tmp_path / "o.pdf", tmp_path)
    trusted = roots([*(i.certificate for i in files.identities), forger])
    verdict = verify_bytes(path.read_bytes(), trusted)
    assert verdict.verdict is Verdict.MODIFIED
    overlay = verdict.signatures[-1]
    assert overlay.field == "Overlay" and overlay.trusted and not overlay.in_block
    assert "'Overlay', which is not one of the agreement's signatory blocks" in str(
        overlay.block_problem
    )


def test_a_certification_that_allows_no_change_refuses_even_a_signature(
    files: Files, tmp_path: Path
) -> None:
    """DocMDP on top of the policy: certified at level 1, nothing at all may follow, not
    even an update that only stamps the modification date (which the strict policy alone
    would let pass as harmless)."""
    import io  # noqa: PLC0415

    from pyhanko.pdf_utils import generic  # noqa: PLC0415
    from pyhanko.sign import signers  # noqa: PLC0415
    from pyhanko.sign.fields import MDPPerm  # noqa: PLC0415

    from lpsa_desktop.exporting.identity import load_identity  # noqa: PLC0415
    from lpsa_desktop.exporting.signing import _simple_signer  # noqa: PLC0415

    leader = load_identity(files.identities[0].identity, PASSPHRASE)
    metadata = signers.PdfSignatureMetadata(
        field_name="Signatory1", certify=True, docmdp_permissions=MDPPerm.NO_CHANGES
    )
    output = io.BytesIO()
    signers.PdfSigner(metadata, signer=_simple_signer(leader)).sign_pdf(
        attacks.writer_for(files.unsigned), output=output, existing_fields_only=True
    )
    (tmp_path / "locked.pdf").write_bytes(output.getvalue())
    writer = attacks.writer_for(tmp_path / "locked.pdf")
    info_ref = writer.trailer.raw_get("/Info")
    info_ref.get_object()[generic.pdf_name("/ModDate")] = generic.TextStringObject("D:20261203")
    writer.mark_update(info_ref)
    after = attacks.save(writer, tmp_path / "after.pdf")
    verdict = verify_bytes(after.read_bytes(), roots([i.certificate for i in files.identities]))
    assert verdict.verdict is Verdict.MODIFIED
    assert "the certification allows no change at all, yet the file was updated" in verdict.reason()
