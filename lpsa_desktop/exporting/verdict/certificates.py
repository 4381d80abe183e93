"""Reading a certificate to trust (PEM or DER), with what an officer checks it by."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID

from lpsa_desktop.exporting.errors import DocumentError


@dataclass(frozen=True)
class CertificateInfo:
    der: bytes
    sha256: str
    """As `lpsa keygen` prints it: AB:CD:…"""
    name: str
    organisation: str
    not_after: dt.datetime

    @property
    def label(self) -> str:
        return f"{self.name}, {self.organisation}" if self.organisation else self.name


def read_certificate(path: Path) -> CertificateInfo:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read the certificate {path}: {exc.strerror or exc}") from exc
    return certificate_info(data, where=str(path))


def certificate_info(data: bytes, *, where: str = "the certificate") -> CertificateInfo:
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            certificate = x509.load_pem_x509_certificate(data)
        else:
            certificate = x509.load_der_x509_certificate(data)
        name = _attribute(certificate, NameOID.COMMON_NAME)
    except ValueError as exc:
        raise DocumentError(f"{where} is not a certificate (PEM or DER)") from exc
    digest = certificate.fingerprint(hashes.SHA256()).hex().upper()
    return CertificateInfo(
        der=certificate.public_bytes(serialization.Encoding.DER),
        sha256=format_fingerprint(digest),
        name=name or certificate.subject.rfc4514_string(),
        organisation=_attribute(certificate, NameOID.ORGANIZATION_NAME),
        not_after=certificate.not_valid_after_utc,
    )


def format_fingerprint(hex_digest: str) -> str:
    digest = hex_digest.replace(":", "").upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def _attribute(certificate: x509.Certificate, oid: x509.ObjectIdentifier) -> str:
    values = certificate.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""
