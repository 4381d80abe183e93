"""The demo agreement a new user can try (shipped as JSON in the package's resources)."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from importlib import resources

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.serialization import agreement_from_dict
from lpsa_desktop.services.agreement_editing import create_agreement
from lpsa_desktop.storage.store import Store

DEMO_RESOURCE = "demo_agreement.json"


def demo_agreement() -> Agreement:
    text = resources.files("lpsa_desktop.resources").joinpath(DEMO_RESOURCE).read_text("utf-8")
    return agreement_from_dict(json.loads(text, parse_float=Decimal))


def add_demo_agreement(store: Store, *, officer: str) -> str:
    """Add the demo agreement (under a fresh ref if it is there already); returns its ref."""
    agreement = demo_agreement()
    with store.unit_of_work() as uow:
        taken = uow.agreements.refs()
    ref, n = agreement.ref, 2
    while ref in taken:
        ref, n = f"{agreement.ref}-{n}", n + 1
    create_agreement(store, dataclasses.replace(agreement, ref=ref), officer=officer)
    return ref


def ensure_demo_agreement(store: Store, *, officer: str) -> str | None:
    """Add the demo only to an empty store (what ``--demo`` on first start means)."""
    with store.unit_of_work() as uow:
        if uow.agreements.refs():
            return None
    return add_demo_agreement(store, officer=officer)
