"""A short fingerprint of an agreement's terms, printed on every page of the document.

Two printouts with the same fingerprint state the same terms, whenever and wherever they
were printed. It hashes the canonical JSON of ``agreement_to_dict`` without what is not a
term of the agreement: the negotiation status (a draft and the signed copy of the same
terms should match) and the monitoring data that arrives after signing (outturns, interim
outturns, delivery of freedoms). Numbers are normalised (67, 67.0 and 67.00 are one value)
so that the fingerprint does not depend on how a value was typed or stored.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.serialization import agreement_to_dict

FINGERPRINT_LENGTH = 12
_NOT_TERMS = frozenset({"status", "actual", "interim_actual", "delivered"})
# Rates and weights arrive from agreement_to_dict as text ('0.60'); read them as numbers.
_NUMBER_TEXT = frozenset(
    {"reward_rate", "threshold", "cap", "interim_fraction", "capital_share", "weight"}
)


def agreement_fingerprint(agreement: Agreement) -> str:
    """First 12 hex digits of the SHA-256 of the agreement's terms as canonical JSON."""
    terms = _terms(agreement_to_dict(agreement))
    canonical = json.dumps(terms, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def _terms(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: _number(Decimal(v)) if k in _NUMBER_TEXT and isinstance(v, str) else _terms(v)
            for k, v in value.items()
            if k not in _NOT_TERMS
        }
    if isinstance(value, list):
        return [_terms(v) for v in value]
    if isinstance(value, Decimal):
        return _number(value)
    return value


def _number(value: Decimal) -> str:
    """One spelling per number: Decimal('67.0') and Decimal('67') both give '67'."""
    if value == 0:
        return "0"
    return f"{value.normalize():f}"
