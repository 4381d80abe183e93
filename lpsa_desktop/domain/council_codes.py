"""Council codes: the GSS code (nine characters, e.g. E06000022) or an older ONS code (00HA).

GSS codes for English councils: E06 unitary, E07 shire district, E08 metropolitan district,
E09 London borough, E10 county, each followed by six digits. Older ONS codes: two digits
for a county (16), two digits and two letters for a district or unitary (16UB, 00HA).
"""

from __future__ import annotations

import re

from lpsa_desktop.errors import FieldProblem, InvalidValueError

_GSS = re.compile(r"E(0[6-9]|10)\d{6}")
_ONS = re.compile(r"\d{2}([A-Z]{2})?")
EXPECTED = "a GSS code like E06000022 (E06–E10 and six digits) or an ONS code like 00HA"


def checked_council_code(code: str | None, *, where: str = "council code") -> str | None:
    """The code as it is stored (upper case, no spaces), None for none; refuses any other
    shape with InvalidValueError."""
    if code is None or not code.strip():
        return None
    cleaned = "".join(code.split()).upper()
    if _GSS.fullmatch(cleaned) or _ONS.fullmatch(cleaned):
        return cleaned
    raise InvalidValueError(FieldProblem(where, code, EXPECTED))
