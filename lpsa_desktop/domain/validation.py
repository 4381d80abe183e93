"""Validation as data: located errors and warnings for an agreement, never exceptions.

An error makes the reward unreliable (no real stretch, inconsistent weights); a warning is
something a person should look at (a missing baseline, a target worse than the baseline).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement, Indicator, Target
from lpsa_desktop.domain.enums import Direction, Severity, Unit
from lpsa_desktop.domain.money import ZERO
from lpsa_desktop.domain.numbers import INDICATOR_VALUE, magnitude_problem
from lpsa_desktop.domain.shares import weights_sum_to_one

VALUE_FIELDS = ("baseline", "without", "with_", "interim", "interim_actual", "actual")
NOT_NEGATIVE = (Unit.COUNT, Unit.RATE_PER_1000, Unit.RATE_PER_100000, Unit.DAYS)


@dataclass(frozen=True)
class Location:
    """Where in an agreement: a target, an indicator in it, a freedom, and a field."""

    target: str | None = None
    indicator: str | None = None
    freedom: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        parts = []
        if self.target is not None:
            parts.append(f"target {self.target}")
        if self.indicator is not None:
            parts.append(f"indicator {self.indicator}")
        if self.freedom is not None:
            parts.append(f"freedom {self.freedom}")
        if self.field is not None:
            parts.append(self.field.rstrip("_"))
        return " / ".join(parts) or "agreement"


@dataclass(frozen=True)
class ValidationIssue:
    severity: Severity
    location: Location
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.location}: {self.message}"


def validate_agreement(agreement: Agreement) -> list[ValidationIssue]:
    """Every problem found in ``agreement``, errors first, in document order within each."""
    issues = list(agreement_level_issues(agreement))
    for target in agreement.targets:
        issues.extend(target_level_issues(target))
        for indicator in target.indicators:
            issues.extend(indicator_issues(indicator, Location(target.ref, indicator.ref)))
    issues.extend(freedom_issues(agreement))
    return sorted(issues, key=lambda i: i.severity is not Severity.ERROR)


def agreement_level_issues(agreement: Agreement) -> Iterator[ValidationIssue]:
    here = Location()
    if not agreement.councils:
        yield _error(here, "no_council", "an agreement needs at least one council")
    if agreement.period_end <= agreement.period_start:
        yield _error(Location(field="period_end"), "period", "the period ends before it starts")
    if agreement.net_budget_requirement is None:
        yield _warning(
            Location(field="net_budget_requirement"),
            "no_nbr",
            "no net budget requirement: the reward pot is nil",
        )
    if not ZERO < agreement.threshold <= agreement.cap:
        yield _error(
            Location(field="threshold"),
            "threshold",
            "the threshold must be above 0 and not above the cap",
        )
    active = agreement.active_targets
    if not weights_sum_to_one([t.weight for t in active]):
        yield _error(
            Location(field="weight"),
            "target_weights",
            f"target weights sum to {_sum_weights(active)}, not 1",
        )
    for ref, count in Counter(t.ref for t in agreement.targets).items():
        if count > 1:
            yield _error(
                Location(target=ref), "duplicate_target", f"target {ref} appears {count} times"
            )
    indicator_refs = Counter(i.ref for t in agreement.targets for i in t.indicators)
    for ref, count in indicator_refs.items():
        if count > 1:
            yield _error(
                Location(indicator=ref),
                "duplicate_indicator",
                f"indicator {ref} appears {count} times",
            )
    yield from _pump_priming_issues(agreement)


def _pump_priming_issues(agreement: Agreement) -> Iterator[ValidationIssue]:
    allocations = [t.pump_priming for t in agreement.targets if t.pump_priming is not None]
    if not allocations or agreement.pump_priming_grant is None:
        return
    allocated = sum(allocations, ZERO)
    if allocated != agreement.pump_priming_grant:
        yield _warning(
            Location(field="pump_priming_grant"),
            "ppg_allocation",
            f"targets' pump-priming allocations add up to £{allocated:,.2f}, "
            f"the grant is £{agreement.pump_priming_grant:,.2f}",
        )


def target_level_issues(target: Target) -> Iterator[ValidationIssue]:
    if not target.indicators:
        yield _error(Location(target.ref), "no_indicator", "a target needs at least one indicator")
    if not weights_sum_to_one([i.weight for i in target.indicators]):
        yield _error(
            Location(target.ref, field="weight"),
            "indicator_weights",
            f"indicator weights sum to {_sum_weights(target.indicators)}, not 1",
        )
    weighted = [(Location(target.ref, field="weight"), target.weight)]
    weighted += [(Location(target.ref, i.ref, field="weight"), i.weight) for i in target.indicators]
    for where, weight in weighted:
        if weight is not None and not ZERO <= weight <= 1:
            yield _error(where, "weight_range", f"weight {weight} is not between 0 and 1")


def indicator_issues(indicator: Indicator, where: Location) -> Iterator[ValidationIssue]:
    """Problems with one indicator (also used by the importer, with its own locations)."""
    yield from stretch_issues(indicator, where)
    for name in VALUE_FIELDS:
        yield from value_issues(indicator, name, where)
    yield from decimals_issues(indicator, where)


# The three parts of an indicator's issues, and what each depends on, so that a window can
# work out again only the part an edit touched (``domain/validation_memo``).
STRETCH_INPUTS = ("baseline", "without", "with_", "direction")
"""``stretch_issues`` reads only these fields."""


def stretch_issues(indicator: Indicator, where: Location) -> Iterator[ValidationIssue]:
    """The baseline and the stretch: reads only ``STRETCH_INPUTS``."""
    if indicator.baseline is None:
        yield _warning(_at(where, "baseline"), "no_baseline", "no baseline")
    if indicator.with_ is None or indicator.without is None:
        yield _warning(
            _at(where, "with_"),
            "no_stretch",
            "without and with values are needed to judge the stretch",
        )
    elif (indicator.enhancement or ZERO) <= 0:
        better = "higher" if indicator.direction is Direction.HIGHER else "lower"
        yield _error(
            _at(where, "with_"),
            "not_stretched",
            f"the target with the agreement ({indicator.with_}) is not {better} than the "
            f"performance expected without it ({indicator.without})",
        )
    elif indicator.baseline is not None and _worse(
        indicator, indicator.without, indicator.baseline
    ):
        yield _warning(
            _at(where, "without"),
            "without_worse_than_baseline",
            f"performance expected without the agreement ({indicator.without}) is worse than "
            f"the baseline ({indicator.baseline})",
        )


def value_issues(indicator: Indicator, name: str, where: Location) -> Iterator[ValidationIssue]:
    """One value field's bounds: reads only that field and the unit."""
    value = getattr(indicator, name)
    if value is None:
        return
    limit = magnitude_problem(value, INDICATOR_VALUE)
    if limit:
        yield _error(_at(where, name), "number_range", f"{value:E} is beyond {limit}")
        return
    problem = unit_range_problem(indicator.unit, value)
    if problem:
        yield _error(_at(where, name), "unit_range", problem)


