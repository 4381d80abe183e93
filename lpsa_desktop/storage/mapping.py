"""Between table rows and domain objects, both ways, as plain column values: the one place
that says which column holds which field. Reading and writing go through SQLAlchemy Core
(``agreement_reader``, ``agreement_writer``) with the ORM tables' column types, so values
are converted exactly as the ORM would (Decimals as exact text, money as pence, dates)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lpsa_desktop.domain.agreement import (
    Agreement,
    Council,
    FreedomRequest,
    Indicator,
    Target,
    indicator_from_fields,
)
from lpsa_desktop.domain.enums import (
    CouncilType,
    CpaCategory,
    DeliveryStatus,
    Direction,
    FreedomStatus,
    NegotiationStatus,
    Unit,
)

Columns = dict[str, Any]
Row = Mapping[Any, Any]


def agreement_columns(agreement: Agreement) -> Columns:
    return {
        "ref": agreement.ref,
        "title": agreement.title,
        "generation": agreement.generation.value,
        "status": agreement.status.value,
        "period_start": agreement.period_start,
        "period_end": agreement.period_end,
        "net_budget_requirement": agreement.net_budget_requirement,
        "nbr_year": agreement.nbr_year,
        "reward_rate": agreement.reward_rate,
        "pot_rounding": agreement.pot_rounding.value,
        "threshold": agreement.threshold,
        "cap": agreement.cap,
        "interim_fraction": agreement.interim_fraction,
        "capital_share": agreement.capital_share,
        "pump_priming_grant": agreement.pump_priming_grant,
        "notes": agreement.notes,
        "internal_notes": agreement.internal_notes,
    }


def council_columns(council: Council) -> Columns:
    """Councils are shared between agreements by name; their details follow the latest save."""
    return {
        "name": council.name,
        "code": council.code,
        "type": council.type.value if council.type else None,
        "population": council.population,
        "cpa_category": council.cpa_category.value if council.cpa_category else None,
    }


def target_columns(target: Target, priority_id: int | None) -> Columns:
    return {
        "ref": target.ref,
        "title": target.title,
        "priority_id": priority_id,
        "lead_partner": target.lead_partner,
        "partners": "\n".join(target.partners),
        "reserve": target.reserve,
        "weight": target.weight,
        "pump_priming": target.pump_priming,
        "notes": target.notes,
        "internal_notes": target.internal_notes,
        "negotiation": target.negotiation.value,
    }


def indicator_columns(indicator: Indicator) -> Columns:
    return {
        "ref": indicator.ref,
        "description": indicator.description,
        "definition": indicator.definition,
        "unit": indicator.unit.value,
        "decimals": indicator.decimals,
        "direction": indicator.direction.value,
        "baseline": indicator.baseline,
        "baseline_period": indicator.baseline_period,
        "without_value": indicator.without,
        "with_value": indicator.with_,
        "end_period": indicator.end_period,
        "interim": indicator.interim,
        "interim_period": indicator.interim_period,
        "interim_actual": indicator.interim_actual,
        "actual": indicator.actual,
        "weight": indicator.weight,
        "negotiation": indicator.negotiation.value,
    }


def freedom_columns(freedom: FreedomRequest) -> Columns:
    return {
        "ref": freedom.ref,
        "description": freedom.description,
        "department": freedom.department,
        "legal_basis": freedom.legal_basis,
        "status": freedom.status.value,
        "response": freedom.response,
        "alternative": freedom.alternative,
        "delivery": freedom.delivery.value,
        "internal_notes": freedom.internal_notes,
        "negotiation": freedom.negotiation.value,
    }


def to_council(row: Row) -> Council:
    return Council(
        name=row["name"],
        code=row["code"],
        type=CouncilType(row["type"]) if row["type"] else None,
        population=row["population"],
        cpa_category=CpaCategory(row["cpa_category"]) if row["cpa_category"] else None,
    )


def to_target(row: Row, priority: str | None, indicators: tuple[Indicator, ...]) -> Target:
    return Target(
        ref=row["ref"],
        title=row["title"],
        indicators=indicators,
        priority=priority,
        lead_partner=row["lead_partner"],
        partners=tuple(p for p in row["partners"].split("\n") if p),
        reserve=row["reserve"],
        weight=row["weight"],
        pump_priming=row["pump_priming"],
        notes=row["notes"],
        internal_notes=row["internal_notes"],
        negotiation=NegotiationStatus(row["negotiation"]),
    )


# Enum members by stored value: looked up once per indicator (20,000 in a big agreement).
_UNITS = {u.value: u for u in Unit}
_DIRECTIONS = {d.value: d for d in Direction}
_NEGOTIATION = {n.value: n for n in NegotiationStatus}


def to_indicator(row: Row) -> Indicator:
    return indicator_from_fields(
        {
            "ref": row["ref"],
            "description": row["description"],
            "unit": _UNITS.get(row["unit"]) or Unit(row["unit"]),
            "direction": _DIRECTIONS.get(row["direction"]) or Direction(row["direction"]),
            "decimals": row["decimals"],
            "definition": row["definition"],
            "baseline": row["baseline"],
            "baseline_period": row["baseline_period"],
            "without": row["without_value"],
            "with_": row["with_value"],
            "end_period": row["end_period"],
            "interim": row["interim"],
            "interim_period": row["interim_period"],
            "interim_actual": row["interim_actual"],
            "actual": row["actual"],
            "weight": row["weight"],
            "negotiation": _NEGOTIATION.get(row["negotiation"])
            or NegotiationStatus(row["negotiation"]),
        }
    )


def to_freedom(row: Row, targets: tuple[str, ...]) -> FreedomRequest:
    return FreedomRequest(
        ref=row["ref"],
        description=row["description"],
        targets=targets,
        department=row["department"],
        legal_basis=row["legal_basis"],
        status=FreedomStatus(row["status"]),
        response=row["response"],
        alternative=row["alternative"],
        delivery=DeliveryStatus(row["delivery"]),
        internal_notes=row["internal_notes"],
        negotiation=NegotiationStatus(row["negotiation"]),
    )
