"""Between ORM rows and domain objects, both ways. Rows are updated in place and matched by
ref so that ids stay stable and SQLAlchemy writes only what changed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from lpsa_desktop.domain.agreement import (
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
from lpsa_desktop.domain.priorities import is_shared_priority
from lpsa_desktop.storage.orm import (
    AgreementCouncilRow,
    AgreementRow,
    CouncilRow,
    FreedomRow,
    FreedomTargetRow,
    IndicatorRow,
    PartnerRow,
    PriorityRow,
    SignatoryRow,
    TargetRow,
)

Row = TypeVar("Row", TargetRow, IndicatorRow, FreedomRow)
Item = TypeVar("Item", Target, Indicator, FreedomRequest)


def to_agreement(row: AgreementRow) -> Agreement:
    return Agreement(
        ref=row.ref,
        title=row.title,
        generation=Generation(row.generation),
        councils=tuple(_to_council(link.council) for link in row.council_links),
        period_start=row.period_start,
        period_end=row.period_end,
        status=AgreementStatus(row.status),
        net_budget_requirement=row.net_budget_requirement,
        nbr_year=row.nbr_year,
        reward_rate=row.reward_rate,
        pot_rounding=PotRounding(row.pot_rounding),
        threshold=row.threshold,
        cap=row.cap,
        interim_fraction=row.interim_fraction,
        capital_share=row.capital_share,
        pump_priming_grant=row.pump_priming_grant,
        notes=row.notes,
        internal_notes=row.internal_notes,
        partners=tuple(Partner(p.name, PartnerKind(p.kind)) for p in row.partners),
        signatories=tuple(Signatory(s.name, s.role, s.organisation) for s in row.signatories),
        targets=tuple(_to_target(t) for t in row.targets),
        freedoms=tuple(_to_freedom(f) for f in row.freedoms),
    )


def _to_council(row: CouncilRow) -> Council:
    return Council(
        name=row.name,
        code=row.code,
        type=CouncilType(row.type) if row.type else None,
        population=row.population,
        cpa_category=CpaCategory(row.cpa_category) if row.cpa_category else None,
    )


def _to_target(row: TargetRow) -> Target:
    return Target(
        ref=row.ref,
        title=row.title,
        indicators=tuple(_to_indicator(i) for i in row.indicators),
        priority=row.priority.name if row.priority else None,
        lead_partner=row.lead_partner,
        partners=tuple(p for p in row.partners.split("\n") if p),
        reserve=row.reserve,
        weight=row.weight,
        pump_priming=row.pump_priming,
        notes=row.notes,
        internal_notes=row.internal_notes,
        negotiation=NegotiationStatus(row.negotiation),
    )


def _to_indicator(row: IndicatorRow) -> Indicator:
    return Indicator(
        ref=row.ref,
        description=row.description,
        unit=Unit(row.unit),
        direction=Direction(row.direction),
        decimals=row.decimals,
        definition=row.definition,
        baseline=row.baseline,
        baseline_period=row.baseline_period,
        without=row.without_value,
        with_=row.with_value,
        end_period=row.end_period,
        interim=row.interim,
        interim_period=row.interim_period,
        interim_actual=row.interim_actual,
        actual=row.actual,
        weight=row.weight,
        negotiation=NegotiationStatus(row.negotiation),
    )


def _to_freedom(row: FreedomRow) -> FreedomRequest:
    return FreedomRequest(
        ref=row.ref,
        description=row.description,
        targets=tuple(link.target.ref for link in row.target_links),
        department=row.department,
        legal_basis=row.legal_basis,
        status=FreedomStatus(row.status),
        response=row.response,
        alternative=row.alternative,
        delivery=DeliveryStatus(row.delivery),
        internal_notes=row.internal_notes,
        negotiation=NegotiationStatus(row.negotiation),
    )


def apply_agreement(session: Session, row: AgreementRow, agreement: Agreement) -> None:
    """Make ``row`` (new or loaded) hold ``agreement``, touching only what differs."""
    row.ref = agreement.ref
    row.title = agreement.title
    row.generation = agreement.generation.value
    row.status = agreement.status.value
    row.period_start = agreement.period_start
    row.period_end = agreement.period_end
    row.net_budget_requirement = agreement.net_budget_requirement
    row.nbr_year = agreement.nbr_year
    row.reward_rate = agreement.reward_rate
    row.pot_rounding = agreement.pot_rounding.value
    row.threshold = agreement.threshold
    row.cap = agreement.cap
    row.interim_fraction = agreement.interim_fraction
    row.capital_share = agreement.capital_share
    row.pump_priming_grant = agreement.pump_priming_grant
    row.notes = agreement.notes
    row.internal_notes = agreement.internal_notes
    _apply_councils(session, row, agreement.councils)
    _apply_partners(row, agreement.partners)
    _apply_signatories(row, agreement.signatories)
    priorities = _PriorityCache(session)
    _sync(row.targets, agreement.targets, TargetRow, lambda r, t: _apply_target(r, t, priorities))
    targets_by_ref = {t.ref: t for t in row.targets}
    _sync(
        row.freedoms,
        agreement.freedoms,
        FreedomRow,
        lambda r, f: _apply_freedom(r, f, targets_by_ref),
    )


def _sync(
    rows: list[Row],
    items: Sequence[Item],
    factory: Callable[[], Row],
    apply: Callable[[Row, Item], None],
) -> None:
    """Match rows to items by ref: update the kept, add the new, drop the gone; keep order."""
    by_ref = {r.ref: r for r in rows}
    ordered = []
    for position, item in enumerate(items):
        row = by_ref.pop(item.ref, None) or factory()
        row.position = position
        apply(row, item)
        ordered.append(row)
    if [id(r) for r in rows] != [id(r) for r in ordered]:
        rows[:] = ordered


def _apply_target(row: TargetRow, target: Target, priorities: _PriorityCache) -> None:
    row.ref = target.ref
    row.title = target.title
    row.priority = priorities.get(target.priority)
    row.lead_partner = target.lead_partner
    row.partners = "\n".join(target.partners)
    row.reserve = target.reserve
    row.weight = target.weight
    row.pump_priming = target.pump_priming
    row.notes = target.notes
    row.internal_notes = target.internal_notes
    row.negotiation = target.negotiation.value
    _sync(row.indicators, target.indicators, IndicatorRow, _apply_indicator)


def _apply_indicator(row: IndicatorRow, indicator: Indicator) -> None:
    row.ref = indicator.ref
    row.description = indicator.description
    row.definition = indicator.definition
    row.unit = indicator.unit.value
    row.decimals = indicator.decimals
    row.direction = indicator.direction.value
    row.baseline = indicator.baseline
    row.baseline_period = indicator.baseline_period
    row.without_value = indicator.without
    row.with_value = indicator.with_
    row.end_period = indicator.end_period
    row.interim = indicator.interim
    row.interim_period = indicator.interim_period
    row.interim_actual = indicator.interim_actual
    row.actual = indicator.actual
    row.weight = indicator.weight
    row.negotiation = indicator.negotiation.value


def _apply_freedom(row: FreedomRow, freedom: FreedomRequest, targets: dict[str, TargetRow]) -> None:
    row.ref = freedom.ref
    row.description = freedom.description
    row.department = freedom.department
    row.legal_basis = freedom.legal_basis
    row.status = freedom.status.value
    row.response = freedom.response
    row.alternative = freedom.alternative
    row.delivery = freedom.delivery.value
    row.internal_notes = freedom.internal_notes
    row.negotiation = freedom.negotiation.value
    # Links to unknown targets are a validation error; they cannot be stored as rows.
    linked = [targets[ref] for ref in dict.fromkeys(freedom.targets) if ref in targets]
    if [link.target.ref for link in row.target_links] != [t.ref for t in linked]:
        row.target_links = [FreedomTargetRow(target=t, position=i) for i, t in enumerate(linked)]


def _apply_partners(row: AgreementRow, partners: Sequence[Partner]) -> None:
    current = [(p.name, p.kind) for p in row.partners]
    if current != [(p.name, p.kind.value) for p in partners]:
        row.partners = [
            PartnerRow(position=i, name=p.name, kind=p.kind.value) for i, p in enumerate(partners)
        ]


def _apply_signatories(row: AgreementRow, signatories: Sequence[Signatory]) -> None:
    current = [(s.name, s.role, s.organisation) for s in row.signatories]
    if current != [(s.name, s.position, s.organisation) for s in signatories]:
        row.signatories = [
            SignatoryRow(position=i, name=s.name, role=s.position, organisation=s.organisation)
            for i, s in enumerate(signatories)
        ]


def _apply_councils(session: Session, row: AgreementRow, councils: Sequence[Council]) -> None:
    council_rows = [_council_row(session, c) for c in councils]
    if [link.council.name for link in row.council_links] != [c.name for c in councils]:
        row.council_links = [
            AgreementCouncilRow(council=c, position=i) for i, c in enumerate(council_rows)
        ]


def _council_row(session: Session, council: Council) -> CouncilRow:
    """Councils are shared between agreements by name; their details follow the latest save."""
    row = session.scalars(select(CouncilRow).where(CouncilRow.name == council.name)).first()
    if row is None:
        row = CouncilRow(name=council.name)
        session.add(row)
    row.code = council.code
    row.type = council.type.value if council.type else None
    row.population = council.population
    row.cpa_category = council.cpa_category.value if council.cpa_category else None
    return row


class _PriorityCache:
    """Priority rows by name; a name not seen before becomes a local priority."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._rows = {r.name: r for r in session.scalars(select(PriorityRow))}

    def get(self, name: str | None) -> PriorityRow | None:
        if not name:
            return None
        row = self._rows.get(name)
        if row is None:
            row = PriorityRow(name=name, shared=is_shared_priority(name))
            self._session.add(row)
            self._rows[name] = row
        return row
