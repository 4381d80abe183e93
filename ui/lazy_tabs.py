"""Tabs whose panels are built the first time they are shown or reached.

At start-up only the tab in front is built; building all seven (and importing their
modules) delayed the agreement's first paint. A ``LazyTab`` holds a tab's page, an empty
widget that stays in the ``QTabWidget`` for good, and the function that builds what goes
in it. Whoever reaches the panel (``tab.panel``) gets it built on the spot, so no caller
ever sees None; whoever must wire or feed a panel says so with ``when_built``, which runs
at once for a panel already built and otherwise just after it is built, with the state of
that moment (the agreement, the issues, presentation mode), so a tab opened late shows
exactly what an early one would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

P = TypeVar("P")


class LazyTab(Generic[P]):
    """One tab: its page now, its panel (``P``) on first show or first use."""

    def __init__(self, name: str, build: Callable[[], P], content: Callable[[P], QWidget]) -> None:
        self.page = QWidget()
        self.page.setObjectName(name)
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(0, 0, 0, 0)
        self._build = build
        self._content = content  # the widget of P that fills the page
        self._panel: P | None = None
        self._hooks: list[Callable[[P], None]] = []

    @property
    def built(self) -> bool:
        return self._panel is not None

    @property
    def panel(self) -> P:
        """The panel, built now if it was not yet."""
        if self._panel is None:
            panel = self._build()
            layout = self.page.layout()
            assert layout is not None
            content = self._content(panel)
            layout.addWidget(content)
            if self.page.isVisible():
                content.show()  # now, in this paint: a layout would show it a turn later
            self._panel = panel
            for hook in self._hooks:
                hook(panel)
        return self._panel

    @property
    def content(self) -> QWidget | None:
        """The widget in the page (None until built)."""
        return self._content(self._panel) if self._panel is not None else None

    def if_built(self, act: Callable[[P], None]) -> None:
        """Run ``act(panel)`` if the panel is built; else nothing (a ``when_built`` hook
        gives it the state of the moment it is built)."""
        if self._panel is not None:
            act(self._panel)

    def when_built(self, hook: Callable[[P], None]) -> None:
        """Run ``hook(panel)`` now if the panel is built, else once it is (in the order
        the hooks were given)."""
        self._hooks.append(hook)
        if self._panel is not None:
            hook(self._panel)


class LazyTabWidget(QTabWidget):
    """A tab widget that builds a lazy tab's panel when the tab becomes current.

    ``currentWidget``, ``setCurrentWidget`` and ``indexOf`` speak of a lazy tab's content
    (the panel), as they would if the panel were the page itself, so the code that asks
    which tab is in front (``tabs.currentWidget() is window.targets``) reads as before.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lazy: dict[QWidget, LazyTab[object]] = {}
        self._adding = False
        self.currentChanged.connect(self._on_current_changed)

    def add_lazy_tab(self, tab: LazyTab[P], label: str) -> int:
        self._lazy[tab.page] = tab  # type: ignore[assignment]
        # The first tab added becomes current, but it may not be the one shown first (the
        # settings name that): whoever adds the tabs calls ``build_current`` once chosen.
        self._adding = True
        try:
            return self.addTab(tab.page, label)
        finally:
            self._adding = False

    def _on_current_changed(self, _index: int) -> None:
        if not self._adding:
            self.build_current()

    def lazy_tab_at(self, index: int) -> LazyTab[object] | None:
        page = self.widget(index)
        return self._lazy.get(page) if page is not None else None

    def build_current(self) -> None:
        """Build the tab in front (a tab made current before its signal was connected, or
        the first one added, which becomes current without a change)."""
        tab = self.lazy_tab_at(self.currentIndex())
        if tab is not None:
            tab.panel  # noqa: B018 (reaching it builds it)

    def currentWidget(self) -> QWidget:
        page = super().currentWidget()
        tab = self._lazy.get(page)
        if tab is None:
            return page
        tab.panel  # noqa: B018 (the tab in front is always built; this makes sure)
        content = tab.content
        assert content is not None
        return content

    def setCurrentWidget(self, widget: QWidget) -> None:
        super().setCurrentWidget(self._page_of(widget))

    def indexOf(self, widget: QWidget) -> int:
        return super().indexOf(self._page_of(widget))

    def _page_of(self, widget: QWidget) -> QWidget:
        for page, tab in self._lazy.items():
            if tab.built and tab.content is widget:
                return page
        return widget
