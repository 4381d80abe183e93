"""Signing identities for offline use: a key and a self-signed certificate in a PKCS#12 file.

An LPSA signing meeting has no certificate authority and often no network, so each
signatory makes an identity on the spot. The PKCS#12 file (private key and certificate) is
protected by a passphrase and kept by its owner; the certificate alone (PEM, written beside
it) is what others pass to ``lpsa verify --trust`` to recognise that signer.

Only ``cryptography`` is used here (no pyHanko), so making or opening an identity is fast.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from asn1crypto import pkcs12 as asn1_pkcs12  # comes with pyHanko; small, unlike pyHanko
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from lpsa_desktop.exporting.errors import CorruptIdentityError, IdentityError, WrongPassphraseError
from lpsa_desktop.safe_files.atomic import FileWriteError, write_bytes, write_new_files

KeyType = Literal["ec", "rsa"]
SigningKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
MIN_PASSPHRASE = 8
MAX_NAME = 64  # X.509 limits a common name and an organisation name to 64 characters


@dataclass(frozen=True)
class Identity:
    key: SigningKey
    certificate: x509.Certificate

    @property
    def name(self) -> str:
        return common_name(self.certificate)


@dataclass(frozen=True)
class IdentityFiles:
    identity: Path
    certificate: Path
    sha256: str
    """The certificate's SHA-256 fingerprint, colon-separated, for reading out by phone."""
    not_after: dt.datetime


def common_name(certificate: x509.Certificate) -> str:
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = names[0].value if names else certificate.subject.rfc4514_string()
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


def certificate_path(identity_path: Path) -> Path:
    """Where keygen puts the shareable certificate: beside the identity, ending .pem."""
    return identity_path.with_suffix(".pem")


def create_identity(
    destination: Path,
    *,
    name: str,
    organisation: str | None,
    passphrase: bytes,
    key_type: KeyType = "ec",
    valid_years: int = 10,
) -> IdentityFiles:
    """Make a key and self-signed certificate; write ``destination`` (.p12) and its .pem.

    Refuses to overwrite an existing identity: losing a private key is not undoable.
    """
    if not name.strip():
        raise IdentityError("the identity needs a name (the signatory's name)")
    for label, value in (("name", name), ("organisation", organisation or "")):
        if len(value.strip()) > MAX_NAME:
            raise IdentityError(
                f"the {label} is {len(value.strip())} characters; a certificate holds at most "
                f"{MAX_NAME} (put the position in the agreement, not the name)"
            )
    if len(passphrase) < MIN_PASSPHRASE:
        raise IdentityError(f"the passphrase must be at least {MIN_PASSPHRASE} characters")
    cert_path = certificate_path(destination)
    if destination.exists():
        raise IdentityError(f"{destination} already exists; choose another name or move it away")
    # EC P-256 signs in ~0.04 s; RSA-3072 for readers that need RSA (~0.3 s per signature).
    key: SigningKey = (
        ec.generate_private_key(ec.SECP256R1())
        if key_type == "ec"
        else rsa.generate_private_key(public_exponent=65537, key_size=3072)
    )
    certificate = _self_signed(key, name.strip(), (organisation or "").strip(), valid_years)
    blob = pkcs12.serialize_key_and_certificates(
        name.strip().encode("utf-8"),
        key,
        certificate,
        None,
        serialization.BestAvailableEncryption(passphrase),
    )
    # The pair or nothing. The certificate goes first, atomically (a .pem with no .p12
    # beside it is what an interrupted keygen leaves, useless without its key, so it is
    # replaced); the key last, never replacing a file. A failure removes the certificate;
    # a kill in between leaves only that .pem, and the retry works.
    try:
        write_bytes(cert_path, certificate.public_bytes(serialization.Encoding.PEM))
        try:
            write_new_files([(destination, blob, 0o600)])  # the private key: its owner only
        except BaseException:
            cert_path.unlink(missing_ok=True)
            raise
    except FileWriteError as exc:
        raise IdentityError(str(exc)) from exc
    digest = certificate.fingerprint(hashes.SHA256()).hex().upper()
    return IdentityFiles(
        identity=destination,
        certificate=cert_path,
        sha256=":".join(digest[i : i + 2] for i in range(0, len(digest), 2)),
        not_after=certificate.not_valid_after_utc,
    )


def load_identity(path: Path, passphrase: bytes) -> Identity:
    """Open a PKCS#12 identity, telling a wrong passphrase apart from a damaged file."""
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise IdentityError(f"cannot read the identity {path}: {exc.strerror or exc}") from exc
    if not _is_pkcs12(blob):
        raise CorruptIdentityError(f"{path} is not a PKCS#12 signing identity, or it is damaged")
    try:
        key, certificate, _ = pkcs12.load_key_and_certificates(blob, passphrase)
    except ValueError:
        # The structure parsed, so what failed is the decryption (or its integrity check).
        raise WrongPassphraseError(
            f"the passphrase does not open {path} (or the file has been damaged)"
        ) from None
    if certificate is None or not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise CorruptIdentityError(f"{path} holds no signing key and certificate")
    return Identity(key=key, certificate=certificate)


def _is_pkcs12(blob: bytes) -> bool:
    try:
        pfx = asn1_pkcs12.Pfx.load(blob, strict=True)
        _ = pfx["auth_safe"]["content"].native  # forces the outer structure to be parsed
    except (ValueError, TypeError, KeyError):
        return False
    return True


def _self_signed(
    key: SigningKey, name: str, organisation: str, valid_years: int
) -> x509.Certificate:
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    subject = x509.Name(attributes)
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        # A few minutes' grace: a clock slightly behind the signer's must still accept it.
        .not_valid_before(now - dt.timedelta(minutes=10))
        .not_valid_after(now + dt.timedelta(days=365 * valid_years + valid_years // 4))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # non-repudiation: what PDF validators look for
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
