"""Short, stable, readable agreement refs: 'bath-ne-somerset-lpsa1'."""

from __future__ import annotations

import re
from collections.abc import Collection

_DROP = {"council", "the", "and", "borough", "county", "city", "metropolitan", "district"}
_SHORT = {"north": "n", "south": "s", "east": "e", "west": "w"}


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def make_agreement_ref(council: str, generation: str, taken: Collection[str] = ()) -> str:
    """'Bath and North East Somerset Council', 'LPSA1' → 'bath-ne-somerset-lpsa1' (then -2, -3…)."""
    words = [w for w in slugify(council).split("-") if w and w not in _DROP]
    short: list[str] = []
    i = 0
    while i < len(words):
        pair = words[i : i + 2]
        if len(pair) == 2 and all(w in _SHORT for w in pair):
            short.append(_SHORT[pair[0]] + _SHORT[pair[1]])  # "north east" → "ne"
            i += 2
        else:
            short.append(words[i])
            i += 1
    base = "-".join([*short, slugify(generation)]) or "agreement"
    ref, n = base, 2
    while ref in taken:
        ref, n = f"{base}-{n}", n + 1
    return ref
