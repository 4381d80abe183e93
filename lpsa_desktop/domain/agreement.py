"""What an LPSA is: an agreement, its councils, partners, signatories, targets and freedoms.

Plain frozen dataclasses. An Agreement is one aggregate: it is loaded, edited (with
``dataclasses.replace``, or as data through ``services.agreement_edits``) and saved whole. Values are exact
Decimals; money is pounds with at most two decimals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

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

DEFAULT_REWARD_RATE = Decimal("0.025")
DEFAULT_THRESHOLD = Decimal("0.60")
DEFAULT_CAP = Decimal("1.00")
LPSA1_INTERIM_FRACTION = Decimal("0.2")
LPSA2_CAPITAL_SHARE = Decimal("0.5")


@dataclass(frozen=True)
class Council:
    name: str
    code: str | None = None
    type: CouncilType | None = None
    population: int | None = None
    cpa_category: CpaCategory | None = None


@dataclass(frozen=True)
class Partner:
    name: str
    kind: PartnerKind = PartnerKind.OTHER


@dataclass(frozen=True)
class Signatory:
    """One signature block; the tuple order on the agreement is the signing order."""

    name: str
    position: str
    organisation: str


@dataclass(frozen=True)
class Indicator:
    """A measure by which a target's performance is judged (a sub-target when there are several).

    ``without`` is the performance expected at the end without the agreement; ``with_`` the
    stretched target with it. The stretch ("enhancement") is the gap between them.
    """

    ref: str
    description: str
    unit: Unit = Unit.COUNT
    direction: Direction = Direction.HIGHER
    decimals: int = 1
    definition: str = ""
    baseline: Decimal | None = None
    baseline_period: str | None = None
    without: Decimal | None = None
    with_: Decimal | None = None
    end_period: str | None = None
    interim: Decimal | None = None
    interim_period: str | None = None
    interim_actual: Decimal | None = None
    actual: Decimal | None = None
    weight: Decimal | None = None
    negotiation: NegotiationStatus = NegotiationStatus.OPEN

    @property
    def enhancement(self) -> Decimal | None:
        """with − without, signed so that a real stretch is positive in either direction."""
        if self.with_ is None or self.without is None:
            return None
        gap = self.with_ - self.without
        return gap if self.direction is Direction.HIGHER else -gap


_INDICATOR_DEFAULTS = {  # in field order, so that the state is laid out as __init__ lays it
    name: None if name in ("ref", "description") else spec.default
    for name, spec in Indicator.__dataclass_fields__.items()
}
assert not hasattr(Indicator, "__post_init__"), "indicator_from_fields would skip it"


def indicator_from_fields(values: dict[str, object]) -> Indicator:
    """``Indicator(**values)``, made without the frozen dataclass's ``__init__``, which sets
    its 17 fields one ``object.__setattr__`` at a time (2 µs; a big import makes 20,000).
    The result is the same object in every respect; a test holds the two together."""
    made = object.__new__(Indicator)
    state = made.__dict__
    state.update(_INDICATOR_DEFAULTS)
    state.update(values)
    if len(state) != len(_INDICATOR_DEFAULTS) or "ref" not in values or "description" not in values:
        return Indicator(**values)  # type: ignore[arg-type]  # raises the usual TypeError
    return made


def indicator_replaced(indicator: Indicator, changes: dict[str, object]) -> Indicator:
    """``dataclasses.replace(indicator, **changes)``, made as ``indicator_from_fields`` makes
    an indicator (a re-import replaces 20,000)."""
    return indicator_from_fields({**indicator.__dict__, **changes})


@dataclass(frozen=True)
class Target:
    ref: str
    title: str
    indicators: tuple[Indicator, ...] = ()
    priority: str | None = None
    lead_partner: str | None = None
    partners: tuple[str, ...] = ()
    reserve: bool = False
    weight: Decimal | None = None
    pump_priming: Decimal | None = None
    notes: str = ""
    """Shared notes: printed in the agreement."""
    internal_notes: str = ""
    """Never exported, minuted or shown in presentation mode."""
    negotiation: NegotiationStatus = NegotiationStatus.OPEN

    def indicator(self, ref: str) -> Indicator | None:
        return next((i for i in self.indicators if i.ref == ref), None)


@dataclass(frozen=True)
class FreedomRequest:
    ref: str
    description: str
    targets: tuple[str, ...] = ()
    department: str = ""
    legal_basis: str = ""
    status: FreedomStatus = FreedomStatus.REQUESTED
    response: str = ""
    alternative: str = ""
    delivery: DeliveryStatus = DeliveryStatus.NOT_STARTED
    internal_notes: str = ""
    negotiation: NegotiationStatus = NegotiationStatus.OPEN


@dataclass(frozen=True)
class Agreement:
    ref: str
    title: str
    generation: Generation
    councils: tuple[Council, ...]
    period_start: date
    period_end: date
    status: AgreementStatus = AgreementStatus.DRAFT
    net_budget_requirement: Decimal | None = None
    nbr_year: str | None = None
    reward_rate: Decimal = DEFAULT_REWARD_RATE
    pot_rounding: PotRounding = PotRounding.NONE
    threshold: Decimal = DEFAULT_THRESHOLD
    cap: Decimal = DEFAULT_CAP
    interim_fraction: Decimal = LPSA1_INTERIM_FRACTION
    capital_share: Decimal | None = None
    pump_priming_grant: Decimal | None = None
    notes: str = ""
    internal_notes: str = ""
    partners: tuple[Partner, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    targets: tuple[Target, ...] = ()
    freedoms: tuple[FreedomRequest, ...] = field(default=())

    @property
    def lead_council(self) -> Council:
        return self.councils[0]

    @property
    def active_targets(self) -> tuple[Target, ...]:
        """Targets that carry reward: reserve targets are held back."""
        return tuple(t for t in self.targets if not t.reserve)

    def target(self, ref: str) -> Target | None:
        return next((t for t in self.targets if t.ref == ref), None)

    def find_indicator(self, ref: str) -> tuple[Target, Indicator] | None:
        """An indicator by its ref, unique within an agreement ('1a', or '3' for a lone one)."""
        for target in self.targets:
            for indicator in target.indicators:
                if indicator.ref == ref:
                    return target, indicator
        return None
