"""How the command line shows values: the British way, with the indicator's own decimals."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

# indicator_value lives in the domain (the PDF needs it too); re-exported for the CLI.
from lpsa_desktop.domain.display import indicator_value

__all__ = ["clip", "indicator_value", "percent"]


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def percent(fraction: Decimal | None) -> str:
    if fraction is None:
        return "–"
    return f"{(fraction * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"
