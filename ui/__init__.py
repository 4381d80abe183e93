"""The LPSA Desk window (PySide6). Nothing in ``lpsa_desktop`` imports this package."""

from ui.qt_workarounds import protect_bool_singletons

# Before any signal is emitted anywhere in the window (see ui.qt_workarounds for why).
protect_bool_singletons()
