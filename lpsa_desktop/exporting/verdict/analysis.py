"""``verify_bytes``: the verdict on a PDF already in memory (run inside the bounded child).

For each signature, in signing order:

* *intact*: pyHanko checks the digest over the signature's byte ranges and the
  cryptographic signature; the byte ranges must cover the whole revision (anything else is
  signature wrapping) and the signature dictionary must be complete (universal signature
  forgery leaves it without contents or byte range);
* *trusted*: pyHanko's certificate validator finds a chain to a certificate of the trust
  list, offline (no fetching, no revocation lists);
* *in the right block*: ``blocks.py``;
* *what changed after it*: every later revision is diffed against the signed one with
  ``STRICT_DIFF_POLICY`` (field locks and the certification's DocMDP level passed on, so
  pyHanko applies them too). A revision is allowed only if the policy clears it *and* it
  is either a signature filling one of the agreement's declared, empty blocks, or nothing
  but validation data. Bytes after the last revision are a change as well. Refused
  revisions are named by ``changes.py``.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel, SuspiciousModification
from pyhanko.sign.fields import MDPPerm, enumerate_sig_fields
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from lpsa_desktop.exporting.pyhanko_logging import route_pyhanko_logging
from lpsa_desktop.exporting.sig_fields import SignatureSlot
from lpsa_desktop.exporting.verdict.blocks import block_problem, declared_blocks
from lpsa_desktop.exporting.verdict.certificates import format_fingerprint
from lpsa_desktop.exporting.verdict.changes import describe_revision
from lpsa_desktop.exporting.verdict.model import DocumentVerdict, LaterChanges, SignatureCheck
from lpsa_desktop.exporting.verdict.policy import STRICT_DIFF_POLICY

log = logging.getLogger("lpsa.signatures")
_SUBFILTERS = {"/adbe.pkcs7.detached", "/ETSI.CAdES.detached", "/ETSI.RFC3161"}
_WHITESPACE = re.compile(rb"[\x00\t\n\f\r ]*")


def verify_bytes(
    data: bytes, roots: Sequence[Any] = (), *, name: str = "the PDF"
) -> DocumentVerdict:
    """The verdict on ``data`` (``roots``: asn1crypto certificates of the trust list)."""
    route_pyhanko_logging()
    try:
        reader, revisions, fields = _open(data)
    except _UNREADABLE as exc:
        log.info("unreadable PDF %s: %s: %s", name, type(exc).__name__, exc)
        opened = _open_signed_prefix(data)
        if opened is None:
            return DocumentVerdict(name, refusal="not a readable PDF (it is damaged or not a PDF)")
        reader, revisions, fields = opened
    if reader.encrypted:
        return DocumentVerdict(name, refusal="the PDF is encrypted; a signed agreement never is")
    signatures = [_embedded(reader, field_name, field) for field_name, _, field in fields]
    readable = sorted((s for s in signatures if not isinstance(s, str)), key=_revision)
    broken = [s for s in signatures if isinstance(s, str)]
    first = readable[0].signed_revision if readable else max(revisions - 1, 0)
    blocks = declared_blocks(reader, first)
    file = _File(
        reader=reader,
        roots=tuple(roots),
        blocks=blocks,
        signed_revisions={s.signed_revision: s for s in readable},
        tail=_trailing_bytes(data, reader, revisions),
        revisions=revisions,
    )
    checks = [_check(sig, file) for sig in readable]
    checks += [_unreadable(field, blocks) for field in broken]
    return DocumentVerdict(name, signatures=tuple(checks), trusted_certificates=len(roots))


@dataclass(frozen=True)
class _File:
    """What every signature's check needs to know about the whole file."""

    reader: Any
    roots: tuple[Any, ...]
    blocks: dict[str, SignatureSlot]
    signed_revisions: dict[int, EmbeddedPdfSignature]
    tail: int
    """Bytes after the last revision's end of file."""
    revisions: int


