"""Schema 5: delivery monitoring. Its tables, and the single outturn of older stores carried
over as the end period's value.

Kept in a module of its own (with its DDL written out, not taken from the models) so that
the step stays what schema 5 was, whatever the models become later.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, text

from lpsa_desktop.domain.delivery.reporting_periods import DEFAULT_FREQUENCY, reporting_periods
from lpsa_desktop.storage import orm_delivery  # noqa: F401  # registers the tables for create_all
from lpsa_desktop.storage.orm import Base

CARRIED_OVER = "carried over from the single outturn when the store was upgraded (schema 5)"

TABLE_NAMES = ("reporting_plans", "outturns", "reward_claims", "pump_priming_spend")
_TABLES = (
    """CREATE TABLE reporting_plans (
	agreement_ref VARCHAR NOT NULL, frequency VARCHAR NOT NULL,
	CONSTRAINT pk_reporting_plans PRIMARY KEY (agreement_ref))""",
    """CREATE TABLE outturns (
	id INTEGER NOT NULL, agreement_ref VARCHAR NOT NULL, indicator_ref VARCHAR NOT NULL,
	period VARCHAR NOT NULL, value VARCHAR(40) NOT NULL, recorded_on DATE NOT NULL,
	audited BOOLEAN NOT NULL, note TEXT NOT NULL, internal_note TEXT NOT NULL,
	CONSTRAINT pk_outturns PRIMARY KEY (id),
	CONSTRAINT uq_outturns_agreement_ref UNIQUE (agreement_ref, indicator_ref, period))""",
    "CREATE INDEX ix_outturns_agreement_ref ON outturns (agreement_ref)",
    """CREATE TABLE reward_claims (
	id INTEGER NOT NULL, agreement_ref VARCHAR NOT NULL, instalment INTEGER NOT NULL,
	claimed_on DATE NOT NULL, amount INTEGER NOT NULL, capital INTEGER, revenue INTEGER,
	audited BOOLEAN NOT NULL, paid_on DATE, note TEXT NOT NULL,
	CONSTRAINT pk_reward_claims PRIMARY KEY (id),
	CONSTRAINT uq_reward_claims_agreement_ref UNIQUE (agreement_ref, instalment))""",
    "CREATE INDEX ix_reward_claims_agreement_ref ON reward_claims (agreement_ref)",
    """CREATE TABLE pump_priming_spend (
	id INTEGER NOT NULL, agreement_ref VARCHAR NOT NULL, target_ref VARCHAR NOT NULL,
	financial_year VARCHAR NOT NULL, budget INTEGER, actual INTEGER,
	CONSTRAINT pk_pump_priming_spend PRIMARY KEY (id),
	CONSTRAINT uq_pump_priming_spend_agreement_ref
		UNIQUE (agreement_ref, target_ref, financial_year))""",
    "CREATE INDEX ix_pump_priming_spend_agreement_ref ON pump_priming_spend (agreement_ref)",
)

_OLD_OUTTURNS = text(
    """SELECT a.ref, a.period_start, a.period_end, a.updated_at, i.ref, i.actual,
              i.interim_period, i.interim_actual
       FROM indicators i JOIN targets t ON t.id = i.target_id
       JOIN agreements a ON a.id = t.agreement_id
       WHERE i.actual IS NOT NULL OR i.interim_actual IS NOT NULL"""
)
_INSERT = text(
    """INSERT INTO outturns (agreement_ref, indicator_ref, period, value, recorded_on,
                             audited, note, internal_note)
       VALUES (:agreement, :indicator, :period, :value, :recorded_on, 0, '', :why)"""
)


def add_delivery_monitoring(connection: Connection) -> None:
    """Today's outturn becomes the end period's value (and an interim outturn the value of
    its period, when that is one of the reporting years). It is recorded as provisional:
    the old store did not say whether it was audited, and the indicator's actual, which the
    reward uses, is left exactly as it was."""
    if connection.dialect.name == "postgresql":
        # As the other steps: PostgreSQL takes the tables' text from the models (SERIAL keys).
        for name in TABLE_NAMES:
            Base.metadata.tables[name].create(connection)
    else:
        for statement in _TABLES:
            connection.exec_driver_sql(statement)
    rows = []
    for (
        agreement,
        start,
        end,
        updated,
        indicator,
        actual,
        interim_period,
        interim,
    ) in connection.execute(_OLD_OUTTURNS).all():
        periods = reporting_periods(_day(start), _day(end), DEFAULT_FREQUENCY)
        recorded = str(updated)[:10]
        values = {}
        if interim is not None and interim_period in {p.label for p in periods[:-1]}:
            values[interim_period] = interim
        if actual is not None and periods:
            values[periods[-1].label] = actual
        rows += [
            {
                "agreement": agreement,
                "indicator": indicator,
                "period": period,
                "value": value,
                "recorded_on": recorded,
                "why": CARRIED_OVER,
            }
            for period, value in values.items()
        ]
    if rows:
        connection.execute(_INSERT, rows)


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
