"""The LPSA Desk window (PySide6). Filled in by the window issue."""
