"""Writing a package: internal content left out unless asked for, parts hashed into the
manifest, the manifest optionally signed, the file written whole or not at all."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cryptography import x509

from lpsa_desktop.domain.meetings import Meeting
from lpsa_desktop.domain.serialization import agreement_to_dict
from lpsa_desktop.domain.shared_state import canonical_json, without_internal
from lpsa_desktop.exchange import package as names
from lpsa_desktop.exchange.errors import PackageError
from lpsa_desktop.exchange.package import AgreementPackage
from lpsa_desktop.exchange.parts import (
    audit_to_dict,
    import_to_dict,
    meeting_to_dict,
    round_to_dict,
)
from lpsa_desktop.exchange.signing import SigningKey, sign_manifest

# Zip entries get a fixed time so that one package written twice is the same bytes.
_FIXED_TIME = (2000, 1, 1, 0, 0, 0)


def shared_only(package: AgreementPackage) -> AgreementPackage:
    """``package`` as it travels by default: no internal notes, rounds, decisions or actions."""
    if package.include_internal:
        return package
    return dataclasses.replace(
        package,
        agreement=without_internal(package.agreement),
        rounds=tuple(
            dataclasses.replace(r, snapshot=without_internal(r.snapshot))
            for r in package.rounds
            if not r.internal
        ),
        meetings=tuple(_shared_meeting(m) for m in package.meetings),
    )


def package_bytes(
    package: AgreementPackage,
    *,
    round_parts: Sequence[dict[str, Any]] | None = None,
    key: SigningKey | None = None,
    certificate: x509.Certificate | None = None,
) -> bytes:
    """The .lpsa file's bytes for ``package`` (already ``shared_only`` where meant).
    ``round_parts``, when given, are the rounds as data (``round_fields_to_dict``), in
    place of ``package.rounds``: a store's rounds are sent without being read into objects."""
    rounds = (
        list(round_parts) if round_parts is not None else [round_to_dict(r) for r in package.rounds]
    )
    parts = {
        names.AGREEMENT: canonical_json(agreement_to_dict(package.agreement)),
        names.ROUNDS: canonical_json(rounds),
        names.MEETINGS: canonical_json([meeting_to_dict(m) for m in package.meetings]),
        names.AUDIT: canonical_json([audit_to_dict(e) for e in package.audit]),
        names.IMPORTS: canonical_json([import_to_dict(i) for i in package.imports]),
    }
    manifest = json.dumps(_manifest(package, parts, len(rounds)), indent=1, sort_keys=True).encode(
        "utf-8"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        _add(archive, names.MANIFEST, manifest)
        for name, data in parts.items():
            _add(archive, name, data)
        if key is not None and certificate is not None:
            signature, pem = sign_manifest(manifest, key, certificate)
            _add(archive, names.SIGNATURE, signature)
            _add(archive, names.CERTIFICATE, pem)
    return buffer.getvalue()


def write_package(destination: Path, data: bytes) -> None:
    """Write ``data`` to ``destination`` atomically: a temp file in the same folder,
    flushed to disk, then renamed over (a killed export leaves the old file or none)."""
    if destination.is_dir() or destination.is_symlink():
        raise PackageError(str(destination), "is a folder or a link: give a file name")
    folder = destination.parent
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{destination.name}.", dir=folder)
    except OSError as exc:
        raise PackageError(str(destination), f"cannot be written ({exc.strerror or exc})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        Path(temp).replace(destination)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise PackageError(str(destination), f"cannot be written ({exc.strerror or exc})") from None


def _manifest(package: AgreementPackage, parts: dict[str, bytes], rounds: int) -> dict[str, Any]:
    return {
        "format": names.FORMAT,
        "format_version": names.FORMAT_VERSION,
        "app_version": package.app_version,
        "agreement_ref": package.agreement.ref,
        "agreement_title": package.agreement.title,
        "exported_at": package.exported_at.isoformat(),
        "officer": package.officer,
        "include_internal": package.include_internal,
        "state": package.state,
        "known_states": list(package.known_states),
        "counts": {
            "rounds": rounds,
            "meetings": len(package.meetings),
            "audit": len(package.audit),
            "imports": len(package.imports),
        },
        "parts": {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            for name, data in parts.items()
        },
    }


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def _shared_meeting(meeting: Meeting) -> Meeting:
    return dataclasses.replace(
        meeting,
        decisions=tuple(d for d in meeting.decisions if not d.internal),
        actions=tuple(a for a in meeting.actions if not a.internal),
    )
