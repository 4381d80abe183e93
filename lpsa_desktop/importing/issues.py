"""Located problems found while reading a return: file, sheet, cell, column, value, expectation."""

from __future__ import annotations

from dataclasses import dataclass

from lpsa_desktop.domain.enums import Severity


def column_letters(column: int) -> str:
    """0 → 'A', 25 → 'Z', 26 → 'AA' (columns are counted from 0 here)."""
    letters = ""
    n = column + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """'A' → 0, 'AA' → 26: the inverse of ``column_letters``."""
    n = 0
    for char in letters:
        n = n * 26 + ord(char) - 64
    return n - 1


def cell_name(row: int, column: int) -> str:
    """0-based row and column → 'F12'."""
    return f"{column_letters(column)}{row + 1}"


@dataclass(frozen=True)
class ImportIssue:
    """One problem. ``row`` and ``column`` are 0-based; None when the issue is about a whole
    sheet or column. ``value`` is the cell as written; ``expected`` says what would do."""

    severity: Severity
    file: str
    message: str
    sheet: str | None = None
    row: int | None = None
    column: int | None = None
    header: str | None = None
    value: str | None = None
    expected: str | None = None
    code: str = ""

    @property
    def cell(self) -> str | None:
        """'Targets!F12', 'Targets!12' for a whole row, 'Targets' for a sheet, or None."""
        if self.sheet is None:
            return None
        if self.row is not None and self.column is not None:
            return f"{self.sheet}!{cell_name(self.row, self.column)}"
        if self.row is not None:
            return f"{self.sheet}!{self.row + 1}"
        if self.column is not None:
            return f"{self.sheet}!{column_letters(self.column)}"
        return self.sheet

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = ", ".join(p for p in (self.file, self.cell) if p)
        column = f" ({self.header})" if self.header else ""
        text = self.message
        if self.value is not None:
            text = f"{self.value!r}: {text}"
        if self.expected:
            text = f"{text}; expected {self.expected}"
        return f"{self.severity.value}: {where}{column}: {text}"
