"""Writing output files whole or not at all (see lpsa_desktop/safe_files/atomic.py)."""

from __future__ import annotations

from pathlib import Path

from lpsa_desktop.exporting.errors import DocumentError
from lpsa_desktop.safe_files.atomic import FileWriteError, write_bytes


def write_atomically(destination: Path, data: bytes) -> None:
    """Write beside ``destination`` and rename into place: a failure (disk full, a crash)
    never leaves half a PDF where a good one was, and signing IN.pdf into IN.pdf is safe."""
    try:
        write_bytes(destination, data)
    except FileWriteError as exc:
        raise DocumentError(str(exc)) from exc
