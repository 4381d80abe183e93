"""The columns of the freedoms register and of the partners and signatories tables."""

from __future__ import annotations

from lpsa_desktop.domain.enums import DeliveryStatus, FreedomStatus, NegotiationStatus, PartnerKind
from ui.item_models.cells import CellKind
from ui.item_models.record_table_model import RecordColumn

FREEDOM_COLUMNS: tuple[RecordColumn, ...] = (
    RecordColumn("Ref", "ref", CellKind.COMPUTED),
    RecordColumn("Freedom or flexibility requested", "description"),
    RecordColumn("Targets", "targets", CellKind.REFS, tooltip="The targets it helps, e.g. 1, 4"),
    RecordColumn("Department", "department"),
    RecordColumn("Status", "status", CellKind.CHOICE, FreedomStatus),
    RecordColumn(
        "Delivery",
        "delivery",
        CellKind.CHOICE,
        DeliveryStatus,
        tooltip="Whether the Government delivered it: tracked apart from the agreed status",
    ),
    RecordColumn(
        "Agreed?",
        "negotiation",
        CellKind.CHOICE,
        NegotiationStatus,
        tooltip="Where it stands in this negotiation: open, agreed, parked or dropped",
    ),
    RecordColumn("Government response", "response", in_table=False),
    RecordColumn("Alternative offered", "alternative", in_table=False),
    RecordColumn("Legal basis", "legal_basis", in_table=False),
    RecordColumn("Internal notes", "internal_notes", in_table=False, internal=True),
)

PARTNER_COLUMNS: tuple[RecordColumn, ...] = (
    RecordColumn("Partner", "name"),
    RecordColumn("Kind", "kind", CellKind.CHOICE, PartnerKind),
)

SIGNATORY_COLUMNS: tuple[RecordColumn, ...] = (
    RecordColumn("Name", "name"),
    RecordColumn("Position", "position"),
    RecordColumn("Organisation", "organisation"),
)
