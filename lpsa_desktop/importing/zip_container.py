"""The zip container of .xlsx/.xlsm/.ods, checked before any parser sees it.

Everything here reads the zip's central directory or the first few KB of a part, so it
costs nothing on a normal file. Parts are found as the format says, not by their usual
names: the workbook through the package's ``_rels/.rels``, its sheets and styles through the
workbook's own relationships; and a part's name written with backslashes (some zip tools
on Windows) is the same part. A workbook saved as Strict Open XML or as a binary workbook
(.xlsb) is refused with what to do instead. The sizes it trusts are the declared ones: calamine's zip
reader refuses a part that grows past its declared size (measured: "File is larger than
its declared uncompressed size"), and so does Python's zipfile (bad CRC).
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
_OFFICE_DOCUMENT = "/officeDocument"
"""How a package's main part relationship type ends (transitional and strict alike)."""
_STRICT = "http://purl.oclc.org/ooxml/"
_STYLES = "/styles"
_MB = 1_048_576
SAVE_AS_XLSX = (
    "save it as Excel Workbook (.xlsx) in Excel (File ▸ Save As ▸ Excel Workbook), then import that"
)


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
            names = _Names(members)
            for member in members:
                if member.filename.endswith((".xml", ".rels", ".vml")):
                    _check_prolog(name, archive, member)
            kind, main = _kind(name, archive, names)
            if kind is FileKind.ODS or main is None:
                return ZipWorkbook(kind, {}, None)
            parts, styles = _sheet_parts(name, archive, names, main)
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


class _Names:
    """The zip's part names as the format writes them ('xl/workbook.xml') → as the zip
    holds them (perhaps 'xl\\workbook.xml', or 'XL/Workbook.xml': part names ignore case)."""

    def __init__(self, members: list[zipfile.ZipInfo]) -> None:
        self._held: dict[str, str] = {}
        for member in members:
            self._held.setdefault(_normal(member.filename), member.filename)

    def __contains__(self, part: str) -> bool:
        return _normal(part) in self._held

    def held(self, part: str) -> str | None:
        return self._held.get(_normal(part))

    def read(self, archive: zipfile.ZipFile, part: str) -> bytes:
        held = self.held(part)
        if held is None:
            raise KeyError(part)
        return archive.read(held)


def _normal(part: str) -> str:
    return posixpath.normpath(part.replace("\\", "/").lstrip("/")).lower()


def _kind(name: str, archive: zipfile.ZipFile, names: _Names) -> tuple[FileKind, str | None]:
    """The container's format and, for a workbook, its main part (the workbook's XML)."""
    if "mimetype" in names and names.read(archive, "mimetype").strip() == _ODS_MIME:
        manifest = (
            names.read(archive, "META-INF/manifest.xml")
            if "META-INF/manifest.xml" in names
            else b""
        )
        if b"encryption-data" in manifest:
            raise EncryptedWorkbookError(
                name, "is protected by a password: save it without one, then import it"
            )
        return FileKind.ODS, None
    main = _main_part(name, archive, names)
    if (main is not None and main.lower().endswith(".bin")) or "xl/workbook.bin" in names:
        raise NotASpreadsheetError(
            name,
            f"is an Excel binary workbook (.xlsb), which LPSA Desk cannot read: {SAVE_AS_XLSX}",
        )
    if (
        main is not None
        and main.lower().endswith(".xml")
        and not main.lower().startswith(("word/", "ppt/"))
    ):
        return FileKind.OOXML, main
    if "xl/workbook.xml" in names:
        return FileKind.OOXML, "xl/workbook.xml"
    if "word/document.xml" in names:
        raise NotASpreadsheetError(name, "is a Word document, not a workbook")
    if "ppt/presentation.xml" in names:
        raise NotASpreadsheetError(name, "is a PowerPoint file, not a workbook")
    if "mimetype" in names:
        raise NotASpreadsheetError(name, "is an OpenDocument file but not a spreadsheet")
    raise NotASpreadsheetError(name, "is a zip archive, not a workbook")


def _main_part(name: str, archive: zipfile.ZipFile, names: _Names) -> str | None:
    """The package's main part, from ``_rels/.rels`` (None when it names none)."""
    if "_rels/.rels" not in names:
        return None
    root = _xml(name, names.read(archive, "_rels/.rels"), "package relationships")
    for rel in root.iter(f"{_PKG_REL_NS}Relationship"):
        if rel.get("Type", "").endswith(_OFFICE_DOCUMENT) and rel.get("TargetMode") != "External":
            return _resolve("", rel.get("Target", ""))
    return None


def _resolve(folder: str, target: str) -> str:
    """A relationship's target as a part name: absolute ('/xl/a.xml') or from ``folder``."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def _xml(name: str, data: bytes, what: str) -> Any:
    try:
        return ElementTree.fromstring(data)
    except DefusedXmlException:
        raise UnsafeWorkbookError(
            name, "declares XML entities, which no workbook needs: refused as unsafe"
        ) from None
    except ElementTree.ParseError:
        raise DamagedWorkbookError(
            name, f"is damaged: its {what} cannot be read (the file may be incomplete)"
        ) from None


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


def _sheet_parts(
    name: str, archive: zipfile.ZipFile, names: _Names, main: str
) -> tuple[dict[str, str], str | None]:
    """Sheet name → the zip member holding its XML, and the styles member (None: none),
    from the workbook part and its relationships."""
    folder, base = posixpath.split(main)
    rels_part = posixpath.join(folder, "_rels", f"{base}.rels")
    try:
        book_xml = names.read(archive, main)
        rels_xml = names.read(archive, rels_part)
    except KeyError as exc:
        raise DamagedWorkbookError(
            name, f"is damaged: a part every workbook has is missing ({exc.args[0]})"
        ) from None
    book = _xml(name, book_xml, "list of sheets")
    if book.tag.startswith("{" + _STRICT):
        raise NotASpreadsheetError(
            name, f"is saved as Strict Open XML, which LPSA Desk cannot read: {SAVE_AS_XLSX}"
        )
    rels = _xml(name, rels_xml, "list of parts")
    targets: dict[str | None, str] = {}
    styles: str | None = None
    for rel in rels.iter(f"{_PKG_REL_NS}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        part = _resolve(folder, rel.get("Target", ""))
        targets[rel.get("Id")] = part
        if rel.get("Type", "").endswith(_STYLES):
            styles = names.held(part)
    parts: dict[str, str] = {}
    for sheet in book.iter(f"{_MAIN_NS}sheet"):
        target = targets.get(sheet.get(f"{_REL_NS}id"))
        held = names.held(target) if target else None
        if held is not None:
            parts[sheet.get("name", "")] = held
    return parts, styles
