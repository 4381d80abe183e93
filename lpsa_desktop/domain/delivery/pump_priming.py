"""The pump-priming monitor: per target, the grant allocated, spend by year, the final
year's budget and actual, and the balance unspent — the columns of the B&NES funding
monitor [BANES-2006-12]."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.money import ZERO
from lpsa_desktop.domain.periods import financial_year_label, financial_year_start


@dataclass(frozen=True)
class SpendEntry:
    target_ref: str
    financial_year: str
    budget: Decimal | None = None
    actual: Decimal | None = None


@dataclass(frozen=True)
class PumpPrimingLine:
    target_ref: str
    title: str
    allocated: Decimal | None
    spent: tuple[Decimal | None, ...]
    """Actual spend in each year before the final one (in ``PumpPrimingMonitor.years``)."""
    final_budget: Decimal | None
    final_actual: Decimal | None

    @property
    def total_spent(self) -> Decimal:
        return sum((s for s in (*self.spent, self.final_actual) if s is not None), ZERO)

    @property
    def balance(self) -> Decimal:
        """Allocated − spent: what is left unspent (negative when overspent)."""
        return (self.allocated or ZERO) - self.total_spent


@dataclass(frozen=True)
class PumpPrimingMonitor:
    years: tuple[str, ...]
    """The agreement's financial years; the last is the final year."""
    grant: Decimal | None
    lines: tuple[PumpPrimingLine, ...]
    unknown_targets: tuple[str, ...]
    """Targets named by spend entries that the agreement no longer has."""

    @property
    def total_allocated(self) -> Decimal:
        return sum((line.allocated or ZERO for line in self.lines), ZERO)

    @property
    def total_spent(self) -> Decimal:
        return sum((line.total_spent for line in self.lines), ZERO)

    @property
    def total_balance(self) -> Decimal:
        return self.total_allocated - self.total_spent


def agreement_years(agreement: Agreement) -> tuple[str, ...]:
    first = financial_year_start(agreement.period_start)
    last = financial_year_start(agreement.period_end)
    return tuple(financial_year_label(y) for y in range(first, last + 1))


def pump_priming_monitor(agreement: Agreement, entries: Iterable[SpendEntry]) -> PumpPrimingMonitor:
    years = agreement_years(agreement)
    by_key = {(e.target_ref, e.financial_year): e for e in entries}
    refs = {t.ref for t in agreement.targets}
    lines = []
    for target in agreement.targets:
        if target.reserve and target.pump_priming is None:
            continue
        spent = tuple(
            (e.actual if (e := by_key.get((target.ref, y))) else None) for y in years[:-1]
        )
        final = by_key.get((target.ref, years[-1])) if years else None
        lines.append(
            PumpPrimingLine(
                target.ref,
                target.title,
                target.pump_priming,
                spent,
                final.budget if final else None,
                final.actual if final else None,
            )
        )
    unknown = tuple(sorted({ref for ref, _ in by_key if ref not in refs}))
    return PumpPrimingMonitor(years, agreement.pump_priming_grant, tuple(lines), unknown)
