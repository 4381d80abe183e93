"""Every agreement at once, for the portfolio view: four SELECTs for the whole store
instead of eight per agreement, and the outturns read as plain text rows.

The agreements carry what the reward and the delivery picture need (the agreement's
terms, its lead council, targets and indicators) and no partners, signatories or freedoms.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.delivery.outturns import Outturn
from lpsa_desktop.domain.enums import AgreementStatus, Generation, PotRounding
from lpsa_desktop.storage.mapping import to_council, to_indicator, to_target
from lpsa_desktop.storage.tables import (
    AGREEMENT_COUNCILS,
    AGREEMENTS,
    COUNCILS,
    INDICATORS,
    PRIORITIES,
    TARGETS,
)


def read_all_agreements(session: Session) -> list[Agreement]:
    """Every agreement, by ref, without partners, signatories or freedoms."""
    councils: dict[int, Any] = {}
    for row in session.execute(
        select(COUNCILS, AGREEMENT_COUNCILS.c.agreement_id)
        .join(AGREEMENT_COUNCILS, AGREEMENT_COUNCILS.c.council_id == COUNCILS.c.id)
        .order_by(AGREEMENT_COUNCILS.c.agreement_id, AGREEMENT_COUNCILS.c.position)
    ).mappings():
        councils.setdefault(row["agreement_id"], []).append(to_council(row))
    indicators: dict[int, list[Any]] = {}
    for row in session.execute(
        select(INDICATORS).order_by(INDICATORS.c.target_id, INDICATORS.c.position)
    ).mappings():
        indicators.setdefault(row["target_id"], []).append(to_indicator(row))
    targets: dict[int, list[Any]] = {}
    for row in session.execute(
        select(TARGETS, PRIORITIES.c.name.label("priority_name"))
        .outerjoin(PRIORITIES, PRIORITIES.c.id == TARGETS.c.priority_id)
        .order_by(TARGETS.c.agreement_id, TARGETS.c.position)
    ).mappings():
        targets.setdefault(row["agreement_id"], []).append(
            to_target(row, row["priority_name"], tuple(indicators.get(row["id"], ())))
        )
    found = []
    for row in session.execute(select(AGREEMENTS).order_by(AGREEMENTS.c.ref)).mappings():
        found.append(
            Agreement(
                ref=row["ref"],
                title=row["title"],
                generation=Generation(row["generation"]),
                councils=tuple(councils.get(row["id"], ())),
                period_start=row["period_start"],
                period_end=row["period_end"],
                status=AgreementStatus(row["status"]),
                net_budget_requirement=row["net_budget_requirement"],
                nbr_year=row["nbr_year"],
                reward_rate=row["reward_rate"],
                pot_rounding=PotRounding(row["pot_rounding"]),
                threshold=row["threshold"],
                cap=row["cap"],
                interim_fraction=row["interim_fraction"],
                capital_share=row["capital_share"],
                pump_priming_grant=row["pump_priming_grant"],
                targets=tuple(targets.get(row["id"], ())),
            )
        )
    return found


def read_all_outturns(session: Session) -> dict[str, list[Outturn]]:
    """Every outturn by agreement ref. Values are stored as their exact text and dates as
    ISO text, so the rows are read as they lie (the ORM's per-value conversion cost more
    than the query), through the driver's own cursor inside this unit of work."""
    found: dict[str, list[Outturn]] = {}
    driver = session.connection().connection.driver_connection
    assert driver is not None
    rows = driver.execute(
        "SELECT agreement_ref, indicator_ref, period, value, recorded_on, audited, note, "
        "internal_note FROM outturns ORDER BY id"
    ).fetchall()
    new = object.__new__
    for agreement, indicator, period, value, recorded, audited, note, internal in rows:
        # Outturn(...) made without the frozen dataclass's __init__ (seven object.__setattr__
        # calls; the portfolio reads 20,000): the same object, as a test holds.
        made = new(Outturn)
        made.__dict__.update(
            indicator_ref=indicator,
            period=period,
            value=Decimal(value),
            # SQLite's driver gives the ISO text; PostgreSQL's a date (a DATE column there).
            recorded_on=recorded if isinstance(recorded, date) else date.fromisoformat(recorded),
            audited=bool(audited),
            note=note,
            internal_note=internal,
        )
        found.setdefault(agreement, []).append(made)
    return found


def read_outturn_points(session: Session) -> dict[str, dict[str, list[tuple[str, Decimal]]]]:
    """Agreement ref → indicator ref → its outturns as (period label, value): all the
    portfolio needs. Four columns instead of eight, no outturn objects, and read through
    the driver's cursor as ``read_all_outturns`` is (a Core select costs twice as much here,
    most of it in the value column's type processor; the text is converted the same way)."""
    found: dict[str, dict[str, list[tuple[str, Decimal]]]] = {}
    driver = session.connection().connection.driver_connection
    assert driver is not None
    rows = driver.execute(
        "SELECT agreement_ref, indicator_ref, period, value FROM outturns ORDER BY id"
    ).fetchall()
    for agreement, indicator, period, value in rows:
        by_indicator = found.get(agreement)
        if by_indicator is None:
            by_indicator = found[agreement] = {}
        own = by_indicator.get(indicator)
        if own is None:
            own = by_indicator[indicator] = []
        own.append((period, Decimal(value)))
    return found
