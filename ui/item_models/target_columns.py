"""The columns of the targets tree: one list shared by the model, the views and the detail form.

A column may show a target field, an indicator field, or both (the title of a target sits
where an indicator's description does). ``in_tree`` columns are shown in the tree; the
others are edited in the detail form under it. ``internal`` columns are never shown in
presentation mode.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from lpsa_desktop.domain.enums import Direction, NegotiationStatus, Unit
from ui.item_models.cells import CellKind


@dataclass(frozen=True)
class TreeColumn:
    key: str
    header: str
    kind: CellKind
    target_field: str | None = None
    indicator_field: str | None = None
    choices: type[Enum] | None = None
    optional: bool = True
    in_tree: bool = True
    internal: bool = False
    tooltip: str = ""


TREE_COLUMNS: tuple[TreeColumn, ...] = (
    TreeColumn("ref", "Ref", CellKind.COMPUTED, "ref", "ref"),
    TreeColumn(
        "title", "Target / indicator", CellKind.TEXT, "title", "description", optional=False
    ),
    TreeColumn("unit", "Unit", CellKind.CHOICE, indicator_field="unit", choices=Unit),
    TreeColumn(
        "direction", "Better", CellKind.CHOICE, indicator_field="direction", choices=Direction
    ),
    TreeColumn("baseline", "Baseline", CellKind.NUMBER, indicator_field="baseline"),
    TreeColumn(
        "without",
        "Without LPSA",
        CellKind.NUMBER,
        indicator_field="without",
        tooltip="Performance expected at the end of the period without the agreement",
    ),
    TreeColumn(
        "with",
        "With LPSA",
        CellKind.NUMBER,
        indicator_field="with_",
        tooltip="The stretched target: performance promised with the agreement",
    ),
    TreeColumn(
        "stretch",
        "Stretch",
        CellKind.COMPUTED,
        tooltip="The enhancement: with LPSA minus without, in the better direction",
    ),
    TreeColumn("interim", "Interim", CellKind.NUMBER, indicator_field="interim", in_tree=False),
    TreeColumn(
        "actual",
        "Outturn",
        CellKind.NUMBER,
        indicator_field="actual",
        tooltip="The performance achieved (final outturn)",
    ),
    TreeColumn(
        "weight",
        "Weight",
        CellKind.SHARE,
        "weight",
        "weight",
        tooltip="Share of the reward; empty means an equal share",
    ),
    TreeColumn(
        "pump_priming",
        "Pump priming",
        CellKind.MONEY,
        target_field="pump_priming",
        in_tree=False,
    ),
    TreeColumn(
        "negotiation",
        "Agreed?",
        CellKind.CHOICE,
        "negotiation",
        "negotiation",
        choices=NegotiationStatus,
        optional=False,
        tooltip="Where it stands in the negotiation: open, agreed, parked or dropped",
    ),
    TreeColumn(
        "reserve",
        "Reserve",
        CellKind.FLAG,
        target_field="reserve",
        internal=True,
        tooltip="Held back: carries no reward unless it replaces a target",
    ),
    TreeColumn(
        "notes",
        "Notes (printed)",
        CellKind.TEXT,
        "notes",
        optional=False,
        in_tree=False,
    ),
    TreeColumn(
        "internal_notes",
        "Internal notes",
        CellKind.TEXT,
        "internal_notes",
        optional=False,
        in_tree=False,
        internal=True,
    ),
    # Detail form only.
    TreeColumn("priority", "Priority", CellKind.TEXT, "priority", in_tree=False),
    TreeColumn("lead_partner", "Lead partner", CellKind.TEXT, "lead_partner", in_tree=False),
    TreeColumn("partners", "Partners", CellKind.REFS, "partners", in_tree=False),
    TreeColumn(
        "definition",
        "Definition",
        CellKind.TEXT,
        indicator_field="definition",
        optional=False,
        in_tree=False,
    ),
    TreeColumn(
        "baseline_period",
        "Baseline period",
        CellKind.TEXT,
        indicator_field="baseline_period",
        in_tree=False,
    ),
    TreeColumn(
        "end_period", "End period", CellKind.TEXT, indicator_field="end_period", in_tree=False
    ),
    TreeColumn(
        "interim_period",
        "Interim period",
        CellKind.TEXT,
        indicator_field="interim_period",
        in_tree=False,
    ),
    TreeColumn(
        "interim_actual",
        "Interim outturn",
        CellKind.NUMBER,
        indicator_field="interim_actual",
        in_tree=False,
    ),
    TreeColumn(
        "decimals",
        "Decimals shown",
        CellKind.INTEGER,
        indicator_field="decimals",
        optional=False,
        in_tree=False,
    ),
)

COLUMN_INDEX = {column.key: index for index, column in enumerate(TREE_COLUMNS)}
FIELD_COLUMNS = {
    field: index
    for index, column in enumerate(TREE_COLUMNS)
    for field in (column.target_field, column.indicator_field)
    if field
}
FIELD_COLUMNS["enhancement"] = COLUMN_INDEX["stretch"]
# Cells that are always one line: a figure has no space to wrap at (steady_rows).
STEADY_COLUMNS = frozenset(
    index
    for index, column in enumerate(TREE_COLUMNS)
    if column.kind in (CellKind.NUMBER, CellKind.SHARE, CellKind.MONEY, CellKind.INTEGER)
    or column.kind is CellKind.FLAG
)
