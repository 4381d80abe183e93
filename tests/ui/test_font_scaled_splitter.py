"""Side-by-side panes keep their width in characters when presentation mode enlarges text."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui.widgets.font_scaled_splitter import FontScaledSplitter


def test_the_first_pane_keeps_its_width_in_characters(qtbot: QtBot) -> None:
    splitter = FontScaledSplitter(first_chars=20)
    qtbot.addWidget(splitter)
    splitter.addWidget(QLabel("list"))
    splitter.addWidget(QLabel("details"))
    splitter.resize(900, 300)
    splitter.show()
    qtbot.waitExposed(splitter)
    digit = splitter.fontMetrics().horizontalAdvance("0")
    assert splitter.sizes()[0] == 20 * digit
    larger = QFont(splitter.font())
    larger.setPointSizeF(larger.pointSizeF() * 1.5)
    splitter.setFont(larger)
    wider = splitter.fontMetrics().horizontalAdvance("0")
    assert wider > digit and splitter.sizes()[0] == 20 * wider
    splitter.moveSplitter(10 * wider, 1)  # the officer drags it: that width is kept instead
    splitter.setFont(QFont(splitter.font().family(), 9))
    assert splitter.sizes()[0] == 10 * splitter.fontMetrics().horizontalAdvance("0")
