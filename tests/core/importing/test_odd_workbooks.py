"""Every workbook a council could send is read, or refused for its true reason in words an
officer understands; the store is untouched and nothing hangs or takes the process down."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from lpsa_desktop.cli.main import main
from lpsa_desktop.importing.calamine_errors import calamine_errors
from lpsa_desktop.importing.council_return import read_return
from lpsa_desktop.importing.errors import (
    DamagedWorkbookError,
    EncryptedWorkbookError,
    ImportRefusedError,
    NotASpreadsheetError,
    UnsafeWorkbookError,
)
from lpsa_desktop.services.return_import import plan_import
from lpsa_desktop.storage.store import Store
from tests.core.importing import odd_workbooks as odd

LIBRARY_WORDS = ("Cfb", "calamine", "Range is", "panic", "Sector", "EOCD", "Error:", "index")

REFUSED: list[tuple[Callable[[Path], Path], type[ImportRefusedError], str]] = [
    (odd.xls_that_makes_calamine_panic, DamagedWorkbookError, "is damaged or incomplete"),
    (odd.password_protected_xls, EncryptedWorkbookError, "protected by a password"),
    (odd.truncated_xls, DamagedWorkbookError, "Excel 97–2003 workbook (.xls): the file is damaged"),
    (odd.xls_claiming_the_whole_grid, UnsafeWorkbookError, "within the memory"),
    (odd.strict_open_xml, NotASpreadsheetError, "saved as Strict Open XML"),
    (odd.binary_workbook, NotASpreadsheetError, "binary workbook (.xlsb)"),
    (odd.missing_file, NotASpreadsheetError, "no such file"),
    (odd.a_folder, NotASpreadsheetError, "is a folder"),
    (odd.fifo_named_xlsx, NotASpreadsheetError, "pipe or device"),
]


@pytest.mark.parametrize(("make", "error", "words"), REFUSED, ids=[c[0].__name__ for c in REFUSED])
def test_an_odd_workbook_is_refused_for_its_true_reason_in_plain_words(
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
    assert message.startswith(f"{path.name}: ") and words in message
    assert not any(word in message for word in LIBRARY_WORDS), message
    with store.unit_of_work() as uow:
        assert uow.agreements.refs() == set()


def test_what_to_do_instead_is_said_for_strict_and_binary_workbooks(tmp_path: Path) -> None:
    for make in (odd.strict_open_xml, odd.binary_workbook):
        folder = tmp_path / make.__name__
        folder.mkdir()
        with pytest.raises(NotASpreadsheetError) as refused:
            read_return(make(folder))
        assert "save it as Excel Workbook (.xlsx)" in str(refused.value)


@pytest.mark.parametrize("make", [odd.parts_found_through_rels, odd.written_with_backslashes])
def test_a_zip_laid_out_unusually_is_read_like_any_xlsx(
    make: Callable[[Path], Path], tmp_path: Path
) -> None:
    ret = read_return(make(tmp_path))
    refs = {t.ref: [i.ref for i in t.indicators] for t in ret.targets_table.targets}
    assert refs == {"1": ["1a"], "2": ["2"]}
    assert ret.agreement.council == "Testshire County Council"


def test_a_calamine_panic_is_a_damaged_file_not_a_traceback(tmp_path: Path) -> None:
    """The real BaseException, raised in this process: caught and named as damage."""
    path = odd.xls_that_makes_calamine_panic(tmp_path)
    with pytest.raises(DamagedWorkbookError), calamine_errors(path.name, "cannot be read"):
        CalamineWorkbook.from_path(str(path))


@pytest.mark.parametrize(
    "make", [odd.missing_file, odd.a_folder, odd.xls_that_makes_calamine_panic]
)
def test_the_command_line_says_one_clear_line(
    make: Callable[[Path], Path],
    store_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = make(tmp_path)
    assert main(["--db", str(store_path), "import", str(path), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"lpsa: {path.name}: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "unexpected" not in err