_UNREADABLE = (PdfError, ValueError, KeyError, TypeError, AttributeError, IndexError)


def _open(data: bytes) -> tuple[Any, int, list[Any]]:
    """pyHanko's reader, its number of revisions, and the filled signature fields."""
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    if reader.encrypted:
        return reader, 0, []
    revisions = reader.xrefs.total_revisions
    return reader, revisions, list(enumerate_sig_fields(reader, filled_status=True))


def _open_signed_prefix(data: bytes) -> tuple[Any, int, list[Any]] | None:
    """A file that ends in something unreadable (objects appended with no xref, a revision
    cut off) may still begin with signed revisions: open the longest such prefix, so the
    verdict can say what follows it rather than only that the file is damaged."""
    ends = [m.end() for m in re.finditer(rb"%%EOF(?:\r\n|\r|\n)?", data)]
    for end in reversed(ends[-4:]):
        if not data[end:].strip():
            continue  # the whole file, which was just found unreadable
        try:
            opened = _open(data[:end])
        except _UNREADABLE:
            continue
        if opened[2]:
            return opened
    return None


def _revision(sig: EmbeddedPdfSignature) -> int:
    return int(sig.signed_revision)


def _embedded(reader: Any, field_name: str, field: Any) -> EmbeddedPdfSignature | str:
    """pyHanko's view of a filled signature field, or the field's name if it is no signature
    at all (pyHanko would silently skip an unknown SubFilter; we must not)."""
    try:
        sig_object = field.get_object()["/V"].get_object()
        if str(sig_object.get("/SubFilter", "")) not in _SUBFILTERS:
            raise ValueError(f"unknown /SubFilter {sig_object.get('/SubFilter')}")
        sig = EmbeddedPdfSignature(reader, field, field_name)
        _ = sig.signed_revision  # reads the byte range against the file's revisions
        return sig
    except Exception as exc:  # a mangled signature must read as broken, never crash
        log.info("signature field %s cannot be read: %s: %s", field_name, type(exc).__name__, exc)
        return str(field_name)


def _unreadable(field: str, blocks: dict[str, SignatureSlot]) -> SignatureCheck:
    slot = blocks.get(field)
    return SignatureCheck(
        field=field,
        signatory=slot.label if slot else field,
        signer="unknown",
        signed_at=None,
        intact=False,
        trusted=False,
        in_block=False,
        later_changes="other",
        problem="is not a complete signature (its contents or byte range are missing or broken)",
    )


def _check(sig: EmbeddedPdfSignature, file: _File) -> SignatureCheck:
    field = str(sig.field_name)
    slot = file.blocks.get(field)
    reason = str(sig.sig_object.get("/Reason", ""))
    certified = sig.docmdp_level is not None
    try:
        context = ValidationContext(trust_roots=list(file.roots), allow_fetching=False)
        status = validate_pdf_signature(sig, signer_validation_context=context, skip_diff=True)
    except Exception as exc:  # broken CMS, unknown algorithm: not intact, never a crash
        log.info("signature %s cannot be validated: %s: %s", field, type(exc).__name__, exc)
        return SignatureCheck(
            field=field,
            signatory=slot.label if slot else field,
            signer="unknown",
            signed_at=None,
            intact=False,
            trusted=False,
            in_block=False,
            later_changes="other",
            reason=reason,
            certified=certified,
            problem="cannot be checked (its cryptographic data is damaged)",
        )
    problem = None
    intact = bool(status.intact and status.valid)
    if not intact:
        problem = "does not match the document: the signed bytes were altered"
    elif status.coverage not in (
        SignatureCoverageLevel.ENTIRE_FILE,
        SignatureCoverageLevel.ENTIRE_REVISION,
    ):
        intact = False
        problem = "does not cover its whole revision (its byte range was manipulated)"
    subject = status.signing_cert.subject.native
    later, changes, filled = _after(sig, file)
    misplaced = block_problem(slot, field, subject)
    return SignatureCheck(
        field=field,
        signatory=slot.label if slot else field,
        signer=_signer_name(subject),
        signed_at=status.signer_reported_dt,
        intact=intact,
        trusted=bool(status.trusted),
        in_block=misplaced is None,
        later_changes=later,
        changes=tuple(changes),
        later_signatures=tuple(filled),
        block_problem=misplaced,
        reason=reason,
        certified=certified,
        problem=problem,
        fingerprint=format_fingerprint(hashlib.sha256(status.signing_cert.dump()).hexdigest()),
    )


