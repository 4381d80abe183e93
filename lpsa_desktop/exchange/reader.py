"""Reading a package, hardened as reading a return is: every check that costs nothing
(size on disk, the zip's directory: entry count, names, sizes, ratios) comes before any
byte is decompressed, and every part is checked against the manifest before any is
parsed. Any failure is one PackageError naming the file; nothing is written anywhere.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from lpsa_desktop.exchange import package as names
from lpsa_desktop.exchange.errors import (
    DamagedPackageError,
    NotAPackageError,
    TamperedPackageError,
    UnsafePackageError,
)
from lpsa_desktop.exchange.limits import (
    MAX_PACKAGE_BYTES,
    MAX_PART_BYTES,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    RATIO_FLOOR_BYTES,
)
from lpsa_desktop.exchange.package import AgreementPackage, ReadPackage, Signer
from lpsa_desktop.exchange.parts import (
    PartError,
    agreement_from_part,
    audit_from_part,
    imports_from_part,
    meetings_from_part,
    rounds_from_part,
)
from lpsa_desktop.exchange.signing import check_signature

_MB = 1024 * 1024
T = TypeVar("T")


def read_package(path: Path) -> ReadPackage:
    name = path.name
    data = _file_bytes(path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = _checked_entries(name, archive)
            raw = {n: _read_entry(name, archive, info) for n, info in entries.items()}
    except zipfile.BadZipFile as exc:
        raise NotAPackageError(
            name, f"is not an agreement package, or it is truncated (not a readable zip: {exc})"
        ) from None
    except (OSError, EOFError, zlib.error, NotImplementedError) as exc:
        raise DamagedPackageError(name, f"is damaged or truncated ({exc})") from None
    manifest = _manifest(name, raw[names.MANIFEST])
    _check_parts(name, manifest, raw)
    signer = _signer(name, raw)
    package = _package(name, manifest, raw)
    return ReadPackage(name, hashlib.sha256(data).hexdigest(), package, signer)


def _file_bytes(path: Path) -> bytes:
    name = path.name
    try:
        if not path.is_file():
            raise NotAPackageError(name, "is not a file")
        size = path.stat().st_size
        if size > MAX_PACKAGE_BYTES:
            raise UnsafePackageError(
                name, f"is {size // _MB:,} MB (a package is at most {MAX_PACKAGE_BYTES // _MB} MB)"
            )
        return path.read_bytes()
    except OSError as exc:
        raise NotAPackageError(name, f"cannot be read ({exc.strerror or exc})") from None


def _checked_entries(name: str, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    members = archive.infolist()
    if len(members) > len(names.ALL_ENTRIES):
        raise UnsafePackageError(
            name, f"holds {len(members):,} entries (a package has at most "
            f"{len(names.ALL_ENTRIES)}): refused"
        )  # fmt: skip
    entries: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for member in members:
        entry = member.filename
        if entry.startswith(("/", "\\")) or ".." in entry.split("/") or "\\" in entry:
            raise UnsafePackageError(name, f"has an entry with a path trick ({entry!r}): refused")
        if entry in entries:
            raise UnsafePackageError(name, f"holds {entry} twice: refused")
        if entry not in names.ALL_ENTRIES:
            if names.MANIFEST not in {m.filename for m in members}:
                raise NotAPackageError(name, "is not an agreement package (it has no manifest)")
            raise UnsafePackageError(name, f"holds an unknown entry {entry!r}: refused")
        if member.flag_bits & 0x1:
            raise UnsafePackageError(name, f"has an encrypted entry {entry}: refused")
        if member.file_size > MAX_PART_BYTES:
            raise UnsafePackageError(
                name, f"part {entry} would unpack to {member.file_size // _MB:,} MB "
                f"(limit {MAX_PART_BYTES // _MB} MB): refused as a possible zip bomb"
            )  # fmt: skip
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
            raise UnsafePackageError(
                name, f"part {entry} would unpack {ratio:,.0f} times its size "
                f"(limit {MAX_RATIO}): refused as a possible zip bomb"
            )  # fmt: skip
        total += member.file_size
        entries[entry] = member
    if total > MAX_TOTAL_BYTES:
        raise UnsafePackageError(
            name, f"would unpack to {total // _MB:,} MB (limit {MAX_TOTAL_BYTES // _MB} MB): "
            "refused as a possible zip bomb"
        )  # fmt: skip
    if names.MANIFEST not in entries:
        raise NotAPackageError(name, "is not an agreement package (it has no manifest)")
    return entries


def _read_entry(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """At most the declared size (+1 to notice more): a lying header cannot make it grow;
    zipfile also checks the CRC at the end."""
    with archive.open(info) as stream:
        data = stream.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise DamagedPackageError(name, f"part {info.filename} is not the size it declares")
    return data


def _manifest(name: str, raw: bytes) -> dict[str, Any]:
    manifest = _json(name, names.MANIFEST, raw)
    if not isinstance(manifest, dict) or manifest.get("format") != names.FORMAT:
        raise NotAPackageError(name, "is not an agreement package (its manifest is not one)")
    version = manifest.get("format_version")
    if version != names.FORMAT_VERSION:
        raise DamagedPackageError(
            name, f"is package format {version!r}; this LPSA Desk reads format "
            f"{names.FORMAT_VERSION} (update LPSA Desk on this laptop)"
        )  # fmt: skip
    parts = manifest.get("parts")
    if not isinstance(parts, dict) or set(parts) != set(names.DATA_PARTS):
        raise DamagedPackageError(name, "has a manifest that does not list its parts")
    for key, kind in (("agreement_ref", str), ("exported_at", str), ("officer", str),
                      ("include_internal", bool), ("known_states", list), ("app_version", str)):  # fmt: skip
        if not isinstance(manifest.get(key), kind):
            raise DamagedPackageError(name, f"has a manifest without a valid {key!r}")
    return manifest


def _check_parts(name: str, manifest: dict[str, Any], raw: dict[str, bytes]) -> None:
    for part in names.DATA_PARTS:
        if part not in raw:
            raise DamagedPackageError(name, f"is missing its part {part}")
        listed = manifest["parts"][part]
        digest = listed.get("sha256") if isinstance(listed, dict) else None
        if hashlib.sha256(raw[part]).hexdigest() != digest:
            raise TamperedPackageError(
                name, f"part {part} does not match the manifest: it was altered after export; "
                "nothing was read"
            )  # fmt: skip


def _signer(name: str, raw: dict[str, bytes]) -> Signer | None:
    has_signature, has_certificate = names.SIGNATURE in raw, names.CERTIFICATE in raw
    if not has_signature and not has_certificate:
        return None
    if not (has_signature and has_certificate):
        raise TamperedPackageError(
            name, "has half a signature (signature or certificate missing): nothing was read"
        )
    signer = check_signature(raw[names.MANIFEST], raw[names.SIGNATURE], raw[names.CERTIFICATE])
    if signer is None:
        raise TamperedPackageError(
            name, "has a signature that does not match its manifest: it was altered after "
            "signing; nothing was read"
        )  # fmt: skip
    return signer


def _package(name: str, manifest: dict[str, Any], raw: dict[str, bytes]) -> AgreementPackage:
    ref = manifest["agreement_ref"]

    def part(part_name: str, decode: Callable[[Any], T]) -> T:
        try:
            return decode(_json(name, part_name, raw[part_name]))
        except PartError as exc:
            raise DamagedPackageError(
                name, f"does not fit the package schema: {part_name} {exc}"
            ) from None

    agreement = part(names.AGREEMENT, agreement_from_part)
    if agreement.ref != ref:
        raise DamagedPackageError(
            name, f"holds agreement {agreement.ref!r} but its manifest says {ref!r}"
        )
    try:
        exported_at = datetime.fromisoformat(manifest["exported_at"])
    except ValueError as exc:
        raise DamagedPackageError(name, f"has a malformed manifest ({exc})") from None
    return AgreementPackage(
        agreement=agreement,
        rounds=part(names.ROUNDS, lambda d: rounds_from_part(d, ref)),
        meetings=part(names.MEETINGS, lambda d: meetings_from_part(d, ref)),
        audit=part(names.AUDIT, audit_from_part),
        imports=part(names.IMPORTS, imports_from_part),
        known_states=tuple(str(s) for s in manifest["known_states"]),
        exported_at=exported_at,
        officer=manifest["officer"],
        include_internal=manifest["include_internal"],
        app_version=manifest["app_version"],
    )


def _json(name: str, part: str, raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"), parse_float=Decimal)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise DamagedPackageError(name, f"part {part} is not valid JSON ({_short(exc)})") from None


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
