"""The signature fields of an agreement PDF and the signatory each belongs to.

The export writes an ``/LPSA_Signatory`` entry (name, position, organisation, order) into
each field; a PDF from elsewhere has plain fields, which are listed in file order with the
field name standing in for the signatory.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from pyhanko.sign.fields import enumerate_sig_fields

from lpsa_desktop.exporting.field_keys import SIGNATORY_KEY


@dataclass(frozen=True)
class SignatureSlot:
    field: str
    order: int
    name: str
    position: str
    organisation: str
    signed: bool
    declared: bool = False
    """The field carries the export's signatory entry: a block the agreement declared."""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.position})" if self.position else self.name


def signature_slots(reader: Any) -> list[SignatureSlot]:
    """Every signature field of a pyHanko reader or writer, in signing order."""
    slots = []
    for index, (name, value, field_ref) in enumerate(enumerate_sig_fields(reader), start=1):
        field = field_ref.get_object()
        info = field.get(SIGNATORY_KEY)
        info = info.get_object() if info is not None else {}
        slots.append(
            SignatureSlot(
                field=str(name),
                order=int(info.get("/Order", index)),
                name=str(info.get("/Name", name)),
                position=str(info.get("/Position", "")),
                organisation=str(info.get("/Organisation", "")),
                signed=value is not None,
                declared=field.get(SIGNATORY_KEY) is not None,
            )
        )
    return sorted(slots, key=lambda slot: slot.order)


def find_slot(slots: list[SignatureSlot], wanted: str) -> SignatureSlot | None:
    """The slot whose signatory's name (or field name) is ``wanted``, ignoring case and
    spacing: 'david  pennington' finds 'David Pennington'."""
    key = _key(wanted)
    for slot in slots:
        if key in (_key(slot.name), _key(slot.field)):
            return slot
    return None


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
