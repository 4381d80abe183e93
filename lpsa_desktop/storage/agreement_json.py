"""An agreement as JSON text and back: the form snapshots are kept in (rounds, import
batches). Exact: Decimals are written as their text and read back as Decimals."""

from __future__ import annotations

import json
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.serialization import agreement_from_dict, agreement_to_dict


def agreement_to_json(agreement: Agreement) -> str:
    return json.dumps(
        agreement_to_dict(agreement), default=str, ensure_ascii=False, separators=(",", ":")
    )


def agreement_from_json(text: str) -> Agreement:
    return agreement_from_dict(json.loads(text, parse_float=Decimal))
