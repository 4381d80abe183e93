"""Keep pyHanko's log out of the terminal.

pyHanko logs expected outcomes as WARNINGs with long tracebacks (a self-signed certificate
without a trust root, a document changed after signing). Our verification report says the
same thing in plain words, so those records are demoted to one INFO line each on the
``lpsa.signatures`` logger: they still reach the log file the CLI configures, and Python's
last-resort handler (which prints WARNINGs to stderr when nothing is configured) never
sees them.
"""

from __future__ import annotations

import logging
from functools import cache

_SOURCES = ("pyhanko", "pyhanko_certvalidator")
_TARGET = logging.getLogger("lpsa.signatures")


class _OneLine(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().splitlines()[0] if record.getMessage() else ""
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            message += (
                f" ({type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''})"
            )
        _TARGET.info("%s: %s", record.name, message)


@cache
def route_pyhanko_logging() -> None:
    """Idempotent; call before any pyHanko work."""
    handler = _OneLine(level=logging.DEBUG)
    for name in _SOURCES:
        source = logging.getLogger(name)
        source.propagate = False
        source.addHandler(handler)
