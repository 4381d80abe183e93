"""Refusals of an agreement package: each names the file and says what is wrong in one line."""

from __future__ import annotations

from lpsa_desktop.errors import LpsaError


class PackageError(LpsaError):
    """A package that cannot be read or written."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name} {reason}")
        self.name = name
        self.reason = reason


class NotAPackageError(PackageError):
    """A file that is not an agreement package at all (a workbook renamed, a PDF…)."""


class DamagedPackageError(PackageError):
    """Truncated, malformed JSON, or parts that do not fit the schema."""


class UnsafePackageError(PackageError):
    """Zip bombs, path tricks, duplicate or unknown entries, encrypted entries."""


class TamperedPackageError(PackageError):
    """A part or the manifest changed after the package was made (or signed)."""
