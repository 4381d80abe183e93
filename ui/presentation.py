"""Presentation mode: for a meeting with the screen on the wall.

Larger text everywhere, the internal-only things hidden (internal notes, reserve targets,
internal rounds, decisions and actions, the audit trail, which can quote them all), the
agreements list put away, and a banner plus a status-bar badge so nobody forgets it is on.
Leaving restores the layout as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow

AUDIT_TAB = 4


class PresentationMode:
    def __init__(self, window: MainWindow, scale: Callable[[], float]) -> None:
        self._window = window
        self._scale = scale  # read on each entry: Preferences may have changed it
        self.active = False
        self._normal_font: QFont | None = None
        self._navigator_was_visible = True

    def set_active(self, active: bool) -> None:
        if active == self.active:
            return
        self.active = active
        window = self._window
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        if active:
            self._normal_font = QFont(app.font())
            larger = QFont(self._normal_font)
            larger.setPointSizeF(self._normal_font.pointSizeF() * self._scale())
            # The application font, not the window's: item models' bold and italic fonts and
            # any dialog opened during the meeting grow too.
            app.setFont(larger)
            self._navigator_was_visible = window.navigator_dock.isVisible()
            window.navigator_dock.hide()
        else:
            if self._normal_font is not None:
                app.setFont(self._normal_font)
            window.navigator_dock.setVisible(self._navigator_was_visible)
        window.heading.follow_application_font()
        show_internal = not active
        window.overview.set_show_internal(show_internal)
        window.targets.set_show_internal(show_internal)
        window.freedoms.set_show_internal(show_internal)
        window.negotiation.set_show_internal(show_internal)  # internal rounds
        window.meetings.set_show_internal(show_internal)  # internal decisions and actions
        if not show_internal and window.tabs.currentIndex() == AUDIT_TAB:
            window.tabs.setCurrentIndex(0)
        window.tabs.setTabVisible(AUDIT_TAB, show_internal)
        window.window_actions.show_audit.setEnabled(show_internal)
        window.banner.setVisible(active)
        window.presentation_label.setVisible(active)
        window.window_actions.presentation_mode.setChecked(active)
