"""The trust list: the signers' certificates this store's officers have chosen to trust.

Kept in the store's settings (``trust.certificates``, JSON: one entry per certificate with
its DER as base64), so `lpsa verify` and the window's verify dialog use the same list and an
officer does not pass ``--trust`` every time. Certificates are self-signed identities from
`lpsa keygen`, handed over at the signing meeting; the fingerprint is what an officer reads
out to check one.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from pathlib import Path

from lpsa_desktop.errors import AmbiguousRefError, NotFoundError
from lpsa_desktop.exporting.verdict.certificates import (
    CertificateInfo,
    certificate_info,
    read_certificate,
)
from lpsa_desktop.storage.store import Store

SETTING = "trust.certificates"


def list_trusted(store: Store) -> list[CertificateInfo]:
    with store.unit_of_work() as uow:
        return _decode(uow.settings.get(SETTING))


def add_trusted(store: Store, path: Path) -> tuple[CertificateInfo, bool]:
    """Trust the certificate in ``path``; (it, whether it was new to the list)."""
    info = read_certificate(path)
    with store.unit_of_work(write=True) as uow:
        known = _decode(uow.settings.get(SETTING))
        if any(c.sha256 == info.sha256 for c in known):
            return info, False
        uow.settings.set(SETTING, _encode([*known, info]))
    return info, True


def remove_trusted(store: Store, which: str) -> CertificateInfo:
    """Stop trusting the certificate named ``which``: its holder's name or its fingerprint
    (or the start of it, colons optional)."""
    with store.unit_of_work(write=True) as uow:
        known = _decode(uow.settings.get(SETTING))
        matches = [c for c in known if _matches(c, which)]
        if not matches:
            names = "; ".join(c.label for c in known) or "the trust list is empty"
            raise NotFoundError(f"no trusted certificate matches {which!r} ({names})")
        if len(matches) > 1:
            raise AmbiguousRefError(
                f"{which!r} matches {len(matches)} certificates; give its fingerprint: "
                + "; ".join(f"{c.label} {c.sha256[:23]}" for c in matches)
            )
        uow.settings.set(SETTING, _encode([c for c in known if c is not matches[0]]))
    return matches[0]


def trusted_for_run(store: Store | None, extra: Sequence[Path] = ()) -> list[bytes]:
    """DER certificates to verify with: the trust list plus ``extra`` for this run only.

    ``store`` None: there is no store yet (verifying needs none), so no list either."""
    certificates = [c.der for c in list_trusted(store)] if store is not None else []
    certificates += [read_certificate(p).der for p in extra]
    return certificates


def _matches(info: CertificateInfo, which: str) -> bool:
    wanted = which.casefold().split()
    if wanted and set(wanted) <= set(info.name.casefold().split()):
        return True  # 'pennington' or 'david pennington' names David Pennington
    hexdigits = which.strip().replace(":", "").upper()
    return len(hexdigits) >= 8 and info.sha256.replace(":", "").startswith(hexdigits)


def _encode(certificates: list[CertificateInfo]) -> str:
    return json.dumps([base64.b64encode(c.der).decode("ascii") for c in certificates])


def _decode(text: str | None) -> list[CertificateInfo]:
    return [certificate_info(base64.b64decode(item)) for item in json.loads(text or "[]")]
