"""Hostile and broken files, made on the fly (one function per kind)."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

from tests.core.importing.workbooks import DATA, ROW_1A, replace_parts, sheet_part, write_return


def pdf_named_xlsx(folder: Path) -> Path:
    path = folder / "return.xlsx"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    return path


def csv_named_xlsx(folder: Path) -> Path:
    path = folder / "return.xlsx"
    path.write_text("Target,Indicator,Baseline\n1,KSI,120\n", encoding="utf-8")
    return path


def zero_bytes(folder: Path) -> Path:
    path = folder / "return.xlsx"
    path.write_bytes(b"")
    return path


def truncated_zip(folder: Path) -> Path:
    whole = write_return(folder / "whole.xlsx", [ROW_1A]).read_bytes()
    path = folder / "return.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def corrupt_part(folder: Path) -> Path:
    """A zip whose directory is fine but whose sheet data is garbage."""
    source = write_return(folder / "whole.xlsx", [ROW_1A])
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo("xl/worksheets/sheet2.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 5, start + min(info.compress_size, 200)):
        data[offset] = 0xFF
    path = folder / "return.xlsx"
    path.write_bytes(bytes(data))
    return path


def password_protected(folder: Path) -> Path:
    return DATA / "password-protected.xlsx"


def billion_laughs(folder: Path) -> Path:
    source = write_return(folder / "whole.xlsx", [ROW_1A])
    lol = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    doctype = f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{lol}]>'
    xml = sheet_part(source).replace("<t>Safer roads</t>", "<t>&lol9;</t>")
    xml = doctype + xml.split("?>", 1)[-1] if xml.startswith("<?xml") else doctype + xml
    return replace_parts(source, folder / "return.xlsx", {"xl/worksheets/sheet2.xml": xml.encode()})


def external_entity(folder: Path) -> Path:
    source = write_return(folder / "whole.xlsx", [ROW_1A])
    with zipfile.ZipFile(source) as archive:
        book = archive.read("xl/workbook.xml").decode()
    evil = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    book = evil + book.split("?>", 1)[-1] if book.startswith("<?xml") else evil + book
    book = book.replace('name="Agreement"', 'name="&xxe;"')
    return replace_parts(source, folder / "return.xlsx", {"xl/workbook.xml": book.encode()})


def declared_zip_bomb(folder: Path) -> Path:
    """A part whose directory entry says it unpacks to 3 GB."""
    source = write_return(folder / "whole.xlsx", [ROW_1A])
    data = bytearray(source.read_bytes())
    name = b"xl/worksheets/sheet2.xml"
    for signature, size_at, name_at in ((b"PK\x01\x02", 24, 46), (b"PK\x03\x04", 22, 30)):
        at = data.find(signature)
        while at != -1:
            length = struct.unpack_from(
                "<H", data, at + (28 if signature == b"PK\x01\x02" else 26)
            )[0]
            if data[at + name_at : at + name_at + length] == name:
                struct.pack_into("<I", data, at + size_at, 3_000_000_000)
            at = data.find(signature, at + 1)
    path = folder / "return.xlsx"
    path.write_bytes(bytes(data))
    return path


def far_away_cell(folder: Path) -> Path:
    """One value in XFD1048576: calamine alone would ask for a 512 GB grid and abort."""
    source = write_return(folder / "whole.xlsx", [ROW_1A])
    xml = sheet_part(source).replace(
        "</sheetData>", '<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'
    )
    return replace_parts(source, folder / "return.xlsx", {"xl/worksheets/sheet2.xml": xml.encode()})


def too_many_rows(folder: Path) -> Path:
    source = write_return(folder / "whole.xlsx", [ROW_1A])
    xml = sheet_part(source).replace(
        "</sheetData>", '<row r="250000"><c r="A250000" t="n"><v>1</v></c></row></sheetData>'
    )
    return replace_parts(source, folder / "return.xlsx", {"xl/worksheets/sheet2.xml": xml.encode()})


def ods_repeated_rows_bomb(folder: Path) -> Path:
    """Two rows that ODS 'repeats' a million times: a few bytes standing for 10^6 rows."""
    with zipfile.ZipFile(DATA / "fixtureshire.ods") as archive:
        content = archive.read("content.xml").decode()
    row = (
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
        'office:value-type="float" office:value="1" calcext:value-type="float">'
        "<text:p>1</text:p></table:table-cell></table:table-row>"
    )
    content = content.replace("</table:table>", row + "</table:table>", 2)
    return replace_parts(
        DATA / "fixtureshire.ods", folder / "return.ods", {"content.xml": content.encode()}
    )


def word_document(folder: Path) -> Path:
    path = folder / "return.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def far_row_of_cells_without_refs(folder: Path) -> Path:
    """Cells that do not say where they are, in a row past the limit: refused untrusted."""
    source = write_return(folder / "whole.xlsx", [ROW_1A])
    xml = sheet_part(source).replace(
        "</sheetData>", '<row r="500000"><c t="n"><v>1</v></c></row></sheetData>'
    )
    return replace_parts(source, folder / "return.xlsx", {"xl/worksheets/sheet2.xml": xml.encode()})


def _sheet_with(folder: Path, rows: str) -> Path:
    """The one-row return with ``rows`` added at the end of its Targets sheet."""
    source = write_return(folder / "whole.xlsx", [ROW_1A])
    xml = sheet_part(source).replace("</sheetData>", rows + "</sheetData>")
    return replace_parts(source, folder / "return.xlsx", {"xl/worksheets/sheet2.xml": xml.encode()})


# calamine places a cell by its r attribute however that is written (measured: each of
# these made it ask for a grid of gigabytes and abort the process before the extent check
# read refs in any spelling).
def far_cell_in_lower_case(folder: Path) -> Path:
    return _sheet_with(folder, '<row r="3"><c r="xfd1048576" t="n"><v>1</v></c></row>')


def far_cell_with_its_ref_last(folder: Path) -> Path:
    return _sheet_with(folder, '<row r="3"><c t="n" s="0" r="XFD3"><v>1</v></c></row>')


def far_cell_in_single_quotes(folder: Path) -> Path:
    return _sheet_with(folder, '<row r="3"><c r=\'XFD3\' t="n"><v>1</v></c></row>')


def far_cell_with_a_namespace_prefix(folder: Path) -> Path:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return _sheet_with(
        folder, f'<row r="3"><x:c xmlns:x="{ns}" r="XFD3" t="n"><x:v>1</x:v></x:c></row>'
    )


def far_row_written_with_leading_zeros(folder: Path) -> Path:
    return _sheet_with(folder, '<row r="3"><c r="CV0600000" t="n"><v>1</v></c></row>')


def far_ref_given_twice(folder: Path) -> Path:
    """calamine takes the last of two r attributes."""
    return _sheet_with(folder, '<row r="3"><c r="A3" r="XFD3" t="n"><v>1</v></c></row>')


def wide_row_of_cells_without_refs(folder: Path) -> Path:
    """Cells without refs go one after another: 20,000 of them reach column ADNX."""
    return _sheet_with(folder, '<row r="3">' + '<c t="n"><v>1</v></c>' * 20_000 + "</row>")


def tag_of_twelve_megabytes(folder: Path) -> Path:
    """One tag longer than any workbook writes: refused rather than held in memory whole."""
    return _sheet_with(folder, f'<row r="3"><c r="A3" x="{"y" * 12_000_000}"/></row>')
