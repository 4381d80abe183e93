"""The LPSA Desk window (PySide6). Nothing in ``lpsa_desktop`` imports this package.

Importing it has no side effects: the import child process (``ui.import_child``) imports a
module of this package and must not load Qt.
"""
