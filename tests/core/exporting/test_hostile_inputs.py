"""Hostile inputs get a one-line refusal within the limits; the log holds the detail.

These go through ``verify_pdf``, the bounded path `lpsa verify` and the window use: a
child process with a memory cap and a time limit, after pre-checks on the raw bytes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from lpsa_desktop.exporting.verdict.bounded import Limits
from lpsa_desktop.exporting.verdict.model import REFUSAL_TOO_BIG, Verdict
from lpsa_desktop.exporting.verification import verify_pdf
from tests.core.exporting import hostile
from tests.core.exporting.pdfsig import ACCEPTS, REFUSES, pdfsig_says

# The last column is what pdfsig says: appended to a signed agreement, the giant xrefs are
# passed over by poppler, which reads the signed revisions and calls them valid.
CASES: list[tuple[str, Callable[[bytes, Path], bytes], str, str]] = [
    ("giant xref stream", lambda s, d: hostile.giant_xref_stream(),
     "claims 1,000,000,000 objects, more than a file of", REFUSES),
    ("giant xref appended to a signed agreement", lambda s, d: hostile.giant_xref_appended(s),
     "claims 1,000,000,000 objects", ACCEPTS),
    ("60 MB xref", lambda s, d: hostile.sixty_megabyte_xref(s),
     "claims 3,000,000 objects; an agreement has a few thousand", ACCEPTS),
    ("arrays nested 1,000 deep", lambda s, d: hostile.deep_nesting(),
     "nests arrays or dictionaries more than 64 deep", REFUSES),
    ("nesting the pre-check cannot see", lambda s, d: hostile.deep_nesting_in_disguise(),
     REFUSAL_TOO_BIG, REFUSES),
    ("random bytes", lambda s, d: hostile.random_bytes(), "not a PDF", REFUSES),
    ("0 bytes", lambda s, d: b"", "the file is empty (0 bytes)", REFUSES),
    ("a workbook renamed .pdf", lambda s, d: hostile.not_a_pdf(), "not a PDF", REFUSES),
    ("an encrypted PDF", lambda s, d: hostile.encrypted_pdf(d), "the PDF is encrypted", REFUSES),
]  # fmt: skip


@pytest.mark.parametrize(
    ("build", "words", "pdfsig"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_hostile_input_is_refused_in_one_line(
    build: Callable[[bytes, Path], bytes],
    words: str,
    pdfsig: str,
    signed_twice: Path,
    tmp_path: Path,
) -> None:
    path = tmp_path / "hostile.pdf"
    path.write_bytes(build(signed_twice.read_bytes(), tmp_path))
    verdict = verify_pdf(path)
    assert verdict.verdict is Verdict.REFUSED and not verdict.passed
    assert words in verdict.reason() and "\n" not in verdict.reason()
    assert pdfsig_says(path) == pdfsig


def test_the_detail_of_a_fault_in_the_child_goes_to_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "deep.pdf"
    path.write_bytes(hostile.deep_nesting_in_disguise())
    with caplog.at_level(logging.INFO, logger="lpsa.signatures"):
        verdict = verify_pdf(path)
    assert verdict.reason() == f"REFUSED: {REFUSAL_TOO_BIG}"
    assert "RecursionError" in caplog.text  # the detail: in the log, not the verdict


def test_a_pdf_with_no_signature_is_not_signed(demo_pdf: Path) -> None:
    verdict = verify_pdf(demo_pdf)
    assert verdict.verdict is Verdict.NOT_SIGNED and not verdict.passed
    assert verdict.reason().startswith("NOT SIGNED: the file carries no digital signature")


def test_the_time_limit_stops_the_check(
    signed_twice: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="lpsa.signatures"):
        verdict = verify_pdf(signed_twice, limits=Limits(seconds=0.05))
    assert verdict.reason() == f"REFUSED: {REFUSAL_TOO_BIG}"
    assert "took over" in caplog.text


def test_the_memory_cap_holds_in_the_child(
    signed_twice: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # 48 MB cannot even hold pyHanko (about 70 MB): the child fails, the caller gets a line.
    with caplog.at_level(logging.INFO, logger="lpsa.signatures"):
        verdict = verify_pdf(signed_twice, limits=Limits(memory_bytes=48 * 1024 * 1024))
    assert verdict.reason() == f"REFUSED: {REFUSAL_TOO_BIG}"
    assert "MemoryError" in caplog.text or "without an answer" in caplog.text
