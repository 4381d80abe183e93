"""The licences shown in Help ▸ About come from the package's resources."""

from __future__ import annotations

from lpsa_desktop.licences import bundled_licences


def test_the_font_and_icon_licences_are_read_from_the_package() -> None:
    licences = dict(bundled_licences())
    fonts = next(text for name, text in licences.items() if name.startswith("DejaVu"))
    assert "Bitstream" in fonts and "Permission is hereby granted" in fonts
    icons = next(text for name, text in licences.items() if "icons" in name)
    assert "Drawn for LPSA Desk" in icons


def test_qt_is_named_with_its_lgpl_notice_last() -> None:
    component, text = bundled_licences()[-1]
    assert "Qt" in component and "PySide6" in component
    assert "LGPLv3" in text and "gnu.org/licenses/lgpl-3.0" in text
