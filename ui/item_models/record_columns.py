"""The columns of the freedoms register and of the partners and signatories tables."""

from __future__ import annotations

from lpsa_desktop.domain.enums import DeliveryStatus, FreedomStatus, NegotiationStatus, PartnerKind
from lpsa_desktop.domain.vocabulary import field_name
from ui.item_models.cells import CellKind
from ui.item_models.record_table_model import RecordColumn


def _freedom(field: str) -> str:
    return field_name("freedom", field)


def _partner(field: str) -> str:
    return field_name("partner", field)


def _signatory(field: str) -> str:
    return field_name("signatory", field)


# The headings are the fields' names in the one vocabulary (domain/vocabulary).
FREEDOM_COLUMNS: tuple[RecordColumn, ...] = (
    RecordColumn("Ref", "ref", CellKind.COMPUTED),
    RecordColumn(_freedom("description"), "description"),
    RecordColumn(
        _freedom("targets"), "targets", CellKind.REFS, tooltip="The targets it helps, e.g. 1, 4"
    ),
    RecordColumn(_freedom("department"), "department"),
    RecordColumn(_freedom("status"), "status", CellKind.CHOICE, FreedomStatus),
    RecordColumn(
        _freedom("delivery"),
        "delivery",
        CellKind.CHOICE,
        DeliveryStatus,
        tooltip="Whether the Government delivered it: tracked apart from its answer",
    ),
    RecordColumn(
        _freedom("negotiation"),
        "negotiation",
        CellKind.CHOICE,
        NegotiationStatus,
        tooltip="Where it stands in this negotiation: open, agreed, parked or dropped",
    ),
    RecordColumn(_freedom("response"), "response", in_table=False),
    RecordColumn(_freedom("alternative"), "alternative", in_table=False),
    RecordColumn(_freedom("legal_basis"), "legal_basis", in_table=False),
    RecordColumn(_freedom("internal_notes"), "internal_notes", in_table=False, internal=True),
)

PARTNER_COLUMNS: tuple[RecordColumn, ...] = (
    RecordColumn(_partner("name"), "name"),
    RecordColumn(_partner("kind"), "kind", CellKind.CHOICE, PartnerKind),
)

SIGNATORY_COLUMNS: tuple[RecordColumn, ...] = (
    RecordColumn(_signatory("name"), "name"),
    RecordColumn(_signatory("position"), "position"),
    RecordColumn(_signatory("organisation"), "organisation"),
)
