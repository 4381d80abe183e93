"""Delivery records of an agreement (by its ref): reporting plan, outturns, claims and
pump-priming spend, in and out as domain objects."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.delivery.claims import Claim
from lpsa_desktop.domain.delivery.outturns import Outturn
from lpsa_desktop.domain.delivery.pump_priming import SpendEntry
from lpsa_desktop.domain.delivery.reporting_periods import DEFAULT_FREQUENCY, Frequency
from lpsa_desktop.storage.orm_delivery import (
    ClaimRow,
    OutturnRow,
    PumpPrimingSpendRow,
    ReportingPlanRow,
)
from lpsa_desktop.storage.portfolio_reader import (
    read_all_agreements,
    read_all_outturns,
    read_outturn_points,
)


class DeliveryRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # -- reporting plan
    def frequency(self, agreement_ref: str) -> Frequency:
        row = self._session.get(ReportingPlanRow, agreement_ref)
        return Frequency(row.frequency) if row else DEFAULT_FREQUENCY

    def frequencies(self) -> dict[str, Frequency]:
        rows = self._session.execute(
            select(ReportingPlanRow.agreement_ref, ReportingPlanRow.frequency)
        )
        return {ref: Frequency(value) for ref, value in rows}

    def set_frequency(self, agreement_ref: str, frequency: Frequency) -> None:
        row = self._session.get(ReportingPlanRow, agreement_ref)
        if row is None:
            self._session.add(
                ReportingPlanRow(agreement_ref=agreement_ref, frequency=frequency.value)
            )
        else:
            row.frequency = frequency.value
        self._session.flush()

    # -- outturns
    def outturns(self, agreement_ref: str) -> list[Outturn]:
        rows = self._session.scalars(
            select(OutturnRow)
            .where(OutturnRow.agreement_ref == agreement_ref)
            .order_by(OutturnRow.id)
        )
        return [_outturn(r) for r in rows]

    def all_outturns(self) -> dict[str, list[Outturn]]:
        """Every agreement's outturns, in one query (the portfolio view)."""
        return read_all_outturns(self._session)

    def all_outturn_points(self) -> dict[str, dict[str, list[tuple[str, Decimal]]]]:
        """Every agreement's outturns as (period, value) by indicator (the portfolio view)."""
        return read_outturn_points(self._session)

    def all_agreements(self) -> list[Agreement]:
        """Every agreement, lightly (see ``portfolio_reader``)."""
        return read_all_agreements(self._session)

    def put_outturns(self, agreement_ref: str, outturns: Iterable[Outturn]) -> None:
        """Insert or replace each (indicator, period)'s outturn."""
        existing = {
            (r.indicator_ref, r.period): r
            for r in self._session.scalars(
                select(OutturnRow).where(OutturnRow.agreement_ref == agreement_ref)
            )
        }
        for outturn in outturns:
            row = existing.get((outturn.indicator_ref, outturn.period))
            if row is None:
                row = OutturnRow(
                    agreement_ref=agreement_ref,
                    indicator_ref=outturn.indicator_ref,
                    period=outturn.period,
                )
                self._session.add(row)
                existing[(outturn.indicator_ref, outturn.period)] = row
            row.value = outturn.value
            row.recorded_on = outturn.recorded_on
            row.audited = outturn.audited
            row.note = outturn.note
            row.internal_note = outturn.internal_note
        self._session.flush()

    def remove_outturn(self, agreement_ref: str, indicator_ref: str, period: str) -> bool:
        result = self._session.execute(
            delete(OutturnRow).where(
                OutturnRow.agreement_ref == agreement_ref,
                OutturnRow.indicator_ref == indicator_ref,
                OutturnRow.period == period,
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def replace_outturns(self, agreement_ref: str, outturns: Sequence[Outturn]) -> None:
        self._session.execute(delete(OutturnRow).where(OutturnRow.agreement_ref == agreement_ref))
        self._session.flush()
        self.put_outturns(agreement_ref, outturns)

    # -- claims
    def claims(self, agreement_ref: str) -> list[Claim]:
        rows = self._session.scalars(
            select(ClaimRow)
            .where(ClaimRow.agreement_ref == agreement_ref)
            .order_by(ClaimRow.instalment)
        )
        return [
            Claim(
                r.instalment,
                r.claimed_on,
                r.amount,
                r.capital,
                r.revenue,
                r.audited,
                r.paid_on,
                r.note,
            )
            for r in rows
        ]

    def put_claim(self, agreement_ref: str, claim: Claim) -> None:
        row = self._session.scalars(
            select(ClaimRow).where(
                ClaimRow.agreement_ref == agreement_ref, ClaimRow.instalment == claim.instalment
            )
        ).one_or_none()
        if row is None:
            row = ClaimRow(agreement_ref=agreement_ref, instalment=claim.instalment)
            self._session.add(row)
        row.claimed_on = claim.claimed_on
        row.amount = claim.amount
        row.capital = claim.capital
        row.revenue = claim.revenue
        row.audited = claim.audited
        row.paid_on = claim.paid_on
        row.note = claim.note
        self._session.flush()

    def remove_claim(self, agreement_ref: str, instalment: int) -> bool:
        result = self._session.execute(
            delete(ClaimRow).where(
                ClaimRow.agreement_ref == agreement_ref, ClaimRow.instalment == instalment
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    # -- pump-priming spend
    def spend(self, agreement_ref: str) -> list[SpendEntry]:
        rows = self._session.scalars(
            select(PumpPrimingSpendRow)
            .where(PumpPrimingSpendRow.agreement_ref == agreement_ref)
            .order_by(PumpPrimingSpendRow.id)
        )
        return [SpendEntry(r.target_ref, r.financial_year, r.budget, r.actual) for r in rows]

    def put_spend(self, agreement_ref: str, entry: SpendEntry) -> None:
        row = self._session.scalars(
            select(PumpPrimingSpendRow).where(
                PumpPrimingSpendRow.agreement_ref == agreement_ref,
                PumpPrimingSpendRow.target_ref == entry.target_ref,
                PumpPrimingSpendRow.financial_year == entry.financial_year,
            )
        ).one_or_none()
        if row is None:
            row = PumpPrimingSpendRow(
                agreement_ref=agreement_ref,
                target_ref=entry.target_ref,
                financial_year=entry.financial_year,
            )
            self._session.add(row)
        row.budget = entry.budget
        row.actual = entry.actual
        self._session.flush()


def _outturn(row: OutturnRow) -> Outturn:
    return Outturn(
        row.indicator_ref,
        row.period,
        row.value,
        row.recorded_on,
        row.audited,
        row.note,
        row.internal_note,
    )
