"""Agreements ↔ plain dicts in the JSON shape of `lpsa show --json` (see README, "JSON").

Money is a string of pounds with two decimals, indicator values are numbers (Decimals here:
the caller's JSON encoder writes them as numbers), dates are ISO. Keys beyond the contract
(e.g. ``decimals``, ``interim_period``) are additions, never renamings.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from lpsa_desktop.domain.agreement import (
    DEFAULT_CAP,
    DEFAULT_REWARD_RATE,
    DEFAULT_THRESHOLD,
    LPSA1_INTERIM_FRACTION,
    Agreement,
    Council,
    FreedomRequest,
    Indicator,
    Partner,
    Signatory,
    Target,
)
from lpsa_desktop.domain.enums import (
    AgreementStatus,
    CouncilType,
    CpaCategory,
    DeliveryStatus,
    Direction,
    FreedomStatus,
    Generation,
    NegotiationStatus,
    PartnerKind,
    PotRounding,
    Unit,
)
from lpsa_desktop.domain.money import money_text
from lpsa_desktop.domain.reward import reward_pot


def agreement_to_dict(agreement: Agreement) -> dict[str, Any]:
    return {
        "ref": agreement.ref,
        "title": agreement.title,
        "generation": agreement.generation.value,
        "status": agreement.status.value,
        "councils": [_council(c) for c in agreement.councils],
        "period": {
            "start": agreement.period_start.isoformat(),
            "end": agreement.period_end.isoformat(),
        },
        "net_budget_requirement": _money(agreement.net_budget_requirement),
        "nbr_year": agreement.nbr_year,
        "reward_rate": _text(agreement.reward_rate),
        "reward_pot": money_text(reward_pot(agreement)),
        "pot_rounding": agreement.pot_rounding.value,
        "threshold": _text(agreement.threshold),
        "cap": _text(agreement.cap),
        "interim_fraction": _text(agreement.interim_fraction),
        "capital_share": _text(agreement.capital_share),
        "pump_priming_grant": _money(agreement.pump_priming_grant),
        "notes": agreement.notes,
        "internal_notes": agreement.internal_notes,
        "partners": [{"name": p.name, "kind": p.kind.value} for p in agreement.partners],
        "signatories": [
            {"name": s.name, "position": s.position, "organisation": s.organisation}
            for s in agreement.signatories
        ],
        "targets": [_target(t) for t in agreement.targets],
        "freedoms": [_freedom(f) for f in agreement.freedoms],
    }


def _council(council: Council) -> dict[str, Any]:
    return {
        "name": council.name,
        "code": council.code,
        "type": council.type.value if council.type else None,
        "population": council.population,
        "cpa_category": council.cpa_category.value if council.cpa_category else None,
    }


def _target(target: Target) -> dict[str, Any]:
    return {
        "ref": target.ref,
        "title": target.title,
        "priority": target.priority,
        "weight": _text(target.weight),
        "reserve": target.reserve,
        "lead_partner": target.lead_partner,
        "partners": list(target.partners),
        "pump_priming": _money(target.pump_priming),
        "notes": target.notes,
        "internal_notes": target.internal_notes,
        "negotiation": target.negotiation.value,
        "indicators": [_indicator(i) for i in target.indicators],
    }


def _indicator(indicator: Indicator) -> dict[str, Any]:
    return {
        "ref": indicator.ref,
        "description": indicator.description,
        "definition": indicator.definition,
        "unit": indicator.unit.value,
        "decimals": indicator.decimals,
        "direction": indicator.direction.value,
        "baseline": indicator.baseline,
        "baseline_period": indicator.baseline_period,
        "without": indicator.without,
        "with": indicator.with_,
        "interim": indicator.interim,
        "interim_period": indicator.interim_period,
        "interim_actual": indicator.interim_actual,
        "end_period": indicator.end_period,
        "actual": indicator.actual,
        "weight": _text(indicator.weight),
        "negotiation": indicator.negotiation.value,
    }


def _freedom(freedom: FreedomRequest) -> dict[str, Any]:
    return {
        "ref": freedom.ref,
        "description": freedom.description,
        "targets": list(freedom.targets),
        "department": freedom.department,
        "legal_basis": freedom.legal_basis,
        "status": freedom.status.value,
        "response": freedom.response,
        "alternative": freedom.alternative,
        "delivered": freedom.delivery.value,
        "internal_notes": freedom.internal_notes,
        "negotiation": freedom.negotiation.value,
    }


def agreement_from_dict(data: Mapping[str, Any]) -> Agreement:
    """The inverse of ``agreement_to_dict``; missing optional keys take their defaults.

    Raises KeyError / ValueError on a malformed document (callers turn that into an error
    naming the file).
    """
    generation = Generation(data.get("generation", "LPSA1"))
    return Agreement(
        ref=data["ref"],
        title=data["title"],
        generation=generation,
        councils=tuple(_council_from(c) for c in data["councils"]),
        period_start=date.fromisoformat(data["period"]["start"]),
        period_end=date.fromisoformat(data["period"]["end"]),
        status=AgreementStatus(data.get("status", "draft")),
        net_budget_requirement=_dec(data.get("net_budget_requirement")),
        nbr_year=data.get("nbr_year"),
        reward_rate=_dec_or(data.get("reward_rate"), DEFAULT_REWARD_RATE),
        pot_rounding=PotRounding(data.get("pot_rounding", "none")),
        threshold=_dec_or(data.get("threshold"), DEFAULT_THRESHOLD),
        cap=_dec_or(data.get("cap"), DEFAULT_CAP),
        interim_fraction=_dec_or(data.get("interim_fraction"), LPSA1_INTERIM_FRACTION),
        capital_share=_dec(data.get("capital_share")),
        pump_priming_grant=_dec(data.get("pump_priming_grant")),
        notes=data.get("notes", ""),
        internal_notes=data.get("internal_notes", ""),
        partners=tuple(
            Partner(p["name"], PartnerKind(p.get("kind", "other")))
            for p in data.get("partners", [])
        ),
        signatories=tuple(
            Signatory(s["name"], s.get("position", ""), s.get("organisation", ""))
            for s in data.get("signatories", [])
        ),
        targets=tuple(_target_from(t) for t in data.get("targets", [])),
        freedoms=tuple(_freedom_from(f) for f in data.get("freedoms", [])),
    )


def _council_from(data: Mapping[str, Any]) -> Council:
    return Council(
        name=data["name"],
        code=data.get("code"),
        type=CouncilType(data["type"]) if data.get("type") else None,
        population=data.get("population"),
        cpa_category=CpaCategory(data["cpa_category"]) if data.get("cpa_category") else None,
    )


def _target_from(data: Mapping[str, Any]) -> Target:
    return Target(
        ref=str(data["ref"]),
        title=data["title"],
        indicators=tuple(_indicator_from(i) for i in data.get("indicators", [])),
        priority=data.get("priority"),
        lead_partner=data.get("lead_partner"),
        partners=tuple(data.get("partners", [])),
        reserve=bool(data.get("reserve", False)),
        weight=_dec(data.get("weight")),
        pump_priming=_dec(data.get("pump_priming")),
        notes=data.get("notes", ""),
        internal_notes=data.get("internal_notes", ""),
        negotiation=_negotiation(data),
    )


def _indicator_from(data: Mapping[str, Any]) -> Indicator:
    return Indicator(
        ref=str(data["ref"]),
        description=data["description"],
        definition=data.get("definition", ""),
        unit=Unit(data.get("unit", "count")),
        decimals=int(data.get("decimals", 1)),
        direction=Direction(data.get("direction", "higher")),
        baseline=_dec(data.get("baseline")),
        baseline_period=data.get("baseline_period"),
        without=_dec(data.get("without")),
        with_=_dec(data.get("with")),
        interim=_dec(data.get("interim")),
        interim_period=data.get("interim_period"),
        interim_actual=_dec(data.get("interim_actual")),
        end_period=data.get("end_period"),
        actual=_dec(data.get("actual")),
        weight=_dec(data.get("weight")),
        negotiation=_negotiation(data),
    )


def _freedom_from(data: Mapping[str, Any]) -> FreedomRequest:
    return FreedomRequest(
        ref=str(data["ref"]),
        description=data["description"],
        targets=tuple(str(t) for t in data.get("targets", [])),
        department=data.get("department", ""),
        legal_basis=data.get("legal_basis", ""),
        status=FreedomStatus(data.get("status", "requested")),
        response=data.get("response", ""),
        alternative=data.get("alternative", ""),
        delivery=_delivery(data.get("delivered")),
        internal_notes=data.get("internal_notes", ""),
        negotiation=_negotiation(data),
    )


def _negotiation(data: Mapping[str, Any]) -> NegotiationStatus:
    return NegotiationStatus(data.get("negotiation") or "open")


_DELIVERY_WORDS = {
    "yes": DeliveryStatus.DELIVERED,
    "no": DeliveryStatus.NOT_DELIVERED,
    "partly": DeliveryStatus.PARTLY_DELIVERED,
}


def _delivery(value: Any) -> DeliveryStatus:
    """The four states, or the contract example's yes / no / partly."""
    if value is None or value == "":
        return DeliveryStatus.NOT_STARTED
    text = str(value).strip().lower()
    return _DELIVERY_WORDS.get(text) or DeliveryStatus(text)


def _dec(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _dec_or(value: Any, default: Decimal) -> Decimal:
    """A stated value (0 included: an agreement may state a nil rate), else the default."""
    parsed = _dec(value)
    return default if parsed is None else parsed


def _money(value: Decimal | None) -> str | None:
    return None if value is None else money_text(value)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"
