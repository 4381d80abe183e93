"""The zip container of .xlsx/.xlsm/.ods, checked before any parser sees it.

Everything here reads the zip's central directory or the first few KB of a part, so it
costs nothing on a normal file. The sizes it trusts are the declared ones: calamine's zip
reader refuses a part that grows past its declared size (measured: "File is larger than
its declared uncompressed size"), and so does Python's zipfile (bad CRC).
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from lpsa_desktop.importing.errors import (
    DamagedWorkbookError,
    EncryptedWorkbookError,
    NotASpreadsheetError,
    UnsafeWorkbookError,
)
from lpsa_desktop.importing.file_kind import FileKind
from lpsa_desktop.importing.limits import (
    MAX_PART_BYTES,
    MAX_TOTAL_BYTES,
    MAX_ZIP_MEMBERS,
    PROLOG_BYTES,
)

_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MB = 1_048_576


@dataclass(frozen=True)
class ZipWorkbook:
    """A checked container: its format and, for OOXML, where each sheet's XML lives."""

    kind: FileKind
    sheet_parts: dict[str, str]
    styles_part: str | None


def check_container(path: Path) -> ZipWorkbook:
    """Open the zip, refuse bombs, entity tricks, encryption and non-workbooks."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_sizes(name, members)
            names = {m.filename for m in members}
            kind = _kind(name, archive, names)
            for member in members:
                if member.filename.endswith((".xml", ".rels", ".vml")):
                    _check_prolog(name, archive, member)
            if kind is FileKind.ODS:
                return ZipWorkbook(kind, {}, None)
            parts = _sheet_parts(name, archive)
            styles = "xl/styles.xml" if "xl/styles.xml" in names else None
            return ZipWorkbook(kind, parts, styles)
    except zipfile.BadZipFile as exc:
        raise DamagedWorkbookError(
            name, f"is damaged or incomplete (not a readable zip archive: {exc})"
        ) from None
    except (OSError, EOFError, zlib.error) as exc:
        raise DamagedWorkbookError(name, f"is damaged or incomplete ({exc})") from None


def _check_sizes(name: str, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_ZIP_MEMBERS:
        raise UnsafeWorkbookError(
            name, f"holds {len(members):,} parts (a workbook has a few dozen); refused"
        )
    total = 0
    for member in members:
        if member.file_size > MAX_PART_BYTES:
            raise UnsafeWorkbookError(
                name,
                f"part {member.filename} would unpack to {member.file_size // _MB:,} MB "
                f"(limit {MAX_PART_BYTES // _MB:,} MB): refused as a possible zip bomb",
            )
        total += member.file_size
    if total > MAX_TOTAL_BYTES:
        raise UnsafeWorkbookError(
            name,
            f"would unpack to {total // _MB:,} MB (limit {MAX_TOTAL_BYTES // _MB:,} MB): "
            "refused as a possible zip bomb",
        )


def _kind(name: str, archive: zipfile.ZipFile, names: set[str]) -> FileKind:
    if "mimetype" in names and archive.read("mimetype").strip() == _ODS_MIME:
        manifest = (
            archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
        )
        if b"encryption-data" in manifest:
            raise EncryptedWorkbookError(
                name, "is protected by a password: save it without one, then import it"
            )
        return FileKind.ODS
    if "xl/workbook.xml" in names:
        return FileKind.OOXML
    if "word/document.xml" in names:
        raise NotASpreadsheetError(name, "is a Word document, not a workbook")
    if "ppt/presentation.xml" in names:
        raise NotASpreadsheetError(name, "is a PowerPoint file, not a workbook")
    if "mimetype" in names:
        raise NotASpreadsheetError(name, "is an OpenDocument file but not a spreadsheet")
    raise NotASpreadsheetError(name, "is a zip archive, not a workbook")


def _check_prolog(name: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """A workbook part never declares a document type; one that does is trying to define
    entities (billion laughs) or to make the reader fetch something (external entities)."""
    with archive.open(member) as stream:
        head = stream.read(PROLOG_BYTES)
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise UnsafeWorkbookError(
            name,
            f"part {member.filename} declares XML entities (a document type), which no "
            "workbook needs: refused as unsafe, nothing was expanded or fetched",
        )


def _sheet_parts(name: str, archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the zip part holding its XML, from workbook.xml and its relationships."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels_xml = archive.read("xl/_rels/workbook.xml.rels")
        rels = ElementTree.fromstring(rels_xml)
    except KeyError as exc:
        raise DamagedWorkbookError(name, f"is missing a required part ({exc})") from None
    except DefusedXmlException:
        raise UnsafeWorkbookError(
            name, "declares XML entities, which no workbook needs: refused as unsafe"
        ) from None
    except ElementTree.ParseError as exc:
        raise DamagedWorkbookError(name, f"has a damaged workbook part ({exc})") from None
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG_REL_NS}Relationship")}
    parts: dict[str, str] = {}
    for sheet in book.iter(f"{_MAIN_NS}sheet"):
        target = targets.get(sheet.get(f"{_REL_NS}id"))
        if target:
            resolved = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            parts[sheet.get("name", "")] = posixpath.normpath(resolved)
    return parts
