"""A column of numbers read at once: the number columns of a big return are most of its
cells, and their values repeat (baselines, targets, the same allocation down a target)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from lpsa_desktop.importing.cell_numbers import Raw, float_decimal, plain


def decimal_column(
    cells: Sequence[Raw], distinct: set[Raw], empty: Any, memory: dict[Raw, Decimal]
) -> list[Any]:
    """``cells`` (floats and empty text; ``distinct`` holds each once) as the Decimals
    ``parse_number`` reads, each distinct float converted once: ``memory`` keeps them for
    the table's other number columns and batches, where the same values come back. Zeros
    stay out of it: 0.0 == -0.0, but they read as 0 and -0."""
    memory.update({c: float_decimal(c) for c in distinct - memory.keys() if c})  # type: ignore[arg-type]
    known: dict[Raw, Any] = {c: memory[c] for c in distinct if c}
    if 0.0 not in distinct:  # the usual column: every cell looked up, in one call
        known[""] = empty
        return list(map(known.__getitem__, cells))
    return [known[c] if c else empty if c == "" else float_decimal(c) for c in cells]  # type: ignore[arg-type]


def percentages_as_shown(
    values: list[Any], cells: Sequence[Raw], places: list[int], memory: dict[Raw, Decimal]
) -> None:
    """Make the cells formatted as percentages read as shown: 0.45 → 45 (in ``values``,
    read by ``decimal_column``). ``places``: where in ``cells`` they are; ``memory``: the
    floats already scaled (zeros stay out of it, as in ``decimal_column``)."""
    for n in places:
        if (raw := cells[n]) == "":
            continue
        value = memory.get(raw) if raw else None
        if value is None:
            value = plain(values[n].scaleb(2))
            if raw:
                memory[raw] = value
        values[n] = value
