"""Names shared by the export (which makes signature fields) and signing/verification (which
read them), in a module light enough for both: no reportlab, no pyHanko."""

from __future__ import annotations

FIELD_PREFIX = "Signatory"
SIGNATORY_KEY = "/LPSA_Signatory"
"""A field's own record of its signatory: /Name, /Position, /Organisation, /Order."""


def field_name(order: int) -> str:
    """The PDF field of the signatory at ``order`` (1-based): 'Signatory1', 'Signatory2'…"""
    return f"{FIELD_PREFIX}{order}"
