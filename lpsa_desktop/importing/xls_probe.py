"""An Excel 97–2003 workbook (.xls) is opened first in a child process with a memory cap.

calamine reads a whole .xls when it opens it, and sizes what it allocates from what the
file claims: a 41 KB file whose sheet claims a cell at IV65536 made it take over 1 GB, and
damaged files made it ask for hundreds of GB and abort the process (an abort is not an
exception: nothing could catch it). No safety pass over the bytes can foresee every such
claim, so the child takes the risk: it opens the file and every sheet under a cap
(``limits.XLS_PROBE_BYTES``, sized from the documented limits), and tells the extent of each
sheet. A child that dies, or a sheet beyond the limits, refuses the file before this
process opens it. It costs a Python start (about 0.15 s), for .xls only.

calamine chooses its reader by the file's extension, and only ``from_path`` tells why it
cannot read a file (a file object gives "Cannot detect file format" for a password and a
damaged sector alike): an .xls named otherwise is opened through a link named ``.xls``.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from lpsa_desktop.importing.calamine_errors import PASSWORD, damaged
from lpsa_desktop.importing.errors import EncryptedWorkbookError, UnsafeWorkbookError
from lpsa_desktop.importing.issues import column_letters
from lpsa_desktop.importing.limits import MAX_COLUMNS, MAX_ROWS, XLS_PROBE_BYTES, XLS_PROBE_S


@contextmanager
def xls_path(path: Path) -> Iterator[Path]:
    """``path``, or a link to it named ``.xls`` (calamine reads by extension)."""
    if path.suffix.lower() == ".xls":
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="lpsa-xls-", ignore_cleanup_errors=True) as folder:
        link = Path(folder) / "workbook.xls"
        try:
            os.link(path, link)
        except OSError:  # another file system, or no hard links: a copy (at most 200 MB)
            shutil.copyfile(path, link)
        yield link


def probe_xls(file: str, path: Path) -> None:
    """Refuse the .xls at ``path`` (named ``file``) unless a capped child could open it
    and every sheet lies within the limits."""
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe(duplex=False)
    child = context.Process(
        target=_open_in_child, args=(str(path), theirs, XLS_PROBE_BYTES), daemon=True
    )
    child.start()
    theirs.close()
    outcome: Any = None
    try:
        if ours.poll(XLS_PROBE_S):
            outcome = ours.recv()
    except EOFError:
        outcome = None  # the child died: an abort, or the cap
    finally:
        ours.close()
        child.join(timeout=1)
        if child.is_alive():
            child.kill()
            child.join()
    if outcome is None:
        raise UnsafeWorkbookError(
            file,
            f"could not be opened within the memory LPSA Desk allows a workbook "
            f"({XLS_PROBE_BYTES >> 20:,} MB): it claims far more than a return holds, or is "
            "damaged. Refused before loading; open it in Excel and save it as .xlsx",
        )
    kind, detail = outcome
    if kind == "password":
        raise EncryptedWorkbookError(file, PASSWORD)
    if kind == "damaged":
        raise damaged(file, "cannot be read as an Excel 97–2003 workbook (.xls)", detail)
    for sheet, rows, columns in detail:
        _check_sheet(file, sheet, rows, columns)


def _check_sheet(file: str, sheet: str, rows: int, columns: int) -> None:
    if rows <= MAX_ROWS and columns <= MAX_COLUMNS:
        return
    where = f"cell {column_letters(columns - 1)}{rows}"
    raise UnsafeWorkbookError(
        file,
        f"{sheet}: {where} holds values beyond the {MAX_ROWS:,} rows × {MAX_COLUMNS} "
        f"columns (A–{column_letters(MAX_COLUMNS - 1)}) LPSA Desk reads: refused before "
        "loading, as it would need too much memory",
    )


def _open_in_child(path: str, connection: Connection, cap: int) -> None:
    """In the child: open the workbook and each sheet; send ("ok", [(sheet, last row,
    last column)]), ("password", ""), or ("damaged", calamine's words)."""
    _cap_memory(cap)
    _quiet_stderr()  # a Rust panic prints its message and backtrace there: not for officers
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError  # noqa: PLC0415

    from lpsa_desktop.importing.calamine_errors import is_panic  # noqa: PLC0415

    try:
        book = CalamineWorkbook.from_path(path)
        extents = []
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            end = sheet.end or (0, 0)
            extents.append((name, end[0] + 1, end[1] + 1))
        connection.send(("ok", extents))
    except PasswordError:
        connection.send(("password", ""))
    except CalamineError as exc:
        connection.send(("damaged", str(exc)))
    except MemoryError:
        pass  # the parent hears nothing: refused as too big
    except BaseException as exc:
        if not is_panic(exc):
            raise
        connection.send(("damaged", f"panic: {exc}"))
    finally:
        connection.close()


def _quiet_stderr() -> None:
    with Path(os.devnull).open("wb") as devnull:
        os.dup2(devnull.fileno(), 2)


def _cap_memory(cap: int) -> None:
    try:
        import resource  # noqa: PLC0415 (POSIX only)

        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ImportError, ValueError, OSError):
        pass  # no cap here (Windows, macOS): the child still keeps an abort away from us
