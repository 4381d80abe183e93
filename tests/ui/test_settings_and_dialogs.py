"""Typed settings over a temporary ini file; the error dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.app_settings import DEFAULT_PRESENTATION_SCALE, MAX_RECENT_STORES, AppSettings
from ui.dialogs.error_dialog import ErrorDialog


def reopened(settings: AppSettings) -> AppSettings:
    """The same file read afresh, as the next start of the program would."""
    settings.sync()
    return AppSettings(QSettings(settings.file, QSettings.Format.IniFormat))


def test_recent_stores_are_newest_first_without_duplicates(settings: AppSettings) -> None:
    for name in ("a.sqlite", "b.sqlite", "a.sqlite"):
        settings.add_recent_store(f"/stores/{name}")
    assert reopened(settings).recent_stores == ["/stores/a.sqlite", "/stores/b.sqlite"]


def test_recent_stores_keep_at_most_eight(settings: AppSettings) -> None:
    for n in range(12):
        settings.add_recent_store(f"/stores/{n}.sqlite")
    stores = reopened(settings).recent_stores
    assert len(stores) == MAX_RECENT_STORES and stores[0] == "/stores/11.sqlite"


def test_a_single_recent_store_survives_the_ini_round_trip(settings: AppSettings) -> None:
    settings.add_recent_store("/stores/only.sqlite")
    assert reopened(settings).recent_stores == ["/stores/only.sqlite"]


def test_layout_and_last_agreement_are_remembered(settings: AppSettings) -> None:
    settings.window_geometry = QByteArray(b"geometry")
    settings.current_tab = 3
    settings.set_last_agreement("/stores/a.sqlite", "york-lpsa2")
    again = reopened(settings)
    assert again.window_geometry == QByteArray(b"geometry")
    assert again.current_tab == 3
    assert again.last_agreement("/stores/a.sqlite") == "york-lpsa2"
    assert again.last_agreement("/stores/other.sqlite") is None


def test_odd_values_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "odd.ini"
    path.write_text("[window]\ncurrent_tab=seven\n[preferences]\npresentation_scale=huge\n")
    settings = AppSettings(QSettings(str(path), QSettings.Format.IniFormat))
    assert settings.current_tab == 0
    assert settings.presentation_scale == DEFAULT_PRESENTATION_SCALE
    assert settings.window_geometry is None


def test_the_presentation_scale_is_kept_within_reason(settings: AppSettings) -> None:
    settings.presentation_scale = 9.0
    assert reopened(settings).presentation_scale == 2.5


def test_the_error_dialog_gives_the_log_path_and_copies_it(qtbot: QtBot, tmp_path: Path) -> None:
    log = tmp_path / "lpsa.log"
    try:
        raise RuntimeError("disk on fire")
    except RuntimeError as error:
        dialog = ErrorDialog(error, log)
    qtbot.addWidget(dialog)
    assert "disk on fire" in dialog.text()
    assert str(log) in dialog.informativeText()
    assert "RuntimeError" in dialog.detailedText() and "raise RuntimeError" in dialog.detailedText()
    dialog.copy_log_path()
    assert QApplication.clipboard().text() == str(log)


def test_the_error_dialog_says_when_there_is_no_log(qtbot: QtBot) -> None:
    dialog = ErrorDialog(ValueError("x"), None)
    qtbot.addWidget(dialog)
    assert "No log file" in dialog.informativeText()
