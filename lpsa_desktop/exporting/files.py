"""Writing output files whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lpsa_desktop.exporting.errors import DocumentError


def write_atomically(destination: Path, data: bytes) -> None:
    """Write beside ``destination`` and rename into place: a failure (disk full, a crash)
    never leaves half a PDF where a good one was, and signing IN.pdf into IN.pdf is safe."""
    folder = destination.parent if str(destination.parent) else Path()
    temporary: Path | None = None
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=".lpsa-", suffix=".pdf")
        temporary = Path(name)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        temporary.replace(destination)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise DocumentError(f"cannot write {destination}: {exc.strerror or exc}") from exc