def decimals_issues(indicator: Indicator, where: Location) -> Iterator[ValidationIssue]:
    """Reads only ``decimals``."""
    if not 0 <= indicator.decimals <= 6:
        yield _error(_at(where, "decimals"), "decimals", "decimals must be between 0 and 6")


def unit_range_problem(unit: Unit, value: Decimal) -> str | None:
    """Why ``value`` cannot be a value of ``unit``, or None if it can."""
    if unit is Unit.PERCENT and not ZERO <= value <= 100:
        return f"{value} is not a percentage between 0 and 100"
    if unit in NOT_NEGATIVE and value < 0:
        return f"{value} cannot be negative for a {unit.value.replace('_', ' ')}"
    return None


def enhancement_issue(
    indicator: Indicator, stated: Decimal, where: Location
) -> ValidationIssue | None:
    """A stated enhancement (e.g. an Enhancement column) that disagrees with with − without."""
    if indicator.with_ is None or indicator.without is None:
        return None
    computed = indicator.with_ - indicator.without
    if abs(stated) == abs(computed):
        return None
    return _warning(
        _at(where, "enhancement"),
        "enhancement_mismatch",
        f"the stated enhancement {stated} differs from with − without = {computed}",
    )


def freedom_issues(agreement: Agreement) -> Iterator[ValidationIssue]:
    known = {t.ref for t in agreement.targets}
    for ref, count in Counter(f.ref for f in agreement.freedoms).items():
        if count > 1:
            yield _error(
                Location(freedom=ref), "duplicate_freedom", f"freedom {ref} appears {count} times"
            )
    for freedom in agreement.freedoms:
        for target_ref in freedom.targets:
            if target_ref not in known:
                yield _error(
                    Location(freedom=freedom.ref, field="targets"),
                    "unknown_target",
                    f"linked to target {target_ref}, which the agreement does not have",
                )


def _worse(indicator: Indicator, value: Decimal, than: Decimal) -> bool:
    return value < than if indicator.direction is Direction.HIGHER else value > than


def _sum_weights(parts: tuple[Target, ...] | tuple[Indicator, ...]) -> Decimal:
    return sum((p.weight for p in parts if p.weight is not None), ZERO)


def _at(where: Location, field: str) -> Location:
    return Location(where.target, where.indicator, where.freedom, field)


def _error(where: Location, code: str, message: str) -> ValidationIssue:
    return ValidationIssue(Severity.ERROR, where, code, message)


def _warning(where: Location, code: str, message: str) -> ValidationIssue:
    return ValidationIssue(Severity.WARNING, where, code, message)
