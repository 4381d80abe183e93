"""What two laptops can share of an agreement, and its content hash.

Internal content (internal notes) stays on the laptop that wrote it unless an officer asks
otherwise, so the state two sides are said to *share* is always the agreement without it:
the same negotiated position hashes the same on both laptops whatever notes each keeps.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from decimal import Decimal
from typing import Any

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.serialization import agreement_to_dict


def without_internal(agreement: Agreement) -> Agreement:
    """``agreement`` with every internal note emptied (what a package carries by default)."""
    targets = tuple(dataclasses.replace(t, internal_notes="") for t in agreement.targets)
    freedoms = tuple(dataclasses.replace(f, internal_notes="") for f in agreement.freedoms)
    return dataclasses.replace(agreement, internal_notes="", targets=targets, freedoms=freedoms)


def canonical_json(data: Any) -> bytes:
    """Sorted keys, no spaces, Decimals as their exact text: equal data, equal bytes."""
    return json.dumps(
        data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_exact
    ).encode("utf-8")


def state_hash(agreement: Agreement) -> str:
    """SHA-256 (hex) of the shared part of ``agreement`` as canonical JSON."""
    return hashlib.sha256(
        canonical_json(agreement_to_dict(without_internal(agreement)))
    ).hexdigest()


def _exact(value: object) -> str:
    if isinstance(value, Decimal):
        return f"{value:f}"
    raise TypeError(f"{type(value).__name__} is not JSON")
