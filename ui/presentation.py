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
from ui.window_tabs import AUDIT as AUDIT_TAB


class PresentationMode:
    def __init__(self, window: MainWindow, scale: Callable[[], float]) -> None:
        self._window = window
        self._scale = scale  # read on each entry: Preferences may have changed it
        self.active = False
        self._normal_font: QFont | None = None
        self._navigator_was_visible = True
        # A tab built during a meeting hides what the others hide.
        tabs = window.lazy_tabs
        tabs.overview.when_built(lambda panel: panel.set_show_internal(not self.active))
        tabs.targets.when_built(lambda panel: panel.set_show_internal(not self.active))
        tabs.freedoms.when_built(lambda panel: panel.set_show_internal(not self.active))
        tabs.negotiation.when_built(lambda panel: panel.set_show_internal(not self.active))
        tabs.meetings.when_built(lambda panel: panel.set_show_internal(not self.active))

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
        # The model, not only its tree: reserve targets leave the model (so the copy, the
        # paste and the tree built later all see them gone) whether or not the tab is built.
        window.target_model.set_show_internal(show_internal)
        tabs = window.lazy_tabs  # the tabs not built yet are told when they are
        tabs.overview.if_built(lambda panel: panel.set_show_internal(show_internal))
        tabs.targets.if_built(lambda panel: panel.set_show_internal(show_internal))
        tabs.freedoms.if_built(lambda panel: panel.set_show_internal(show_internal))
        tabs.negotiation.if_built(lambda panel: panel.set_show_internal(show_internal))  # rounds
        tabs.meetings.if_built(lambda panel: panel.set_show_internal(show_internal))  # decisions
        if not show_internal and window.tabs.currentIndex() == AUDIT_TAB:
            window.tabs.setCurrentIndex(0)
        window.tabs.setTabVisible(AUDIT_TAB, show_internal)
        window.window_actions.show_audit.setEnabled(show_internal)
        window.banner.setVisible(active)
        window.presentation_label.setVisible(active)
        window.window_actions.presentation_mode.setChecked(active)
