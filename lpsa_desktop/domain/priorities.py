"""The seven shared priorities agreed by Government and the LGA in July 2002 [PN-2002-07].

Short forms as PublicNet listed them (the sourced wording); local priorities are any other
text an agreement uses.
"""

from __future__ import annotations

SHARED_PRIORITIES: tuple[str, ...] = (
    "Raising standards in schools",
    "Improving the quality of life of children, young people, families at risk and older people",
    "Promoting healthier communities",
    "Creating safer and stronger communities",
    "Transforming the local environment",
    "Meeting transport needs more effectively",
    "Promoting the economic vitality of localities",
)


def is_shared_priority(name: str) -> bool:
    return name.strip().casefold() in {p.casefold() for p in SHARED_PRIORITIES}
