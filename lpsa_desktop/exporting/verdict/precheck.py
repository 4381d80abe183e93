"""Refuse, before any parsing, what obviously cannot be an agreement.

A PDF parser trusts what a file claims: an xref stream that says ``/Size 1000000000`` makes
it reserve room for a billion objects, and arrays nested a thousand deep exhaust Python's
recursion. These checks look at the raw bytes only (regular expressions, linear time) and
give a one-line reason; whatever slips past them meets the child process's memory and time
limits (``bounded.py``).
"""

from __future__ import annotations

import re

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_OBJECTS = 1_000_000
"""A 20,000-indicator agreement has a few thousand objects; a million is no agreement."""
MAX_NESTING = 64
HEADER_WINDOW = 1024
_SIZE = re.compile(rb"/Size\s*(\d{1,24})")
_SUBSECTION = re.compile(rb"\bxref\s+(\d{1,24})\s+(\d{1,24})\s")
_ENCRYPT = re.compile(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)")
_DEEP = re.compile(
    # possessive quantifiers: no backtracking, about 2 s for 64 MB of dictionaries
    rb"(?:(?:\[|<<)[\s\d.+-]*+(?:/[^\s/<>\[\]()%]*+\s*+)?+){" + str(MAX_NESTING).encode() + rb"}"
)


class Refused(Exception):
    """The file is refused before parsing; the message is one line for the user."""


def check_size(size: int) -> None:
    if size == 0:
        raise Refused("the file is empty (0 bytes)")
    if size > MAX_FILE_BYTES:
        raise Refused(
            f"the file is {size / 1024 / 1024:.0f} MB; an agreement is far smaller "
            "(too large or malformed to verify safely)"
        )


def check_header(head: bytes) -> None:
    if b"%PDF-" not in head[:HEADER_WINDOW]:
        raise Refused("not a PDF (it does not begin as a PDF does)")


def check_bytes(data: bytes) -> None:
    """Every check on the whole file; raises ``Refused`` with the reason."""
    check_size(len(data))
    check_header(data)
    claimed = max((int(m.group(1)) for m in _SIZE.finditer(data)), default=0)
    claimed = max(
        claimed,
        max((int(m.group(1)) + int(m.group(2)) for m in _SUBSECTION.finditer(data)), default=0),
    )
    if claimed > len(data):
        raise Refused(
            f"its cross-reference table claims {claimed:,} objects, more than a file of "
            f"{len(data):,} bytes can hold (too large or malformed to verify safely)"
        )
    if claimed > MAX_OBJECTS:
        raise Refused(
            f"its cross-reference table claims {claimed:,} objects; an agreement has a few "
            "thousand (too large or malformed to verify safely)"
        )
    if _ENCRYPT.search(data):
        raise Refused("the PDF is encrypted; a signed agreement never is")
    if _DEEP.search(data):
        raise Refused(
            f"it nests arrays or dictionaries more than {MAX_NESTING} deep "
            "(too large or malformed to verify safely)"
        )
