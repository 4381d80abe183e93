"""Reward claims against the reward engine's entitlement, and the pump-priming monitor."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.delivery.claims import Claim, review_claims
from lpsa_desktop.domain.delivery.pump_priming import SpendEntry, pump_priming_monitor
from lpsa_desktop.domain.enums import Generation, Severity
from lpsa_desktop.domain.reward import compute_reward
from lpsa_desktop.services.agreement_editing import create_agreement
from lpsa_desktop.services.reward_claims import claims_view, record_claim
from lpsa_desktop.storage.store import Store
from tests.core.domain.builders import D, agreement, indicator, target


def _middlesbrough(actual: str) -> Agreement:
    """An LPSA2 of 2006–09 whose pot is £4,104,200 (2.5% of £164,168,000), 50/50 capital."""
    made = agreement(
        target("1", indicator("1", without="50", with_="60", actual=actual)),
        nbr="164168000",
        end=date(2009, 3, 31),
        capital_share="0.5",
        generation=Generation.LPSA2,
    )
    return dataclasses.replace(made, ref="middlesbrough-lpsa2")


# Middlesbrough's LPSA2 claims to DCLG [MBRO-LPSA2]: Dec 2008 and Oct 2009, not equal halves.
MBRO_CLAIMS = (
    Claim(1, date(2008, 12, 1), D("1920379"), D("960189.50"), D("960189.50"), audited=True),
    Claim(2, date(2009, 10, 1), D("1198809.50"), D("599404.75"), D("599404.75"), audited=True),
)


def test_middlesbroughs_two_unequal_claims_are_within_its_entitlement() -> None:
    lpsa2 = _middlesbrough("57.6")  # 76% of the enhancement: entitled to £3,119,192
    review = review_claims(lpsa2, compute_reward(lpsa2), MBRO_CLAIMS)
    assert review.claimed == D("3119188.50")
    assert review.fraction_of_pot is not None and round(review.fraction_of_pot, 2) == D("0.76")
    assert review.schedule == ()  # claim-based: no fixed instalments
    assert not review.has_errors
    assert [str(c) for c in review.checks] == [
        "warning: £3.50 of the entitlement of £3,119,192.00 is not claimed yet"
    ]


def test_claims_above_the_entitlement_are_an_error_on_the_claim_that_passes_it() -> None:
    lpsa2 = _middlesbrough("57")  # 70%: £2,872,940
    review = review_claims(lpsa2, compute_reward(lpsa2), MBRO_CLAIMS)
    errors = [c for c in review.checks if c.severity is Severity.ERROR]
    assert [(c.instalment, c.message) for c in errors] == [
        (
            2,
            "takes the claims to £3,119,188.50, above the entitlement of £2,872,940.00 by "
            "£246,248.50",
        )
    ]


def test_capital_and_revenue_must_add_up_and_follow_the_share() -> None:
    lpsa2 = _middlesbrough("60")
    claims = [
        Claim(1, date(2009, 6, 1), D("1000"), D("600"), D("300")),
        Claim(2, date(2009, 7, 1), D("1000"), D("700"), D("300"), paid_on=date(2009, 6, 1)),
    ]
    checks = [str(c) for c in review_claims(lpsa2, compute_reward(lpsa2), claims).checks]
    assert (
        "error: instalment 1: capital £600.00 + revenue £300.00 = £900.00, not the £1,000.00 claimed"
        in checks
    )
    assert (
        "warning: instalment 2: capital is £700.00; the agreement's capital share makes it £500.00"
        in checks
    )
    assert "error: instalment 2: paid on 01/06/2009, before it was claimed on 01/07/2009" in checks
    assert "warning: instalment 2: paid, but the claim is not audited" in checks


def test_lpsa1_claims_follow_its_two_equal_instalments() -> None:
    lpsa1 = agreement(target("1", indicator("1", actual="60")))  # all of £3,577,950
    reward = compute_reward(lpsa1)
    claims = [Claim(1, date(2006, 9, 1), D("1788975")), Claim(2, date(2007, 9, 1), D("1800000"))]
    review = review_claims(lpsa1, reward, claims)
    assert review.schedule == ((1, "2006/07", D("1788975.00")), (2, "2007/08", D("1788975.00")))
    assert [str(c) for c in review.checks] == [
        "error: instalment 2: £1,800,000.00 claimed is above the instalment due "
        "(£1,788,975.00) by £11,025.00"
    ]
    under = [
        claims[0],
        Claim(2, date(2007, 9, 1), D("1700000")),
        Claim(3, date(2008, 1, 1), D("1")),
    ]
    checks = [str(c) for c in review_claims(lpsa1, reward, under).checks]
    assert checks[0].startswith("warning: instalment 2: £1,700,000.00 claimed is below")
    assert checks[1].startswith("error: instalment 3: LPSA1 pays 2 instalment(s)")


@pytest.mark.both_engines
def test_claims_are_stored_and_reviewed(store: Store) -> None:
    lpsa2 = _middlesbrough("57.6")
    create_agreement(store, lpsa2, officer="T")
    for claim in MBRO_CLAIMS:
        view = record_claim(store, "middlesbrough-lpsa2", claim, officer="T")
    assert view.claims == MBRO_CLAIMS
    assert claims_view(store, "Test Council").review.claimed == D("3119188.50")


def test_the_pump_priming_monitor_has_the_banes_columns() -> None:
    made = agreement(target("1"), target("2"), target("3"))
    made = dataclasses.replace(
        made,
        pump_priming_grant=D("300000"),
        targets=tuple(
            dataclasses.replace(t, pump_priming=D(amount))
            for t, amount in zip(made.targets, ("100000", "150000", "50000"), strict=True)
        ),
    )
    entries = [
        SpendEntry("1", "2003/04", actual=D("30000")),
        SpendEntry("1", "2004/05", actual=D("40000")),
        SpendEntry("1", "2005/06", budget=D("30000"), actual=D("25000")),
        SpendEntry("2", "2005/06", budget=D("160000"), actual=D("160000")),
        SpendEntry("9", "2004/05", actual=D("1")),
    ]
    monitor = pump_priming_monitor(made, entries)
    assert monitor.years == ("2003/04", "2004/05", "2005/06")
    one, two, three = monitor.lines
    assert one.spent == (D(30000), D(40000)) and (one.final_budget, one.final_actual) == (
        D(30000),
        D(25000),
    )
    assert one.balance == D(5000)
    assert two.balance == D(-10000)  # overspent
    assert three.balance == D(50000) and three.spent == (None, None)
    assert monitor.total_balance == D(45000)
    assert monitor.unknown_targets == ("9",)
