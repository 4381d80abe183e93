"""File dialogs open in the officer's documents folder, then in the folder last used
(kept in the settings), never in the program's own folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from tests.ui.conftest import OpenWindow
from tests.ui.signing_steps import past_draft_warning
from ui.app_settings import AppSettings
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.sign_dialog import SignDialog


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(Path(__file__).resolve().parents[2])  # the program's folder
    return home / "Documents"


class FakeDialogs:
    """QFileDialog's static functions, noting where each was asked to open."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: Path | None) -> None:
        self.starts: list[str] = []
        self.answer = answer
        for name in ("getOpenFileName", "getSaveFileName"):
            monkeypatch.setattr(QFileDialog, name, self._ask)

    def _ask(self, _parent: Any, _caption: str, start: str, *_args: Any, **_kw: Any) -> Any:
        self.starts.append(start)
        return (str(self.answer) if self.answer else ""), ""  # None: Cancel


def test_the_identity_dialog_opens_in_documents_then_where_the_last_file_was(
    open_window: Callable[..., OpenWindow],
    documents: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    settings: AppSettings,
) -> None:
    opened = open_window()
    files = opened.controller.files
    files.sign_pdf()
    sign = past_draft_warning(files)
    assert isinstance(sign, SignDialog)
    assert sign.identity.path() is None  # no identity used yet
    elsewhere = tmp_path / "keys"
    elsewhere.mkdir()
    fake = FakeDialogs(monkeypatch, elsewhere / "me.p12")
    sign.identity.browse.click()
    assert fake.starts == [str(documents)]
    assert fake.starts[0] != str(Path.cwd())
    assert sign.identity.path() == elsewhere / "me.p12"
    sign.reject()
    assert settings.last_folder == str(elsewhere)  # remembered
    files.export_pdf()
    export = files.dialog
    assert isinstance(export, ExportDialog)
    export.destination.set_path(None)
    export.destination.browse.click()
    assert fake.starts[-1] == str(elsewhere)
    export.reject()
    fake.answer = None
    opened.window.window_actions.import_return.trigger()
    assert fake.starts[-1] == str(elsewhere)


def test_a_relative_name_opens_in_the_start_folder_not_the_programs(
    open_window: Callable[..., OpenWindow], documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = open_window()
    files = opened.controller.files
    files.export_pdf()
    export = files.dialog
    assert isinstance(export, ExportDialog)
    export.destination.set_path("agreement.pdf")
    assert export.destination.start_directory() == str(documents / "agreement.pdf")
    export.reject()
