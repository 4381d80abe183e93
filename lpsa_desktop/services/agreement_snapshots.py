"""An agreement as JSON text and back, exactly (Decimals as strings), for import batches."""

from __future__ import annotations

import json
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.serialization import agreement_from_dict, agreement_to_dict


def agreement_json(agreement: Agreement) -> str:
    return json.dumps(agreement_to_dict(agreement), default=_exact, separators=(",", ":"))


def agreement_from_json(text: str) -> Agreement:
    return agreement_from_dict(json.loads(text, parse_float=Decimal))


def _exact(value: object) -> str:
    if isinstance(value, Decimal):
        return f"{value:f}"
    raise TypeError(f"{type(value).__name__} is not JSON")
