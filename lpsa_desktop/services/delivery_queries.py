"""Reading the delivery picture: one agreement (status, forecast, reward at risk), or the
whole portfolio of agreements in the store."""

from __future__ import annotations

from dataclasses import dataclass

from lpsa_desktop.domain.delivery.assessment import AgreementDelivery, assess_agreement
from lpsa_desktop.domain.delivery.outturns import Outturn
from lpsa_desktop.domain.delivery.portfolio import PortfolioEntry, portfolio_entry
from lpsa_desktop.domain.delivery.reporting_periods import (
    Frequency,
    ReportingPeriod,
    find_period,
    reporting_periods,
)
from lpsa_desktop.domain.delivery.trajectory import DEFAULT_LIMITS, StatusLimits
from lpsa_desktop.errors import FieldProblem, InvalidValueError
from lpsa_desktop.importing.gc_pause import cycle_collector_paused
from lpsa_desktop.storage.store import Store


@dataclass(frozen=True)
class DeliveryView:
    delivery: AgreementDelivery
    frequency: Frequency
    outturns: tuple[Outturn, ...]
    as_at: ReportingPeriod | None


def assess(
    store: Store,
    ref_or_council: str,
    *,
    period: str | None = None,
    limits: StatusLimits = DEFAULT_LIMITS,
) -> DeliveryView:
    """The delivery picture now, or as at the end of ``period`` (a label, or 'end')."""
    with store.unit_of_work() as uow:
        ref = uow.agreements.resolve(ref_or_council)
        agreement = uow.agreements.get(ref)
        frequency = uow.delivery.frequency(ref)
        outturns = tuple(uow.delivery.outturns(ref))
    as_at = None
    if period is not None:
        periods = reporting_periods(agreement.period_start, agreement.period_end, frequency)
        as_at = find_period(periods, period)
        if as_at is None:
            raise InvalidValueError(
                FieldProblem(
                    f"{ref} reporting period",
                    period,
                    "one of " + ", ".join(p.label for p in periods) + " or 'end'",
                )
            )
    delivery = assess_agreement(
        agreement, outturns, frequency=frequency, limits=limits, up_to=as_at
    )
    return DeliveryView(delivery, frequency, outturns, as_at)


def portfolio(store: Store, *, limits: StatusLimits = DEFAULT_LIMITS) -> list[PortfolioEntry]:
    """Every agreement in the store, by ref, with its pot, forecast reward, reward at risk
    and targets by status (one read transaction; see ``domain.delivery.portfolio``).

    The cycle collector is paused meanwhile, as for reading a return: a store of 150
    agreements makes some 100,000 short-lived objects and no cycles, and a full collection
    triggered among them walks the whole heap for nothing (measured: a quarter of the time)."""
    with cycle_collector_paused():
        # In a function of its own so that the agreements and outturns read are freed
        # before the collector is back on (else its first collection walks them all).
        return _assessed_portfolio(store, limits)


def _assessed_portfolio(store: Store, limits: StatusLimits) -> list[PortfolioEntry]:
    with store.unit_of_work() as uow:
        agreements = uow.delivery.all_agreements()
        frequencies = uow.delivery.frequencies()
        points = uow.delivery.all_outturn_points()
    return [
        portfolio_entry(
            a,
            points.get(a.ref, {}),
            frequency=frequencies.get(a.ref, Frequency.ANNUAL),
            limits=limits,
        )
        for a in agreements
    ]
