"""What still stands under negotiation when an agreement is about to be signed."""

from __future__ import annotations

import dataclasses

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import AgreementStatus, NegotiationStatus
from lpsa_desktop.domain.settled import unsettled_reasons
from lpsa_desktop.services.demo import demo_agreement


def settled(agreement: Agreement) -> Agreement:
    """Every item agreed and the agreement provisionally agreed."""
    agreed = NegotiationStatus.AGREED
    targets = tuple(
        dataclasses.replace(
            t,
            negotiation=agreed,
            indicators=tuple(dataclasses.replace(i, negotiation=agreed) for i in t.indicators),
        )
        for t in agreement.targets
    )
    freedoms = tuple(dataclasses.replace(f, negotiation=agreed) for f in agreement.freedoms)
    return dataclasses.replace(
        agreement,
        targets=targets,
        freedoms=freedoms,
        status=AgreementStatus.PROVISIONALLY_AGREED,
    )


def test_a_negotiating_agreement_with_open_items_names_each_reason() -> None:
    demo = demo_agreement()
    reasons = unsettled_reasons(demo)
    assert (
        reasons[0] == "The agreement's status is “negotiating”, not provisionally agreed or signed."
    )
    targets, indicators = len(demo.targets), sum(len(t.indicators) for t in demo.targets)
    assert reasons[1].startswith(f"{targets} targets, {indicators} indicators and ")
    assert reasons[1].endswith(" are still open.")


def test_a_settled_agreement_has_no_reasons_and_one_parked_target_is_named() -> None:
    ready = settled(demo_agreement())
    assert unsettled_reasons(ready) == []
    first = dataclasses.replace(ready.targets[0], negotiation=NegotiationStatus.PARKED)
    parked = dataclasses.replace(ready, targets=(first, *ready.targets[1:]))
    assert unsettled_reasons(parked) == ["1 target is still parked."]
    dropped = dataclasses.replace(first, negotiation=NegotiationStatus.DROPPED)
    assert (
        unsettled_reasons(dataclasses.replace(ready, targets=(dropped, *ready.targets[1:]))) == []
    )