def _after(sig: EmbeddedPdfSignature, file: _File) -> tuple[LaterChanges, list[str], list[str]]:
    """(summary, what changed that no signature explains, blocks filled) after ``sig``."""
    base = sig.signed_revision
    changes: list[str] = []
    filled: list[str] = []
    if sig.docmdp_level == MDPPerm.NO_CHANGES and base + 1 < file.revisions:
        changes.append("the certification allows no change at all, yet the file was updated")
    resolver = file.reader.get_historical_resolver(base)
    for revision in range(base + 1, file.revisions):
        problem = _revision_problem(sig, file, resolver, revision)
        if problem is None:
            later = file.signed_revisions.get(revision)
            if later is not None:
                filled.append(file.blocks[str(later.field_name)].label)
            continue
        try:
            words = describe_revision(file.reader, revision) or [problem]
        except Exception as exc:  # naming is a courtesy; the verdict stands without it
            log.info(
                "revision %d could not be described: %s: %s", revision, type(exc).__name__, exc
            )
            words = [problem]
        changes += [w for w in words if w not in changes]
    if file.tail:
        changes.append(
            f"{file.tail} bytes were found after the end of the signed file (appended, or "
            "left over from a revision that was cut off)"
        )
    if changes:
        return "other", changes, filled
    return ("signatures" if base + 1 < file.revisions else "none"), changes, filled


def _revision_problem(
    sig: EmbeddedPdfSignature, file: _File, base: Any, revision: int
) -> str | None:
    """Why ``revision`` is not allowed after ``sig``, or None (a declared block filled, or
    validation data only)."""
    try:
        result = STRICT_DIFF_POLICY.apply(
            old=base,
            new=file.reader.get_historical_resolver(revision),
            field_mdp_spec=sig.fieldmdp,
            doc_mdp=sig.docmdp_level,
        )
    except SuspiciousModification as exc:
        log.info("revision %d after %s refused: %s", revision, sig.field_name, exc)
        return "the document was changed"
    except Exception as exc:  # a revision pyHanko cannot even compare is not a signature
        log.info("revision %d cannot be compared: %s: %s", revision, type(exc).__name__, exc)
        return "the document was changed in a way that cannot be analysed"
    later = file.signed_revisions.get(revision)
    if later is None:
        if result.modification_level <= ModificationLevel.LTA_UPDATES:
            return None  # validation data (DSS) only
        return "a form field was changed"
    slot = file.blocks.get(str(later.field_name))
    if slot is None or not slot.declared:
        return f"a signature was put in {later.field_name!r}, which is no signatory's block"
    if slot.signed and slot.field != str(sig.field_name):
        return f"the block of {slot.label} was signed again"
    return None


def _trailing_bytes(data: bytes, reader: Any, revisions: int) -> int:
    """How many bytes (not counting whitespace) follow the last revision's end of file."""
    try:
        info = reader.xrefs.get_xref_container_info(revisions - 1)
        end = data.find(b"%%EOF", info.end_location)
    except (AttributeError, IndexError, KeyError, TypeError):
        return 0
    if end < 0:
        return 0
    end += len(b"%%EOF")
    match = _WHITESPACE.match(data, end)
    rest = len(data) - (match.end() if match else end)
    return rest


def _signer_name(subject: dict[str, Any]) -> str:
    name = subject.get("common_name") or "an unnamed signer"
    organisation = subject.get("organization_name")
    return f"{name}, {organisation}" if organisation else str(name)
