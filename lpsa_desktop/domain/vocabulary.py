"""One vocabulary: the words every face of LPSA Desk uses for fields, units and directions.

The window's column headings are the field names; undo steps, conflicts, refusals, the
import plan, round comparisons, the audit trail, the command line, the template and the
PDF say the same words ("Outturn", not "actual"; "rate per 1,000", not "per 1,000" in
one place and "rate per 1,000" in another). The stored field keys (``actual``, ``with_``)
stay what they are: they are addresses (``lpsa set indicator:2.actual=…``), not words.
"""

from __future__ import annotations

from collections.abc import Sequence

from lpsa_desktop.domain.enums import Direction, Unit

# Field key → name, per part. A field missing here reads as its key in words.
FIELD_NAMES: dict[str, dict[str, str]] = {
    "agreement": {
        "title": "Title",
        "status": "Status",
        "generation": "Generation",
        "period_start": "Start",
        "period_end": "End",
        "net_budget_requirement": "Net budget requirement",
        "nbr_year": "Budget year",
        "reward_rate": "Reward rate",
        "pot_rounding": "Pot rounding",
        "threshold": "Threshold",
        "cap": "Cap",
        "interim_fraction": "Interim share",
        "capital_share": "Capital share",
        "pump_priming_grant": "Pump-priming grant",
        "notes": "Notes (printed)",
        "internal_notes": "Internal notes",
    },
    "target": {
        "title": "Target",
        "weight": "Weight",
        "pump_priming": "Pump priming",
        "negotiation": "Agreed?",
        "reserve": "Reserve",
        "priority": "Priority",
        "lead_partner": "Lead partner",
        "partners": "Partners",
        "notes": "Notes (printed)",
        "internal_notes": "Internal notes",
    },
    "indicator": {
        "description": "Indicator",
        "unit": "Unit",
        "direction": "Better",
        "baseline": "Baseline",
        "without": "Without LPSA",
        "with_": "With LPSA",
        "with": "With LPSA",  # as the comparison of two agreements names it
        "interim": "Interim",
        "actual": "Outturn",
        "interim_actual": "Interim outturn",
        "weight": "Weight",
        "negotiation": "Agreed?",
        "definition": "Definition",
        "baseline_period": "Baseline period",
        "end_period": "End period",
        "interim_period": "Interim period",
        "decimals": "Decimals shown",
        "source": "Source",
    },
    "freedom": {
        "description": "Freedom or flexibility requested",
        "targets": "Linked targets",
        # The Government's answer to the request, apart from where the item stands in the
        # negotiation ("Agreed?"): "Status: Agreed" beside "Agreed?: Open" read as a
        # contradiction.
        "status": "Government's answer",
        "delivery": "Delivery",
        "negotiation": "Agreed?",
        "department": "Department",
        "response": "Government response",
        "alternative": "Alternative offered",
        "legal_basis": "Legal basis",
        "internal_notes": "Internal notes",
    },
    "partner": {"name": "Partner", "kind": "Kind"},
    "signatory": {"name": "Name", "position": "Position", "organisation": "Organisation"},
    "council": {
        "name": "Council",
        "ons_code": "ONS/GSS code",
        "kind": "Type",
        "population": "Population",
        "cpa_category": "CPA category",
    },
}

# The indicator fields that hold a level of the indicator (shown with its unit).
VALUE_FIELDS = frozenset({"baseline", "without", "with_", "interim", "actual", "interim_actual"})

UNIT_NAMES: dict[Unit, str] = {
    Unit.PERCENT: "percentage",
    Unit.COUNT: "number",
    Unit.RATE_PER_1000: "rate per 1,000",
    Unit.RATE_PER_100000: "rate per 100,000",
    Unit.MONEY: "pounds",
    Unit.DAYS: "days",
    Unit.SCORE: "score",
    Unit.RATIO: "ratio",
}

DIRECTION_NAMES: dict[Direction, str] = {
    Direction.HIGHER: "higher is better",
    Direction.LOWER: "lower is better",
}

NO_LINKED_TARGETS = "none"
"""A freedom linked to no target (the window, the PDF and the CLI say the same)."""


def field_name(part: str, field: str) -> str:
    """'Outturn' for ('indicator', 'actual'); an unknown field in words ('nbr year')."""
    found = FIELD_NAMES.get(part, {}).get(field)
    if found is not None:
        return found
    words = field.rstrip("_").replace("_", " ")
    return words[:1].upper() + words[1:]


def part_of_entity(entity: str) -> str:
    """The part an audit entity names: 'target 3 / indicator 3b' → 'indicator'."""
    last = entity.rsplit(" / ", maxsplit=1)[-1].strip()
    return last.split(" ", maxsplit=1)[0] if last else "agreement"


def unit_name(unit: Unit) -> str:
    return UNIT_NAMES[unit]


def unit_title(unit: Unit) -> str:
    """'Rate per 1,000': the unit's name as a choice in a list."""
    name = UNIT_NAMES[unit]
    return name[:1].upper() + name[1:]


def linked_targets_text(refs: Sequence[str]) -> str:
    return ", ".join(refs) or NO_LINKED_TARGETS


def where_text(entity: str, field: str | None) -> str:
    """'target 2 / indicator 2 / Outturn': an audit entity and its field, in words."""
    named = field_name(part_of_entity(entity), field) if field else ""
    return " / ".join(p for p in (entity, named) if p)
