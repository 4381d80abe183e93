"""Small builders for agreements in tests: only what a test cares about is spelt out."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement, Council, Indicator, Target
from lpsa_desktop.domain.enums import Direction, Generation, PotRounding, Unit


def D(text: str | int) -> Decimal:
    return Decimal(str(text))


def indicator(
    ref: str = "1",
    *,
    without: str | None = "50",
    with_: str | None = "60",
    actual: str | None = None,
    direction: Direction = Direction.HIGHER,
    unit: Unit = Unit.PERCENT,
    baseline: str | None = "45",
    weight: str | None = None,
    interim: str | None = None,
    interim_actual: str | None = None,
) -> Indicator:
    def dec(value: str | None) -> Decimal | None:
        return None if value is None else D(value)

    return Indicator(
        ref=ref,
        description=f"Indicator {ref}",
        unit=unit,
        direction=direction,
        baseline=dec(baseline),
        without=dec(without),
        with_=dec(with_),
        actual=dec(actual),
        weight=dec(weight),
        interim=dec(interim),
        interim_actual=dec(interim_actual),
    )


def target(
    ref: str, *indicators: Indicator, weight: str | None = None, reserve: bool = False
) -> Target:
    return Target(
        ref=ref,
        title=f"Target {ref}",
        indicators=indicators or (indicator(ref),),
        weight=None if weight is None else D(weight),
        reserve=reserve,
    )


def agreement(
    *targets: Target,
    nbr: str | None = "143118000",
    rounding: PotRounding = PotRounding.NONE,
    end: date = date(2006, 3, 31),
    capital_share: str | None = None,
    generation: Generation = Generation.LPSA1,
) -> Agreement:
    return Agreement(
        ref="test-lpsa1",
        title="Test agreement",
        generation=generation,
        councils=(Council("Test Council"),),
        period_start=date(end.year - 3, 4, 1),
        period_end=end,
        net_budget_requirement=None if nbr is None else D(nbr),
        pot_rounding=rounding,
        capital_share=None if capital_share is None else D(capital_share),
        targets=targets,
    )


def equal_targets(count: int, **kwargs: str) -> tuple[Target, ...]:
    return tuple(target(str(n), indicator(str(n), **kwargs)) for n in range(1, count + 1))  # type: ignore[arg-type]
