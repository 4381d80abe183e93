"""The one way LPSA Desk writes a file: a temporary file in the destination's folder,
flushed to the disk (fsync), renamed over the destination, and the folder flushed too, so
that after a crash, a kill or a full disk the destination is either the old file or the
new one, never half of either. A failed write removes its temporary file; temporaries
left by a killed process (our own naming pattern, older than a minute) are removed by the
next write to that folder.

A destination that is a symbolic link, a device or a folder is refused: renaming over a
link would replace the link rather than the file it names, and writing to /dev/full as
root replaced the device node (both seen before this module)."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from lpsa_desktop.errors import LpsaError

PREFIX = ".lpsa-tmp-"
STALE_SECONDS = 60
_OUR_PATTERNS = (f"{PREFIX}*.part", ".lpsa-*.pdf")  # the second: exports before this module


class FileWriteError(LpsaError):
    """An output file that cannot be written (refused destination, full disk, no access)."""


def write_bytes(destination: Path, data: bytes, *, mode: int = 0o644) -> None:
    """``data`` into ``destination``, whole or not at all."""

    def fill(temporary: Path) -> None:
        with temporary.open("wb") as out:
            out.write(data)

    write_with(destination, fill, mode=mode)


def write_with(
    destination: Path, fill: Callable[[Path], None], *, mode: int = 0o644, replace: bool = True
) -> None:
    """``fill(temporary)`` writes the content (openpyxl's ``save``, SQLite's backup);
    the result is then put in place atomically. ``replace=False`` refuses to overwrite."""
    with staged(destination, mode=mode) as temporary:
        fill(temporary)
        if not replace and destination.exists():
            raise FileWriteError(f"{destination} already exists; choose another name")


@contextmanager
def staged(destination: Path, *, mode: int = 0o644) -> Iterator[Path]:
    """A temporary path beside ``destination``; renamed over it when the block succeeds,
    removed when it fails."""
    check_destination(destination)
    folder = destination.parent if str(destination.parent) else Path()
    remove_stale_temporaries(folder)
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=PREFIX, suffix=".part")
    except OSError as exc:
        raise _cannot_write(destination, exc) from exc
    temporary = Path(name)
    os.close(handle)
    try:
        temporary.chmod(mode)
        yield temporary
        _fsync_file(temporary)
        temporary.replace(destination)
        _fsync_folder(folder)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _cannot_write(destination, exc) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def check_destination(destination: Path) -> None:
    """Refuse a destination that is a link, a device, a pipe or a folder."""
    try:
        found = destination.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _cannot_write(destination, exc) from exc
    if stat.S_ISLNK(found.st_mode):
        raise FileWriteError(f"{destination} is a symbolic link; give the real file's path")
    if stat.S_ISDIR(found.st_mode):
        raise FileWriteError(f"{destination} is a folder; give a file name")
    if not stat.S_ISREG(found.st_mode):
        raise FileWriteError(f"{destination} is not a regular file (a device or a pipe)")


def remove_stale_temporaries(folder: Path) -> None:
    """Remove our own temporaries that a killed process left (older than a minute, so a
    write under way in another process is not disturbed)."""
    cutoff = time.time() - STALE_SECONDS
    try:
        entries = [entry for pattern in _OUR_PATTERNS for entry in folder.glob(pattern)]
    except OSError:
        return
    for entry in entries:
        try:
            if entry.lstat().st_mtime < cutoff:
                entry.unlink()
        except OSError:
            continue


def _fsync_file(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _fsync_folder(folder: Path) -> None:
    """The rename itself is durable only once the folder's entry is on the disk."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not every system lets a folder be opened (Windows): the rename still held
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _cannot_write(destination: Path, exc: OSError) -> FileWriteError:
    return FileWriteError(f"cannot write {destination}: {exc.strerror or exc}")


def write_new_files(files: list[tuple[Path, bytes, int]]) -> None:
    """Create every ``(path, data, mode)`` or none of them, never replacing a file: each
    is written and flushed to a temporary first, then hard-linked into place (a link, unlike
    a rename, fails if the name exists); if one cannot be placed, those placed are removed.
    A signing identity is a key and its certificate: half a pair is worse than none."""
    temporaries: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        for path, data, mode in files:
            check_destination(path)
            if path.exists():
                raise FileWriteError(f"{path} already exists; choose another name or move it away")
            folder = path.parent if str(path.parent) else Path()
            remove_stale_temporaries(folder)
            handle, name = tempfile.mkstemp(dir=folder, prefix=PREFIX, suffix=".part")
            temporaries.append((Path(name), path))
            os.fchmod(handle, mode)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        for temporary, path in temporaries:
            os.link(temporary, path)
            placed.append(path)
        for folder in {path.parent for _t, path in temporaries}:
            _fsync_folder(folder if str(folder) else Path())
    except OSError as exc:
        for path in placed:
            path.unlink(missing_ok=True)
        raise _cannot_write(temporaries[-1][1] if temporaries else files[0][0], exc) from exc
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        raise
    finally:
        for temporary, _path in temporaries:
            temporary.unlink(missing_ok=True)
