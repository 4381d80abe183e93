"""Why a whole file was refused. Problems with single cells are issues, not exceptions.

Every message names the file (and the sheet or part where it applies) so that the command
line can print it as one line and the window can show it as it is.
"""

from __future__ import annotations

from lpsa_desktop.errors import LpsaError


class ImportRefusedError(LpsaError):
    """A file that cannot be read as a council return at all; nothing was stored."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


class NotASpreadsheetError(ImportRefusedError):
    """Empty, or some other kind of file (PDF, CSV, a Word document) named like a workbook."""


class DamagedWorkbookError(ImportRefusedError):
    """A workbook whose container or XML is broken (truncated download, bad copy)."""


class EncryptedWorkbookError(ImportRefusedError):
    """A password-protected workbook: it must be saved without a password first."""


class UnsafeWorkbookError(ImportRefusedError):
    """A workbook built to exhaust memory or to make the reader fetch or expand things."""


class NoTargetsSheetError(ImportRefusedError):
    """No sheet found whose name or headers look like a table of targets."""


class ImportBlockedError(LpsaError):
    """A plan that cannot be applied (it has errors, or the store changed since it was made)."""
