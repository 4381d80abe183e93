"""calamine's failures as an officer would hear them: a password, a damaged file, a panic.

calamine's own messages are written for programmers ("Cfb error: Sector 16 points past end
of file", "Range is missing the expected row component"); they go to the log, and the
officer is told what happened and what to do. A Rust panic reaches Python as
``pyo3_runtime.PanicException``, a BaseException that ``except Exception`` lets through:
it is caught here and named as the damaged file it is.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from python_calamine import CalamineError, PasswordError

from lpsa_desktop.importing.errors import DamagedWorkbookError, EncryptedWorkbookError

log = logging.getLogger("lpsa.importing")

PASSWORD = "is protected by a password: save it without one, then import it"
ASK_AGAIN = "ask the council to send it again, or open it in Excel and save it as .xlsx"


def is_panic(exc: BaseException) -> bool:
    """Whether ``exc`` is a Rust panic (pyo3's PanicException, not importable by name)."""
    kind = type(exc)
    return kind.__name__ == "PanicException" and kind.__module__ in ("pyo3_runtime", "builtins")


def damaged(file: str, what: str, detail: str) -> DamagedWorkbookError:
    """The refusal of a damaged file, ``what`` saying which part of it (the detail is
    logged, not shown)."""
    log.info("%s: calamine: %s", file, detail)
    return DamagedWorkbookError(file, f"{what}: the file is damaged or incomplete; {ASK_AGAIN}")


@contextmanager
def calamine_errors(file: str, what: str) -> Iterator[None]:
    """calamine's errors as the importer's: a password, or ``what`` is damaged."""
    try:
        yield
    except PasswordError:
        raise EncryptedWorkbookError(file, PASSWORD) from None
    except CalamineError as exc:
        raise damaged(file, what, str(exc)) from None
    except BaseException as exc:
        if is_panic(exc):
            raise damaged(file, what, f"panic: {exc}") from None
        raise


@contextmanager
def refusing_panics(file: str) -> Iterator[None]:
    """The last net for a panic wherever calamine runs (a sheet's rows, its metadata)."""
    try:
        yield
    except BaseException as exc:
        if is_panic(exc):
            raise damaged(file, "cannot be read", f"panic: {exc}") from None
        raise
