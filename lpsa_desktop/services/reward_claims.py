"""Reward claims and pump-priming spend: recorded one at a time (each an audited
transaction) and reviewed against the reward engine and the targets' allocations."""

from __future__ import annotations

from dataclasses import dataclass

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.delivery.claims import Claim, ClaimsReview, review_claims
from lpsa_desktop.domain.delivery.pump_priming import (
    PumpPrimingMonitor,
    SpendEntry,
    agreement_years,
    pump_priming_monitor,
)
from lpsa_desktop.domain.diff import Change
from lpsa_desktop.domain.money import format_money
from lpsa_desktop.domain.reward import compute_reward
from lpsa_desktop.errors import FieldProblem, InvalidValueError, NotFoundError
from lpsa_desktop.storage.store import Store


@dataclass(frozen=True)
class ClaimsView:
    agreement: Agreement
    claims: tuple[Claim, ...]
    review: ClaimsReview


def record_claim(store: Store, ref_or_council: str, claim: Claim, *, officer: str) -> ClaimsView:
    """Record (or replace) instalment N's claim. A claim above the entitlement is still
    recorded — it is a fact to be corrected — and the review reports it as an error."""
    if claim.instalment < 1:
        raise InvalidValueError(
            FieldProblem("claim instalment", str(claim.instalment), "1 or more")
        )
    if claim.amount <= 0:
        raise InvalidValueError(FieldProblem("claim amount", str(claim.amount), "more than £0"))
    with store.unit_of_work(write=True) as uow:
        ref = uow.agreements.resolve(ref_or_council)
        old = {c.instalment: c for c in uow.delivery.claims(ref)}.get(claim.instalment)
        uow.delivery.put_claim(ref, claim)
        uow.audit.record(
            ref,
            officer,
            "record claim",
            [
                Change(
                    "changed" if old else "added",
                    f"claim {claim.instalment}",
                    "amount",
                    format_money(old.amount, pence=True) if old else None,
                    format_money(claim.amount, pence=True),
                )
            ],
        )
    return claims_view(store, ref)


def remove_claim(store: Store, ref_or_council: str, instalment: int, *, officer: str) -> None:
    with store.unit_of_work(write=True) as uow:
        ref = uow.agreements.resolve(ref_or_council)
        if not uow.delivery.remove_claim(ref, instalment):
            raise NotFoundError(f"{ref} has no claim for instalment {instalment}")
        uow.audit.record(
            ref,
            officer,
            "remove claim",
            [Change("removed", f"claim {instalment}", None, None, None)],
        )


def claims_view(store: Store, ref_or_council: str) -> ClaimsView:
    with store.unit_of_work() as uow:
        ref = uow.agreements.resolve(ref_or_council)
        agreement = uow.agreements.get(ref)
        claims = tuple(uow.delivery.claims(ref))
    return ClaimsView(
        agreement, claims, review_claims(agreement, compute_reward(agreement), claims)
    )


def record_spend(store: Store, ref_or_council: str, entry: SpendEntry, *, officer: str) -> None:
    with store.unit_of_work(write=True) as uow:
        ref = uow.agreements.resolve(ref_or_council)
        agreement = uow.agreements.get(ref)
        if agreement.target(entry.target_ref) is None:
            known = ", ".join(t.ref for t in agreement.targets)
            raise NotFoundError(f"{ref} has no target {entry.target_ref!r} (it has {known})")
        years = agreement_years(agreement)
        if entry.financial_year not in years:
            raise InvalidValueError(
                FieldProblem(
                    f"{ref} pump-priming year", entry.financial_year, "one of " + ", ".join(years)
                )
            )
        for name, amount in (("budget", entry.budget), ("actual", entry.actual)):
            if amount is not None and amount < 0:
                raise InvalidValueError(
                    FieldProblem(f"pump-priming {name}", str(amount), "£0 or more")
                )
        stored = {(e.target_ref, e.financial_year): e for e in uow.delivery.spend(ref)}
        old = stored.get((entry.target_ref, entry.financial_year))
        if old is not None:  # an amount not given keeps the stored one
            entry = SpendEntry(
                entry.target_ref,
                entry.financial_year,
                old.budget if entry.budget is None else entry.budget,
                old.actual if entry.actual is None else entry.actual,
            )
        uow.delivery.put_spend(ref, entry)
        shown = [
            f"{name} {format_money(amount, pence=True)}"
            for name, amount in (("budget", entry.budget), ("actual", entry.actual))
            if amount is not None
        ]
        uow.audit.record(
            ref,
            officer,
            "record pump-priming spend",
            [
                Change(
                    "changed",
                    f"target {entry.target_ref}",
                    f"pump-priming {entry.financial_year}",
                    None,
                    ", ".join(shown) or "none",
                )
            ],
        )


def pump_priming_view(store: Store, ref_or_council: str) -> tuple[Agreement, PumpPrimingMonitor]:
    with store.unit_of_work() as uow:
        ref = uow.agreements.resolve(ref_or_council)
        agreement = uow.agreements.get(ref)
        entries = uow.delivery.spend(ref)
    return agreement, pump_priming_monitor(agreement, entries)
