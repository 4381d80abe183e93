"""Models of delivery monitoring (schema 5): the reporting plan, outturns over time, reward
claims and pump-priming spend.

Like meetings and rounds they name the agreement (and indicator or target) by ref, as text:
the agreement aggregate is saved by matching rows on ref, and a delivery record of an
indicator survives its agreement being edited around it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lpsa_desktop.storage.orm import Base, Money


class ReportingPlanRow(Base):
    __tablename__ = "reporting_plans"
    agreement_ref: Mapped[str] = mapped_column(primary_key=True)
    frequency: Mapped[str]


class OutturnRow(Base):
    __tablename__ = "outturns"
    __table_args__ = (UniqueConstraint("agreement_ref", "indicator_ref", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_ref: Mapped[str] = mapped_column(index=True)
    indicator_ref: Mapped[str]
    period: Mapped[str]
    value: Mapped[Decimal]
    recorded_on: Mapped[date]
    audited: Mapped[bool]
    note: Mapped[str] = mapped_column(Text, default="")
    internal_note: Mapped[str] = mapped_column(Text, default="")


class ClaimRow(Base):
    __tablename__ = "reward_claims"
    __table_args__ = (UniqueConstraint("agreement_ref", "instalment"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_ref: Mapped[str] = mapped_column(index=True)
    instalment: Mapped[int]
    claimed_on: Mapped[date]
    amount: Mapped[Money]
    capital: Mapped[Money | None]
    revenue: Mapped[Money | None]
    audited: Mapped[bool]
    paid_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")


class PumpPrimingSpendRow(Base):
    __tablename__ = "pump_priming_spend"
    __table_args__ = (UniqueConstraint("agreement_ref", "target_ref", "financial_year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_ref: Mapped[str] = mapped_column(index=True)
    target_ref: Mapped[str]
    financial_year: Mapped[str]
    budget: Mapped[Money | None]
    actual: Mapped[Money | None]
