"""Workbooks a council could send that are odd rather than hostile, made on the fly from a
return written here or from the small .xls fixture (one function per kind)."""

from __future__ import annotations

import os
import struct
import zipfile
from pathlib import Path

from tests.core.importing.workbooks import DATA, ROW_1A, ROW_2, write_return

XLS = DATA / "fixtureshire.xls"
_BOF = b"\x09\x08\x10\x00\x00\x06\x05\x00"  # BIFF8 workbook globals: the Workbook stream
_LABELSST = 0x00FD
_FILEPASS = 0x002F

STRICT_NAMESPACES = {
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": (
        b"http://purl.oclc.org/ooxml/spreadsheetml/main"
    ),
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
}


def _parts(folder: Path) -> dict[str, bytes]:
    source = write_return(folder / "source.xlsx", [ROW_1A, ROW_2])
    with zipfile.ZipFile(source) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def parts_found_through_rels(folder: Path) -> Path:
    """The workbook under book/ rather than xl/: found only through _rels/.rels."""
    moved = {}
    for name, data in _parts(folder).items():
        part = "book/" + name.removeprefix("xl/") if name.startswith("xl/") else name
        moved[part] = data.replace(b"/xl/", b"/book/").replace(b'"xl/', b'"book/')
    return _zip(folder / "return.xlsx", moved)


def written_with_backslashes(folder: Path) -> Path:
    """Part names written 'xl\\workbook.xml', as some Windows zip tools write them."""
    parts = {name.replace("/", "\\"): data for name, data in _parts(folder).items()}
    return _zip(folder / "return.xlsx", parts)


def strict_open_xml(folder: Path) -> Path:
    """Saved as Excel's "Strict Open XML Spreadsheet": the same parts in other namespaces."""
    strict = {}
    for name, data in _parts(folder).items():
        text = data
        for transitional, purl in STRICT_NAMESPACES.items():
            text = text.replace(transitional, purl)
        strict[name] = text
    return _zip(folder / "return.xlsx", strict)


def binary_workbook(folder: Path) -> Path:
    """An .xlsb: a zip like an .xlsx whose workbook and sheets are binary parts."""
    rels = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>'
    )
    parts = {
        "[Content_Types].xml": b"<Types/>",
        "_rels/.rels": rels,
        "xl/workbook.bin": b"\x83\x01\x00\x80\x01\x00",
        "xl/worksheets/sheet1.bin": b"\x81\x01\x00",
    }
    return _zip(folder / "return.xlsb", parts)


def missing_file(folder: Path) -> Path:
    return folder / "return.xlsx"


def a_folder(folder: Path) -> Path:
    path = folder / "return.xlsx"
    path.mkdir()
    return path


def fifo_named_xlsx(folder: Path) -> Path:
    """A named pipe: opening it would wait for a writer that never comes."""
    path = folder / "return.xlsx"
    os.mkfifo(path)
    return path


def _xls_records(data: bytes) -> tuple[int, list[tuple[int, int, int]]]:
    """(where the Workbook stream starts, [(offset, type, length)] of its records). The
    fixture's stream lies in consecutive sectors, so the file's bytes are the stream's."""
    start = data.index(_BOF)
    records, at = [], start
    while at + 4 <= len(data):
        kind, length = struct.unpack_from("<HH", data, at)
        if kind == 0 and length == 0:
            break
        records.append((at, kind, length))
        at += 4 + length
    return start, records


def password_protected_xls(folder: Path) -> Path:
    """An .xls saved with a password: a FILEPASS record right after the workbook's BOF."""
    data = bytearray(XLS.read_bytes())
    _start, records = _xls_records(bytes(data))
    at, _kind, _length = records[1]
    struct.pack_into("<H", data, at, _FILEPASS)
    path = folder / "return.xls"
    path.write_bytes(bytes(data))
    return path


def truncated_xls(folder: Path) -> Path:
    path = folder / "return.xls"
    path.write_bytes(XLS.read_bytes()[:4000])
    return path


def xls_that_makes_calamine_panic(folder: Path) -> Path:
    """One byte of the fixture changed (found by fuzzing): calamine's Rust code panics
    reading it ("range end index … out of range"), a BaseException in Python."""
    data = bytearray(XLS.read_bytes())
    data[5464] = 12
    path = folder / "return.xls"
    path.write_bytes(bytes(data))
    return path


def xls_claiming_the_whole_grid(folder: Path) -> Path:
    """A small .xls with one value at IV65536: calamine would make a grid of 65,536 × 256
    cells (over 1 GB) to hold it."""
    data = bytearray(XLS.read_bytes())
    _start, records = _xls_records(bytes(data))
    sheets = [at for at, kind, _length in records if kind == 0x0809][1:]
    at = next(a for a, kind, _l in records if kind == _LABELSST and a > sheets[1])
    struct.pack_into("<HH", data, at + 4, 65535, 255)
    path = folder / "return.xls"
    path.write_bytes(bytes(data))
    return path
