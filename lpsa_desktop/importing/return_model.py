"""What was read from a return, before it meets the store: rows as field values with their
places in the file, and the rows that could not be read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from lpsa_desktop.domain.enums import Generation
from lpsa_desktop.importing.cell_numbers import Raw
from lpsa_desktop.importing.column_mapping import ColumnMapping
from lpsa_desktop.importing.issues import ImportIssue
from lpsa_desktop.importing.periods_sheet import PeriodsRead


@dataclass
class IndicatorEntry:
    """One indicator row. ``values`` holds only the fields the file has columns for (a
    column missing from the file leaves the stored value alone)."""

    row: int
    target_ref: str
    ref: str
    values: dict[str, Any]
    stated_enhancement: Decimal | None = None
    ref_given: bool = True
    """False when the row left the indicator ref empty (it then takes the target's)."""
    raw: list[Raw] = field(default_factory=list)
    """The row as written, for the rejects workbook if the indicator is refused later."""


@dataclass
class TargetEntry:
    ref: str
    council: str | None
    first_row: int
    values: dict[str, Any] = field(default_factory=dict)
    value_rows: dict[str, int] = field(default_factory=dict)
    """Target field → the row its value was taken from (for messages about conflicts)."""
    indicators: list[IndicatorEntry] = field(default_factory=list)


@dataclass
class FreedomEntry:
    row: int
    ref: str
    council: str | None
    values: dict[str, Any]


@dataclass
class RejectedRow:
    sheet: str
    row: int
    values: list[Raw]
    reasons: list[str]


@dataclass
class TableRead:
    """A targets or freedoms sheet as read: its mapping, entries, issues and rejects."""

    sheet: str
    mapping: ColumnMapping
    header: list[Raw]
    targets: list[TargetEntry] = field(default_factory=list)
    freedoms: list[FreedomEntry] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    issues: list[ImportIssue] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_columns: list[int] = field(default_factory=list)
    has_formats: bool = True


@dataclass
class AgreementFields:
    """The Agreement sheet's label/value pairs that were found (None: not given)."""

    council: str | None = None
    council_code: str | None = None
    ref: str | None = None
    title: str | None = None
    generation: Generation | None = None
    period_start: date | None = None
    period_end: date | None = None
    net_budget_requirement: Decimal | None = None
    reward_rate: Decimal | None = None
    pump_priming_grant: Decimal | None = None
    population: int | None = None


@dataclass
class CouncilReturn:
    """A whole return as read from one file."""

    file: str
    sha256: str
    targets_table: TableRead
    freedoms_table: TableRead | None
    agreement: AgreementFields
    agreement_sheet: str | None
    ignored_sheets: list[str]
    hidden_sheets: list[str]
    issues: list[ImportIssue]
    saved_mapping_layout: str
    periods: PeriodsRead | None = None
    """The Periods sheet (outturns over time), if the return has one."""

    @property
    def rejected(self) -> list[RejectedRow]:
        rows = list(self.targets_table.rejected)
        if self.freedoms_table:
            rows += self.freedoms_table.rejected
        return rows

    def all_issues(self) -> list[ImportIssue]:
        found = list(self.issues) + self.targets_table.issues
        if self.freedoms_table:
            found += self.freedoms_table.issues
        if self.periods:
            found += self.periods.issues
        return found
