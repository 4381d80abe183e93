"""What a file really is, from its first bytes (its name can lie: a CSV renamed .xlsx)."""

from __future__ import annotations

import stat
from enum import Enum
from pathlib import Path

from lpsa_desktop.importing.errors import NotASpreadsheetError
from lpsa_desktop.importing.limits import MAX_FILE_BYTES

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_OTHER_KINDS = (
    (b"%PDF", "a PDF document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG picture"),
    (b"PK\x05\x06", "an empty zip archive"),
)


class FileKind(Enum):
    OOXML = "xlsx"
    """Excel 2007 and later: .xlsx, .xlsm (a zip of XML parts)."""
    ODS = "ods"
    """OpenDocument spreadsheet (LibreOffice): a zip of XML parts."""
    XLS = "xls"
    """Excel 97–2003 (BIFF8 in an OLE2 compound file)."""
    ENCRYPTED_OOXML = "encrypted"
    """An .xlsx saved with a password: Excel wraps it in an encrypted OLE2 file."""


def check_regular_file(path: Path) -> int:
    """The size of ``path``, refused unless it is a file that can be read: a missing file,
    a folder, or a pipe or device named like a workbook (opening a pipe would wait forever
    for a writer) are refused before anything opens it."""
    name = path.name or str(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        raise NotASpreadsheetError(name, f"no such file (looked for {path})") from None
    except OSError as exc:
        raise NotASpreadsheetError(name, f"cannot be read ({exc.strerror})") from None
    if stat.S_ISDIR(status.st_mode):
        raise NotASpreadsheetError(name, "is a folder, not a workbook: choose a file in it")
    if not stat.S_ISREG(status.st_mode):
        raise NotASpreadsheetError(
            name, "is not a file but a pipe or device: save the workbook as a file and import that"
        )
    return status.st_size


def sniff_file(path: Path) -> FileKind:
    """The workbook format of ``path``; NotASpreadsheetError for anything else."""
    name = path.name
    size = check_regular_file(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
            if head.startswith(_OLE2):
                stream.seek(0)
                # The directory names its streams in UTF-16; only an encrypted OOXML
                # package has one called EncryptedPackage (it sits near the start).
                if _ENCRYPTED_PACKAGE in stream.read(min(size, 4 * 1024 * 1024)):
                    return FileKind.ENCRYPTED_OOXML
    except FileNotFoundError:
        raise NotASpreadsheetError(name, "no such file") from None
    except IsADirectoryError:
        raise NotASpreadsheetError(name, "is a folder, not a workbook") from None
    except OSError as exc:
        raise NotASpreadsheetError(name, f"cannot be read ({exc.strerror})") from None
    if size == 0:
        raise NotASpreadsheetError(name, "is empty (0 bytes): not a workbook")
    if size > MAX_FILE_BYTES:
        raise NotASpreadsheetError(
            name, f"is {size // 1_048_576:,} MB: larger than any return LPSA Desk reads"
        )
    if head.startswith(_ZIP):
        return FileKind.OOXML  # or ODS: the container check tells them apart
    if head.startswith(_OLE2):
        return FileKind.XLS
    raise NotASpreadsheetError(name, f"is {_describe(path, head)}, not an Excel or ODS workbook")


def _describe(path: Path, head: bytes) -> str:
    for magic, kind in _OTHER_KINDS:
        if head.startswith(magic):
            return kind
    with path.open("rb") as stream:
        sample = stream.read(4096)
    if b"\x00" in sample:
        return "not a workbook (unknown binary content)"
    text = sample.decode("utf-8", errors="ignore")
    lowered = text.lstrip().lower()
    if lowered.startswith(("<html", "<!doctype html")):
        return "a web page (HTML)"
    if lowered.startswith("<?xml"):
        return "an XML file"
    if "," in text or "\t" in text or ";" in text:
        return "plain text (it looks like CSV: save it as .xlsx first)"
    return "plain text"
