"""Negotiation status of items: reading and setting it on an agreement, and the tally."""

from __future__ import annotations

import dataclasses
from collections import Counter

from lpsa_desktop.domain.agreement import Agreement, Target
from lpsa_desktop.domain.enums import NegotiationStatus
from lpsa_desktop.domain.meetings import ItemKind, ItemRef
from lpsa_desktop.errors import NotFoundError


def item_status(agreement: Agreement, item: ItemRef) -> NegotiationStatus:
    if item.kind is ItemKind.TARGET and (target := agreement.target(item.ref)):
        return target.negotiation
    if item.kind is ItemKind.INDICATOR and (found := agreement.find_indicator(item.ref)):
        return found[1].negotiation
    for freedom in agreement.freedoms:
        if item.kind is ItemKind.FREEDOM and freedom.ref == item.ref:
            return freedom.negotiation
    raise NotFoundError(f"{agreement.ref} has no {item}")


def with_item_status(agreement: Agreement, item: ItemRef, status: NegotiationStatus) -> Agreement:
    item_status(agreement, item)  # refuses an unknown item
    if item.kind is ItemKind.FREEDOM:
        freedoms = tuple(
            dataclasses.replace(f, negotiation=status) if f.ref == item.ref else f
            for f in agreement.freedoms
        )
        return dataclasses.replace(agreement, freedoms=freedoms)
    targets = tuple(_target_with_status(t, item, status) for t in agreement.targets)
    return dataclasses.replace(agreement, targets=targets)


def _target_with_status(target: Target, item: ItemRef, status: NegotiationStatus) -> Target:
    if item.kind is ItemKind.TARGET:
        return dataclasses.replace(target, negotiation=status) if target.ref == item.ref else target
    indicators = tuple(
        dataclasses.replace(i, negotiation=status) if i.ref == item.ref else i
        for i in target.indicators
    )
    return dataclasses.replace(target, indicators=indicators)


def status_tally(agreement: Agreement) -> dict[ItemKind, Counter[NegotiationStatus]]:
    """How many targets, indicators and freedoms stand open, agreed, parked or dropped."""
    indicators = [i for t in agreement.targets for i in t.indicators]
    return {
        ItemKind.TARGET: Counter(t.negotiation for t in agreement.targets),
        ItemKind.INDICATOR: Counter(i.negotiation for i in indicators),
        ItemKind.FREEDOM: Counter(f.negotiation for f in agreement.freedoms),
    }
