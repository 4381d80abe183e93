"""Edits used by the negotiation tests, as an officer would make them."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement


def set_with(agreement: Agreement, indicator_ref: str, value: str) -> Agreement:
    targets = []
    for target in agreement.targets:
        indicators = tuple(
            dataclasses.replace(i, with_=Decimal(value)) if i.ref == indicator_ref else i
            for i in target.indicators
        )
        targets.append(dataclasses.replace(target, indicators=indicators))
    return dataclasses.replace(agreement, targets=tuple(targets))


def drop_target(agreement: Agreement, ref: str) -> Agreement:
    return dataclasses.replace(
        agreement, targets=tuple(t for t in agreement.targets if t.ref != ref)
    )


def promote_reserve(agreement: Agreement, reserve_ref: str, new_ref: str) -> Agreement:
    """The reserve target comes in under a new number (its indicator keeps its ref)."""
    targets = tuple(
        dataclasses.replace(t, ref=new_ref, reserve=False) if t.ref == reserve_ref else t
        for t in agreement.targets
    )
    return dataclasses.replace(agreement, targets=targets)
