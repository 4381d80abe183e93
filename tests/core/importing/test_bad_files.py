"""Bad input: each refused with a clear message naming the file, and the store untouched."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from lpsa_desktop.importing.council_return import read_return
from lpsa_desktop.importing.errors import (
    DamagedWorkbookError,
    EncryptedWorkbookError,
    ImportRefusedError,
    NoTargetsSheetError,
    NotASpreadsheetError,
    UnsafeWorkbookError,
)
from lpsa_desktop.services.return_import import plan_import
from lpsa_desktop.storage.store import Store
from tests.core.importing import bad_files
from tests.core.importing.workbooks import ROW_1A, replace_parts, sheet_part, write_return

CASES: list[tuple[Callable[[Path], Path], type[ImportRefusedError], str]] = [
    (bad_files.pdf_named_xlsx, NotASpreadsheetError, "PDF"),
    (bad_files.csv_named_xlsx, NotASpreadsheetError, "CSV"),
    (bad_files.zero_bytes, NotASpreadsheetError, "empty (0 bytes)"),
    (bad_files.word_document, NotASpreadsheetError, "Word document"),
    (bad_files.truncated_zip, DamagedWorkbookError, "damaged or incomplete"),
    (bad_files.corrupt_part, DamagedWorkbookError, "damaged"),
    (bad_files.password_protected, EncryptedWorkbookError, "password"),
    (bad_files.billion_laughs, UnsafeWorkbookError, "entities"),
    (bad_files.external_entity, UnsafeWorkbookError, "entities"),
    (bad_files.declared_zip_bomb, UnsafeWorkbookError, "zip bomb"),
    (bad_files.far_away_cell, UnsafeWorkbookError, "XFD1048576"),
    (bad_files.too_many_rows, UnsafeWorkbookError, "A250000"),
    (bad_files.far_row_of_cells_without_refs, UnsafeWorkbookError, "row 50,001 or beyond"),
    (bad_files.ods_repeated_rows_bomb, UnsafeWorkbookError, "too much memory"),
    (bad_files.far_cell_in_lower_case, UnsafeWorkbookError, "xfd1048576"),
    (bad_files.far_cell_with_its_ref_last, UnsafeWorkbookError, "XFD3"),
    (bad_files.far_cell_in_single_quotes, UnsafeWorkbookError, "XFD3"),
    (bad_files.far_cell_with_a_namespace_prefix, UnsafeWorkbookError, "XFD3"),
    (bad_files.far_row_written_with_leading_zeros, UnsafeWorkbookError, "CV0600000"),
    (bad_files.far_ref_given_twice, DamagedWorkbookError, "duplicate attribute"),
    (bad_files.wide_row_of_cells_without_refs, UnsafeWorkbookError, "column CW or beyond"),
    (bad_files.tag_of_twelve_megabytes, UnsafeWorkbookError, "tag longer than 8 MB"),
]


@pytest.mark.parametrize(("make", "error", "words"), CASES, ids=[c[0].__name__ for c in CASES])
def test_bad_files_are_refused_clearly_and_the_store_is_untouched(
    make: Callable[[Path], Path],
    error: type[ImportRefusedError],
    words: str,
    tmp_path: Path,
    store: Store,
) -> None:
    path = make(tmp_path)
    with pytest.raises(error) as refused:
        plan_import(store, path)
    message = str(refused.value)
    assert message.startswith(f"{path.name}: ")
    assert words in message
    assert "root:" not in message  # nothing of /etc/passwd was fetched into a message
    with store.unit_of_work() as uow:
        assert uow.agreements.refs() == set()
        assert uow.import_batches.listing() == []


def test_a_doctype_hidden_after_a_long_comment_is_still_refused(tmp_path: Path) -> None:
    source = write_return(tmp_path / "whole.xlsx", [ROW_1A])
    comment = "<!--" + "x" * 10_000 + "-->"
    doctype = '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    xml = sheet_part(source).replace("<t>Safer roads</t>", "<t>&xxe;</t>")
    body = xml.split("?>", 1)[-1] if xml.startswith("<?xml") else xml
    path = replace_parts(
        source,
        tmp_path / "return.xlsx",
        {"xl/worksheets/sheet2.xml": (comment + doctype + body).encode()},
    )
    with pytest.raises(ImportRefusedError) as refused:
        read_return(path)
    assert "root:" not in str(refused.value)


def test_a_workbook_without_a_targets_sheet_is_refused(tmp_path: Path) -> None:
    path = write_return(tmp_path / "notes.xlsx", [["just", "some", "words"]], header=["Notes"])
    with pytest.raises(NoTargetsSheetError) as refused:
        read_return(path)
    assert str(refused.value).startswith("notes.xlsx: no sheet of targets found")


@pytest.mark.slow
def test_a_million_empty_formatted_rows_at_the_bottom_are_skipped(tmp_path: Path) -> None:
    source = write_return(tmp_path / "whole.xlsx", [ROW_1A])
    empty = "".join(
        f'<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/><c r="B{r}" s="1"/></row>'
        for r in range(3, 1_000_003)
    )
    xml = sheet_part(source).replace("</sheetData>", empty + "</sheetData>")
    path = replace_parts(
        source, tmp_path / "return.xlsx", {"xl/worksheets/sheet2.xml": xml.encode()}
    )
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet2.xml").file_size > 50_000_000
    ret = read_return(path)
    assert [i.ref for t in ret.targets_table.targets for i in t.indicators] == ["1a"]
    assert not [i for i in ret.all_issues() if i.is_error]


def test_row_50000_is_within_the_limit_and_row_50001_beyond(tmp_path: Path) -> None:
    source = write_return(tmp_path / "whole.xlsx", [ROW_1A])
    for row, refused in ((9_999, False), (50_000, False), (50_001, True), (100_000, True)):
        xml = sheet_part(source).replace(
            "</sheetData>", f'<row r="{row}"><c r="A{row}" t="n"><v>1</v></c></row></sheetData>'
        )
        path = replace_parts(
            source, tmp_path / f"r{row}.xlsx", {"xl/worksheets/sheet2.xml": xml.encode()}
        )
        if refused:
            with pytest.raises(UnsafeWorkbookError):
                read_return(path)
        else:
            assert read_return(path).targets_table.targets


def test_cells_written_unusually_but_within_the_limits_are_read(tmp_path: Path) -> None:
    """Such cells are placed the way calamine places them (a slower, exact walk), and a
    sheet they keep within the limits reads as usual."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rows = (
        '<row r="3"><c t="n"><v>1</v></c><c t="n"><v>2</v></c></row>'
        f'<row r="4"><x:c xmlns:x="{ns}" r=\'b4\' t="n"><x:v>3</x:v></x:c></row>'
        '<row r="0049999"><c t="n"><v>4</v></c></row>'
    )
    source = write_return(tmp_path / "whole.xlsx", [ROW_1A])
    xml = sheet_part(source).replace("</sheetData>", rows + "</sheetData>")
    path = replace_parts(
        source, tmp_path / "return.xlsx", {"xl/worksheets/sheet2.xml": xml.encode()}
    )
    ret = read_return(path)  # not refused
    assert "1a" in [i.ref for t in ret.targets_table.targets for i in t.indicators]
