"""Is a signature in the right block? The certificate must name the block's signatory.

The blocks are the signature fields the agreement declared, read as they were when the
first signature was made (that revision is covered by every signature, so a later
revision cannot rename a block or add one). A block is the agreement's only if it carries
the export's signatory entry. Names are compared without titles and honours ("Rt Hon Alan
Whitcombe MP" is "Alan Whitcombe"), case and spacing; if both the block and the
certificate name an organisation, those must match too.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from lpsa_desktop.exporting.sig_fields import SignatureSlot, signature_slots

_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "councillor", "rt", "right", "hon",
    "honourable", "the", "sir", "dame", "lord", "lady", "baroness", "baron", "prof",
    "professor", "rev", "mp", "mep", "qc", "kc", "obe", "mbe", "cbe", "kbe", "dbe", "frs",
})  # fmt: skip


def declared_blocks(reader: Any, revision: int) -> dict[str, SignatureSlot]:
    """The signature fields present in ``revision``, by field name."""
    resolver = reader.get_historical_resolver(revision)
    return {slot.field: slot for slot in signature_slots(resolver)}


def block_problem(slot: SignatureSlot | None, field: str, subject: dict[str, Any]) -> str | None:
    """Why a certificate with ``subject`` does not belong in this block, or None."""
    common_name = str(subject.get("common_name") or "")
    if slot is None or not slot.declared:
        return (
            f"the signature of {common_name or 'an unnamed signer'} fills the field {field!r}, "
            "which is not one of the agreement's signatory blocks"
        )
    if _words(common_name) != _words(slot.name) or not _words(common_name):
        return (
            f"the block of {slot.label} was signed with a certificate in the name of "
            f"{common_name or 'nobody'}"
        )
    organisation = str(subject.get("organization_name") or "")
    if organisation and slot.organisation and _key(organisation) != _key(slot.organisation):
        return (
            f"the block of {slot.label} is for {slot.organisation}, but the certificate "
            f"is for {organisation}"
        )
    return None


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _words(name: str) -> frozenset[str]:
    words = re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", _key(name))
    return frozenset(w for w in words if w not in _TITLES)
