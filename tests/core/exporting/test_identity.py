"""Signing identities: made self-signed and passphrase-protected; a wrong passphrase and a
damaged file are told apart, in words."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from lpsa_desktop.exporting.errors import CorruptIdentityError, IdentityError, WrongPassphraseError
from lpsa_desktop.exporting.identity import IdentityFiles, create_identity, load_identity
from tests.core.exporting.helpers import PASSPHRASE


def test_keygen_writes_a_private_identity_and_a_shareable_certificate(
    identities: list[IdentityFiles],
) -> None:
    files = identities[1]
    assert stat.S_IMODE(files.identity.stat().st_mode) == 0o600
    assert files.certificate == files.identity.with_suffix(".pem")
    certificate = x509.load_pem_x509_certificate(files.certificate.read_bytes())
    assert certificate.subject == certificate.issuer  # self-signed, for offline use
    assert certificate.subject.rfc4514_string() == (
        "O=Bath and North East Somerset Council,CN=David Pennington"
    )
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    assert len(files.sha256.split(":")) == 32
    assert b"BEGIN" not in files.identity.read_bytes()  # binary PKCS#12, not a PEM key


def test_the_right_passphrase_opens_it(identities: list[IdentityFiles]) -> None:
    identity = load_identity(identities[0].identity, PASSPHRASE)
    assert identity.name == "Cllr Margaret Hollis"
    assert isinstance(identity.key, ec.EllipticCurvePrivateKey)


def test_a_wrong_passphrase_is_named_as_such(identities: list[IdentityFiles]) -> None:
    with pytest.raises(WrongPassphraseError, match="passphrase does not open") as caught:
        load_identity(identities[0].identity, b"correct horse battery stapler")
    assert "stapler" not in str(caught.value)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"not a key at all",
        lambda data: b"-----BEGIN CERTIFICATE-----\n" + data,  # the wrong kind of file
        lambda data: b"",
    ],
    ids=["truncated", "garbage", "pem-wrapped", "empty"],
)
def test_a_damaged_identity_file_is_named_as_such(
    identities: list[IdentityFiles], tmp_path: Path, damage: object
) -> None:
    bad = tmp_path / "bad.p12"
    bad.write_bytes(damage(identities[0].identity.read_bytes()))  # type: ignore[operator]
    with pytest.raises(CorruptIdentityError, match="not a PKCS#12 signing identity"):
        load_identity(bad, PASSPHRASE)


def test_a_missing_identity_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(IdentityError, match="cannot read the identity"):
        load_identity(tmp_path / "nowhere.p12", PASSPHRASE)


def test_keygen_never_overwrites_and_wants_a_real_passphrase(
    identities: list[IdentityFiles], tmp_path: Path
) -> None:
    with pytest.raises(IdentityError, match="already exists"):
        create_identity(identities[0].identity, name="X", organisation=None, passphrase=PASSPHRASE)
    with pytest.raises(IdentityError, match="at least 8 characters"):
        create_identity(tmp_path / "a.p12", name="X", organisation=None, passphrase=b"short")
    with pytest.raises(IdentityError, match="needs a name"):
        create_identity(tmp_path / "b.p12", name="  ", organisation=None, passphrase=PASSPHRASE)
    long_name = "The Right Honourable Alan Whitcombe MP, Minister for Local Government"
    with pytest.raises(IdentityError, match="is 69 characters; a certificate holds at most 64"):
        create_identity(
            tmp_path / "c.p12", name=long_name, organisation=None, passphrase=PASSPHRASE
        )
    assert not any(tmp_path.iterdir())


def test_an_rsa_identity_for_readers_that_need_rsa(tmp_path: Path) -> None:
    files = create_identity(
        tmp_path / "rsa.p12", name="R", organisation="O", passphrase=PASSPHRASE, key_type="rsa"
    )
    identity = load_identity(files.identity, PASSPHRASE)
    assert isinstance(identity.key, rsa.RSAPrivateKey) and identity.key.key_size == 3072
