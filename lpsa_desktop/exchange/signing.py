"""Signing a package's manifest, and checking that signature.

A plain signature over the manifest's exact bytes plus the signer's certificate, not
CMS: the identities are self-signed (there is no authority to chain to), so all a CMS
envelope would add is structure to parse; ``cryptography`` signs and verifies this in two
calls, with the same key types as ``lpsa keygen`` makes (EC P-256, RSA-3072). The manifest
lists every part's SHA-256, so one signature covers everything.
"""

from __future__ import annotations

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

from lpsa_desktop.exchange.package import Signer

SigningKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


def sign_manifest(
    manifest: bytes, key: SigningKey, certificate: x509.Certificate
) -> tuple[bytes, bytes]:
    """(signature, certificate as PEM)."""
    if isinstance(key, ec.EllipticCurvePrivateKey):
        signature = key.sign(manifest, ec.ECDSA(hashes.SHA256()))
    else:
        signature = key.sign(manifest, padding.PKCS1v15(), hashes.SHA256())
    return signature, certificate.public_bytes(serialization.Encoding.PEM)


def check_signature(manifest: bytes, signature: bytes, certificate_pem: bytes) -> Signer | None:
    """The signer, or None when the signature does not verify (or the certificate is not
    one): the caller refuses the package as altered."""
    try:
        certificate = x509.load_pem_x509_certificate(certificate_pem)
        public = certificate.public_key()
        if isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, manifest, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, manifest, padding.PKCS1v15(), hashes.SHA256())
        else:
            return None
    except (InvalidSignature, ValueError, TypeError):
        return None
    digest = certificate.fingerprint(hashes.SHA256()).hex().upper()
    return Signer(
        name=_attribute(certificate, NameOID.COMMON_NAME),
        organisation=_attribute(certificate, NameOID.ORGANIZATION_NAME),
        fingerprint=":".join(digest[i : i + 2] for i in range(0, len(digest), 2)),
    )


def _attribute(certificate: x509.Certificate, oid: x509.ObjectIdentifier) -> str:
    values = certificate.subject.get_attributes_for_oid(oid)
    if not values:
        return ""
    value = values[0].value
    return value if isinstance(value, str) else value.decode("utf-8", "replace")
