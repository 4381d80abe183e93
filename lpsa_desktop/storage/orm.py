"""The SQLAlchemy 2 models of the store. Only ``storage`` sees these; everything else gets
domain objects from the repositories."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from sqlalchemy import (
    ForeignKey,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from lpsa_desktop.storage.column_types import DecimalText, Pence

SCHEMA_VERSION = 6
"""The schema this code writes. Bump it with a step in ``migrations`` and a fixture in tests."""

Money = Annotated[Decimal, "money"]

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        Decimal: DecimalText(),
        Money: Pence(),
        str: String(),
    }


class CouncilRow(Base):
    __tablename__ = "councils"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    code: Mapped[str | None]
    type: Mapped[str | None]
    population: Mapped[int | None]
    cpa_category: Mapped[str | None]


class AgreementRow(Base):
    __tablename__ = "agreements"
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(unique=True)
    title: Mapped[str]
    generation: Mapped[str]
    status: Mapped[str]
    period_start: Mapped[date]
    period_end: Mapped[date]
    net_budget_requirement: Mapped[Money | None]
    nbr_year: Mapped[str | None]
    reward_rate: Mapped[Decimal]
    pot_rounding: Mapped[str]
    threshold: Mapped[Decimal]
    cap: Mapped[Decimal]
    interim_fraction: Mapped[Decimal]
    capital_share: Mapped[Decimal | None]
    pump_priming_grant: Mapped[Money | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    internal_notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    council_links: Mapped[list[AgreementCouncilRow]] = relationship(
        cascade="all, delete-orphan", order_by="AgreementCouncilRow.position"
    )
    partners: Mapped[list[PartnerRow]] = relationship(
        cascade="all, delete-orphan", order_by="PartnerRow.position"
    )
    signatories: Mapped[list[SignatoryRow]] = relationship(
        cascade="all, delete-orphan", order_by="SignatoryRow.position"
    )
    targets: Mapped[list[TargetRow]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="TargetRow.position"
    )
    freedoms: Mapped[list[FreedomRow]] = relationship(
        cascade="all, delete-orphan", order_by="FreedomRow.position"
    )


class AgreementCouncilRow(Base):
    """The councils party to an agreement, in order (the first is the lead/accountable one)."""

    __tablename__ = "agreement_councils"
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True
    )
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="RESTRICT"), primary_key=True
    )
    position: Mapped[int]
    council: Mapped[CouncilRow] = relationship(lazy="joined")


class PartnerRow(Base):
    __tablename__ = "partners"
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str]
    kind: Mapped[str]


class SignatoryRow(Base):
    __tablename__ = "signatories"
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str]
    role: Mapped[str]
    organisation: Mapped[str]


class PriorityRow(Base):
    __tablename__ = "priorities"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    shared: Mapped[bool]


class TargetRow(Base):
    __tablename__ = "targets"
    __table_args__ = (UniqueConstraint("agreement_id", "ref"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    position: Mapped[int]
    ref: Mapped[str]
    title: Mapped[str]
    priority_id: Mapped[int | None] = mapped_column(ForeignKey("priorities.id"))
    lead_partner: Mapped[str | None]
    partners: Mapped[str] = mapped_column(Text, default="")
    """Partner names, one per line (a target's partners are names, not separate records)."""
    reserve: Mapped[bool]
    weight: Mapped[Decimal | None]
    pump_priming: Mapped[Money | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    internal_notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    negotiation: Mapped[str] = mapped_column(default="open", server_default="open")

    agreement: Mapped[AgreementRow] = relationship(back_populates="targets")
    priority: Mapped[PriorityRow | None] = relationship()
    indicators: Mapped[list[IndicatorRow]] = relationship(
        cascade="all, delete-orphan", order_by="IndicatorRow.position"
    )


class IndicatorRow(Base):
    __tablename__ = "indicators"
    __table_args__ = (UniqueConstraint("target_id", "ref"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"))
    position: Mapped[int]
    ref: Mapped[str]
    description: Mapped[str] = mapped_column(Text)
    definition: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str]
    decimals: Mapped[int]
    direction: Mapped[str]
    baseline: Mapped[Decimal | None]
    baseline_period: Mapped[str | None]
    without_value: Mapped[Decimal | None]
    with_value: Mapped[Decimal | None]
    end_period: Mapped[str | None]
    interim: Mapped[Decimal | None]
    interim_period: Mapped[str | None]
    interim_actual: Mapped[Decimal | None]
    actual: Mapped[Decimal | None]
    weight: Mapped[Decimal | None]
    negotiation: Mapped[str] = mapped_column(default="open", server_default="open")


class FreedomTargetRow(Base):
    """A freedom's link to a target, in the order the request lists them."""

    __tablename__ = "freedom_targets"
    freedom_id: Mapped[int] = mapped_column(
        ForeignKey("freedoms.id", ondelete="CASCADE"), primary_key=True
    )
    target_id: Mapped[int] = mapped_column(
        ForeignKey("targets.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int]
    target: Mapped[TargetRow] = relationship(lazy="joined")


class FreedomRow(Base):
    __tablename__ = "freedoms"
    __table_args__ = (UniqueConstraint("agreement_id", "ref"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    position: Mapped[int]
    ref: Mapped[str]
    description: Mapped[str] = mapped_column(Text)
    department: Mapped[str] = mapped_column(default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str]
    response: Mapped[str] = mapped_column(Text, default="")
    alternative: Mapped[str] = mapped_column(Text, default="")
    delivery: Mapped[str]
    internal_notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    negotiation: Mapped[str] = mapped_column(default="open", server_default="open")

    target_links: Mapped[list[FreedomTargetRow]] = relationship(
        cascade="all, delete-orphan", order_by="FreedomTargetRow.position"
    )


class AuditRow(Base):
    """One recorded change. Kept when the agreement is deleted (the ref stays readable)."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_ref: Mapped[str] = mapped_column(index=True)
    at: Mapped[datetime]
    officer: Mapped[str]
    action: Mapped[str]
    entity: Mapped[str] = mapped_column(default="")
    field: Mapped[str | None]
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


class SettingRow(Base):
    """Settings that travel with the store (e.g. the officer's name for the audit trail)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ImportBatchRow(Base):
    """One applied return: enough to say what came from which file, and to undo it whole.

    ``before_json`` and ``after_json`` hold the agreement as JSON (the `lpsa show --json` shape) just
    before and just after the import; ``before_json`` is NULL when the import created it.
    """

    __tablename__ = "import_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_ref: Mapped[str] = mapped_column(index=True)
    file_name: Mapped[str]
    sha256: Mapped[str] = mapped_column(index=True)
    imported_at: Mapped[datetime]
    officer: Mapped[str]
    counts: Mapped[str] = mapped_column(Text)
    """JSON: targets/indicators/freedoms added and changed, rows unchanged, rejected."""
    before_json: Mapped[str | None] = mapped_column(Text)
    after_json: Mapped[str] = mapped_column(Text)
    reverted_at: Mapped[datetime | None]
    reverted_by: Mapped[str | None]
