"""Signing a signatory's field with pyHanko: PAdES baseline B, one incremental update each.

Each signature is appended to the file as an incremental update, so the bytes every
earlier signature covers stay exactly as they were and remain valid. Signatories are meant
to sign in the agreement's order; signing out of turn is allowed (a leader may be away on
the day) but reported, so the caller can say so. The first signature may *certify* the
document (DocMDP level 2: from then on
only form filling and further signatures are allowed, which for this document means
signatures only).

Before adding a signature the existing ones are checked: nobody should sign a document
that was altered after an earlier signatory signed it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import keys, x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import signers
from pyhanko.sign.fields import MDPPerm, SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore

from lpsa_desktop.exporting.errors import DocumentError, SigningError
from lpsa_desktop.exporting.files import write_atomically
from lpsa_desktop.exporting.identity import Identity
from lpsa_desktop.exporting.pyhanko_logging import route_pyhanko_logging
from lpsa_desktop.exporting.sig_fields import SignatureSlot, find_slot, signature_slots
from lpsa_desktop.exporting.stamp_style import stamp_style
from lpsa_desktop.exporting.verdict.analysis import verify_bytes


@dataclass(frozen=True)
class SigningResult:
    field: str
    signatory: str
    signer: str
    certified: bool
    remaining: tuple[str, ...]
    """Signatories still to sign, in order."""
    ahead_of: tuple[str, ...] = ()
    """Signatories earlier in the signing order who had not signed yet (out of turn)."""


def sign_pdf(
    source: Path,
    destination: Path,
    identity: Identity,
    signatory: str,
    *,
    certify: bool = False,
    location: str | None = None,
) -> SigningResult:
    """Sign ``signatory``'s field of ``source`` and write the result to ``destination``."""
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read {source}: {exc.strerror or exc}") from exc
    signed = sign_bytes(
        data, identity, signatory, certify=certify, location=location, name=str(source)
    )
    write_atomically(destination, signed.data)
    return signed.result


@dataclass(frozen=True)
class _Signed:
    data: bytes
    result: SigningResult


def sign_bytes(
    data: bytes,
    identity: Identity,
    signatory: str,
    *,
    certify: bool = False,
    location: str | None = None,
    name: str = "the PDF",
) -> _Signed:
    route_pyhanko_logging()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        slots = signature_slots(writer)
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        raise DocumentError(f"{name} is not a readable PDF ({exc})") from exc
    slot = _choose_slot(slots, signatory, certify=certify)
    _refuse_if_altered(data, name)
    metadata = signers.PdfSignatureMetadata(
        field_name=slot.field,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        certify=certify,
        docmdp_permissions=MDPPerm.FILL_FORMS,
        reason=_reason(slot),
        location=location,
        name=identity.name,
    )
    signer = signers.PdfSigner(
        metadata,
        signer=_simple_signer(identity),
        stamp_style=stamp_style(),
    )
    output = io.BytesIO()
    try:
        signer.sign_pdf(writer, existing_fields_only=True, output=output)
    except (PdfError, ValueError) as exc:
        raise SigningError(f"could not sign {name}: {exc}") from exc
    remaining = tuple(s.label for s in slots if not s.signed and s.field != slot.field)
    result = SigningResult(
        field=slot.field,
        signatory=slot.label,
        signer=identity.name,
        certified=certify,
        remaining=remaining,
        ahead_of=tuple(s.label for s in slots if s.order < slot.order and not s.signed),
    )
    return _Signed(output.getvalue(), result)


def _choose_slot(slots: list[SignatureSlot], wanted: str, *, certify: bool) -> SignatureSlot:
    if not slots:
        raise SigningError("the PDF has no signature fields; export it with `lpsa export`")
    slot = find_slot(slots, wanted)
    if slot is None:
        names = "; ".join(s.name for s in slots)
        raise SigningError(f"no signature block for {wanted!r}; the signatories are: {names}")
    if slot.signed:
        raise SigningError(f"{slot.label} has already signed this document")
    if certify and any(s.signed for s in slots):
        raise SigningError("only the first signature can certify the document")
    return slot


def _refuse_if_altered(data: bytes, name: str) -> None:
    # The same verdict as `lpsa verify`, in this process: the signer chose this file and
    # pyHanko parses it to sign anyway. Trust is the verifier's question, not the signer's.
    for report in verify_bytes(data, name=name).signatures:
        if not report.stands:
            raise SigningError(
                f"the signature of {report.signatory} in {name} no longer stands "
                "(the document was changed after it was signed); it will not be signed"
            )


def _reason(slot: SignatureSlot) -> str:
    parts = [p for p in (slot.position, slot.organisation) if p]
    return f"Signed as {', '.join(parts)}" if parts else "Signed"


def _simple_signer(identity: Identity) -> signers.SimpleSigner:
    key_der = identity.key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    cert_der = identity.certificate.public_bytes(serialization.Encoding.DER)
    return signers.SimpleSigner(
        signing_cert=x509.Certificate.load(cert_der),
        signing_key=keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore(),  # type: ignore[no-untyped-call]
    )
