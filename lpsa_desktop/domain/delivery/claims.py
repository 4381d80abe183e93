"""Reward claims, instalment by instalment, checked against the reward engine's entitlement.

- LPSA1 pays on a schedule (Schedule 4): the payment on account (if any) and two equal
  instalments; claim N is checked against scheduled payment N.
- LPSA2 pays on audited claims, in instalments of whatever size (Middlesbrough claimed
  £1,920,379 and then £1,198,809.50 [MBRO-LPSA2]); the running total of claims is checked
  against the whole entitlement.

A claim above its entitlement is an error; a total below it is a warning (money left
unclaimed). Capital and revenue parts must add up to the claim, and are expected to follow
the agreement's capital share (LPSA2: 50/50).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import Generation, Severity
from lpsa_desktop.domain.money import ZERO, format_money, round_pence
from lpsa_desktop.domain.periods import format_date
from lpsa_desktop.domain.reward import RewardResult


@dataclass(frozen=True)
class Claim:
    instalment: int
    claimed_on: date
    amount: Decimal
    capital: Decimal | None = None
    revenue: Decimal | None = None
    audited: bool = False
    paid_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class ClaimCheck:
    severity: Severity
    instalment: int | None
    message: str

    def __str__(self) -> str:
        where = f"instalment {self.instalment}: " if self.instalment is not None else ""
        return f"{self.severity.value}: {where}{self.message}"


@dataclass(frozen=True)
class ClaimsReview:
    pot: Decimal
    entitlement: Decimal
    claimed: Decimal
    schedule: tuple[tuple[int, str, Decimal], ...]
    """LPSA1: (instalment, financial year, amount due); empty for LPSA2 (claim-based)."""
    checks: tuple[ClaimCheck, ...]

    @property
    def fraction_of_pot(self) -> Decimal | None:
        return self.claimed / self.pot if self.pot else None

    @property
    def has_errors(self) -> bool:
        return any(c.severity is Severity.ERROR for c in self.checks)


def review_claims(
    agreement: Agreement, reward: RewardResult, claims: Sequence[Claim]
) -> ClaimsReview:
    ordered = sorted(claims, key=lambda c: c.instalment)
    checks = [check for claim in ordered for check in _claim_checks(agreement, claim)]
    claimed = sum((c.amount for c in ordered), ZERO)
    entitlement = round_pence(reward.total_earned)
    schedule: tuple[tuple[int, str, Decimal], ...] = ()
    if agreement.generation is Generation.LPSA1:
        schedule = tuple(
            (n, p.financial_year, round_pence(p.amount))
            for n, p in enumerate(reward.payments, start=1)
        )
        checks += _scheduled_checks(ordered, schedule)
    else:
        checks += _running_total_checks(ordered, entitlement)
    if claimed < entitlement:
        checks.append(
            ClaimCheck(
                Severity.WARNING,
                None,
                f"{format_money(entitlement - claimed, pence=True)} of the entitlement of "
                f"{format_money(entitlement, pence=True)} is not claimed yet",
            )
        )
    return ClaimsReview(reward.pot, entitlement, claimed, schedule, tuple(checks))


def _claim_checks(agreement: Agreement, claim: Claim) -> list[ClaimCheck]:
    found: list[ClaimCheck] = []
    n = claim.instalment
    if claim.amount <= 0:
        found.append(ClaimCheck(Severity.ERROR, n, "the amount claimed must be more than £0"))
    if claim.capital is not None and claim.revenue is not None:
        parts = claim.capital + claim.revenue
        if parts != claim.amount:
            found.append(
                ClaimCheck(
                    Severity.ERROR,
                    n,
                    f"capital {format_money(claim.capital, pence=True)} + revenue "
                    f"{format_money(claim.revenue, pence=True)} = "
                    f"{format_money(parts, pence=True)}, not the "
                    f"{format_money(claim.amount, pence=True)} claimed",
                )
            )
        elif agreement.capital_share is not None:
            expected = round_pence(claim.amount * agreement.capital_share)
            if abs(claim.capital - expected) > Decimal("0.01"):
                found.append(
                    ClaimCheck(
                        Severity.WARNING,
                        n,
                        f"capital is {format_money(claim.capital, pence=True)}; the "
                        f"agreement's capital share makes it "
                        f"{format_money(expected, pence=True)}",
                    )
                )
    if claim.paid_on is not None:
        if claim.paid_on < claim.claimed_on:
            found.append(
                ClaimCheck(
                    Severity.ERROR,
                    n,
                    f"paid on {format_date(claim.paid_on)}, before it was claimed on "
                    f"{format_date(claim.claimed_on)}",
                )
            )
        if not claim.audited:
            found.append(ClaimCheck(Severity.WARNING, n, "paid, but the claim is not audited"))
    return found


def _scheduled_checks(
    claims: Sequence[Claim], schedule: tuple[tuple[int, str, Decimal], ...]
) -> list[ClaimCheck]:
    due = {n: amount for n, _year, amount in schedule}
    found: list[ClaimCheck] = []
    for claim in claims:
        entitled = due.get(claim.instalment)
        if entitled is None:
            found.append(
                ClaimCheck(
                    Severity.ERROR,
                    claim.instalment,
                    f"LPSA1 pays {len(schedule)} instalment(s) on this result; there is no "
                    f"instalment {claim.instalment}",
                )
            )
        elif claim.amount > entitled:
            found.append(_above(claim, entitled, "the instalment due"))
        elif claim.amount < entitled:
            found.append(_below(claim, entitled))
    return found


def _running_total_checks(claims: Sequence[Claim], entitlement: Decimal) -> list[ClaimCheck]:
    found: list[ClaimCheck] = []
    running = ZERO
    for claim in claims:
        running += claim.amount
        if running > entitlement:
            found.append(
                ClaimCheck(
                    Severity.ERROR,
                    claim.instalment,
                    f"takes the claims to {format_money(running, pence=True)}, above the "
                    f"entitlement of {format_money(entitlement, pence=True)} by "
                    f"{format_money(running - entitlement, pence=True)}",
                )
            )
    return found


def _above(claim: Claim, entitled: Decimal, what: str) -> ClaimCheck:
    return ClaimCheck(
        Severity.ERROR,
        claim.instalment,
        f"{format_money(claim.amount, pence=True)} claimed is above {what} "
        f"({format_money(entitled, pence=True)}) by "
        f"{format_money(claim.amount - entitled, pence=True)}",
    )


def _below(claim: Claim, entitled: Decimal) -> ClaimCheck:
    return ClaimCheck(
        Severity.WARNING,
        claim.instalment,
        f"{format_money(claim.amount, pence=True)} claimed is below the instalment due "
        f"({format_money(entitled, pence=True)}) by "
        f"{format_money(entitled - claim.amount, pence=True)}",
    )
