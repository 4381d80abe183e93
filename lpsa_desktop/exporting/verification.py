"""Checking every signature of a PDF: who, when, intact, trusted, and what came after it.

A signature "stands" when its signed bytes are unchanged and the cryptography holds
(intact), and nothing but later signatures was added to the file after it. Anything else
added afterwards — a changed page, a new annotation, even an empty update — makes it read
as not valid (``later_changes == "other"``): a signed agreement must be the document that
was signed, plus signatures.

"Trusted" means the signer's certificate chains to one of the certificates given with
``--trust`` (offline: no fetching, no revocation lists). Identities are self-signed, so a
signer is trusted exactly when their own certificate is given.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from asn1crypto import pem, x509
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from lpsa_desktop.exporting.errors import DocumentError
from lpsa_desktop.exporting.pyhanko_logging import route_pyhanko_logging
from lpsa_desktop.exporting.sig_fields import signature_slots

LaterChanges = Literal["none", "signatures", "other"]


@dataclass(frozen=True)
class SignatureReport:
    field: str
    signatory: str
    """Whose block it is, as the agreement names them (the field name if not ours)."""
    signer: str
    """Who the certificate says signed."""
    signed_at: dt.datetime | None
    intact: bool
    trusted: bool
    later_changes: LaterChanges
    reason: str
    certified: bool
    problem: str | None = None
    """Why it cannot be read at all (then intact is False)."""

    @property
    def valid(self) -> bool:
        return self.intact and self.later_changes != "other"


@dataclass(frozen=True)
class VerificationReport:
    file: str
    signatures: tuple[SignatureReport, ...]
    trust_given: bool

    @property
    def all_intact(self) -> bool:
        """Every signature stands (and there is at least one)."""
        return bool(self.signatures) and all(s.valid for s in self.signatures)

    @property
    def passed(self) -> bool:
        """What the exit status reports: all stand, and all are trusted if trust was asked."""
        return self.all_intact and (not self.trust_given or all(s.trusted for s in self.signatures))


def verify_pdf(path: Path, trust: Sequence[Path] = ()) -> VerificationReport:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read {path}: {exc.strerror or exc}") from exc
    roots = [load_certificate(p) for p in trust]
    return VerificationReport(
        file=str(path),
        signatures=tuple(check_signatures(data, roots, name=str(path))),
        trust_given=bool(trust),
    )


def check_signatures(
    data: bytes, roots: Sequence[Any] = (), *, name: str = "the PDF"
) -> list[SignatureReport]:
    """A report per embedded signature, in signing order (``roots``: asn1crypto certificates)."""
    route_pyhanko_logging()
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
        slots = {slot.field: slot for slot in signature_slots(reader)}
        total_revisions = reader.xrefs.total_revisions
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        raise DocumentError(f"{name} is not a readable PDF ({exc})") from exc
    outcomes = [_validate(sig, roots) for sig in signatures]
    # Whatever follows the last signature in the file is signed by nobody, so no signature
    # can claim that only signatures came after it.
    tail_signed = any(
        not isinstance(o, str) and o.coverage == SignatureCoverageLevel.ENTIRE_FILE
        for o in outcomes
    )
    signed_revisions = {sig.signed_revision for sig in signatures}
    reports = []
    for sig, outcome in zip(signatures, outcomes, strict=True):
        slot = slots.get(sig.field_name)
        later = set(range(sig.signed_revision + 1, total_revisions))
        reports.append(
            _report(
                sig,
                outcome,
                slot.label if slot else str(sig.field_name),
                only_signatures_after=tail_signed and later <= signed_revisions,
            )
        )
    return reports


def _validate(sig: Any, roots: Sequence[Any]) -> Any:
    """pyHanko's status for one signature, or why it could not be checked at all."""
    try:
        context = ValidationContext(trust_roots=list(roots), allow_fetching=False)
        return validate_pdf_signature(sig, signer_validation_context=context)
    except Exception as exc:  # a mangled signature must read as not valid, never crash
        return f"{type(exc).__name__}: {exc}"


def _report(sig: Any, status: Any, who: str, *, only_signatures_after: bool) -> SignatureReport:
    reason = str(sig.sig_object.get("/Reason", ""))
    certified = sig.docmdp_level is not None
    if isinstance(status, str):
        return SignatureReport(
            field=str(sig.field_name),
            signatory=who,
            signer="unknown",
            signed_at=None,
            intact=False,
            trusted=False,
            later_changes="other",
            reason=reason,
            certified=certified,
            problem=status,
        )
    later: LaterChanges
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        later = "none"
    elif (
        status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
        and status.modification_level is not None
        and status.modification_level <= ModificationLevel.FORM_FILLING
        and status.docmdp_ok is not False
        and only_signatures_after
    ):
        later = "signatures"
    else:
        later = "other"
    return SignatureReport(
        field=str(sig.field_name),
        signatory=who,
        signer=_signer_name(status.signing_cert),
        signed_at=status.signer_reported_dt,
        intact=bool(status.intact and status.valid),
        trusted=bool(status.trusted),
        later_changes=later,
        reason=reason,
        certified=certified,
    )


def _signer_name(certificate: Any) -> str:
    subject = certificate.subject.native
    name = subject.get("common_name") or certificate.subject.human_friendly
    organisation = subject.get("organization_name")
    return f"{name}, {organisation}" if organisation else str(name)


def load_certificate(path: Path) -> Any:
    """A trusted certificate from PEM or DER (asn1crypto, as pyHanko's validator wants)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read the certificate {path}: {exc.strerror or exc}") from exc
    try:
        if pem.detect(data):
            _, _, data = pem.unarmor(data)
        certificate = x509.Certificate.load(data)
        _ = certificate.subject.native  # parse now, so a bad file fails here
    except (ValueError, TypeError, KeyError) as exc:
        raise DocumentError(f"{path} is not a certificate (PEM or DER)") from exc
    return certificate


def report_to_dict(report: VerificationReport) -> dict[str, Any]:
    """The JSON of `lpsa verify --json` (cli.md); keys beyond the contract are additions."""
    return {
        "file": report.file,
        "signatures": [
            {
                "field": s.field,
                "signer": s.signer,
                "signed_at": s.signed_at.isoformat() if s.signed_at else None,
                "intact": s.intact,
                "trusted": s.trusted,
                "later_changes": s.later_changes,
                "reason": s.reason,
                "signatory": s.signatory,
                "certified": s.certified,
                "valid": s.valid,
                "problem": s.problem,
            }
            for s in report.signatures
        ],
        "all_intact": report.all_intact,
        "passed": report.passed,
    }
