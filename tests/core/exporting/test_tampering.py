"""A signed agreement that was changed afterwards reads as not valid — to our verifier and to
poppler's pdfsig, an independent implementation."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from lpsa_desktop.exporting.errors import SigningError
from lpsa_desktop.exporting.identity import IdentityFiles
from lpsa_desktop.exporting.verification import verify_pdf
from tests.core.exporting.helpers import sign_as

TITLE = b"(Bath and North East Somerset Local Public Service Agreement)"


def _flip_one_byte_of_the_title(signed: Path, out: Path) -> Path:
    """Change one byte inside the first signature's range: the document's /Title."""
    data = bytearray(signed.read_bytes())
    at = data.index(TITLE) + 1  # the 'B' of Bath, well inside the first signed range
    data[at] ^= 0x01
    out.write_bytes(bytes(data))
    return out


def _append_update(signed: Path, out: Path, *, change_page: bool) -> Path:
    """An ordinary incremental update, as any PDF editor would write it."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed.read_bytes()), strict=False)
    if change_page:
        text = generic.StreamObject(stream_data=b"BT /F1 30 Tf 72 400 Td (Changed) Tj ET")
        writer.add_stream_to_page(0, writer.add_object(text))
    else:
        writer.add_object(
            generic.DictionaryObject({generic.NameObject("/Note"): generic.TextStringObject("hi")})
        )
    buffer = io.BytesIO()
    writer.write(buffer)
    out.write_bytes(buffer.getvalue())
    return out


def _pdfsig(path: Path) -> list[str]:
    """pdfsig's report, one block of lines per signature."""
    run = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    return run.stdout.split("Signature #")[1:]


def test_pdfsig_agrees_that_an_untouched_signed_agreement_is_valid(signed_twice: Path) -> None:
    first, second, unsigned = _pdfsig(signed_twice)
    assert "Signature Validation: Signature is Valid." in first
    assert "Signature Validation: Signature is Valid." in second
    assert "Total document signed" in second and "Not total document signed" in first
    assert "not signed" in unsigned  # the third signatory's field, still empty


def test_one_flipped_byte_in_the_signed_range_breaks_every_signature(
    signed_twice: Path, identities: list[IdentityFiles], tmp_path: Path
) -> None:
    tampered = _flip_one_byte_of_the_title(signed_twice, tmp_path / "flipped.pdf")
    report = verify_pdf(tampered, [i.certificate for i in identities])
    assert [s.intact for s in report.signatures] == [False, False]
    assert not report.all_intact and not report.passed
    assert all("Digest Mismatch" in block for block in _pdfsig(tampered)[:2])


def test_an_appended_update_that_changes_a_page_invalidates_the_signatures(
    signed_twice: Path, tmp_path: Path
) -> None:
    tampered = _append_update(signed_twice, tmp_path / "changed.pdf", change_page=True)
    report = verify_pdf(tampered)
    # The signed bytes are untouched (intact), but the document is no longer as signed.
    assert [s.intact for s in report.signatures] == [True, True]
    assert [s.later_changes for s in report.signatures] == ["other", "other"]
    assert not report.all_intact and not report.passed
    blocks = _pdfsig(tampered)
    assert not any("Total document signed" in block for block in blocks)


def test_any_update_after_signing_other_than_a_signature_reads_as_not_valid(
    signed_twice: Path, tmp_path: Path
) -> None:
    harmless_looking = _append_update(signed_twice, tmp_path / "added.pdf", change_page=False)
    report = verify_pdf(harmless_looking)
    assert [s.later_changes for s in report.signatures] == ["other", "other"]
    assert not report.passed
    trailing = tmp_path / "trailing.pdf"
    trailing.write_bytes(signed_twice.read_bytes() + b"\n% appended after signing\n")
    report = verify_pdf(trailing)
    assert not report.passed
    assert report.signatures[-1].later_changes == "other"


def test_a_document_changed_after_signing_is_not_signed_again(
    signed_twice: Path, identities: list[IdentityFiles], tmp_path: Path
) -> None:
    tampered = _append_update(signed_twice, tmp_path / "changed.pdf", change_page=True)
    with pytest.raises(SigningError, match="no longer stands"):
        sign_as(tampered, tmp_path / "x.pdf", identities[2].identity, "Rt Hon Alan Whitcombe MP")
