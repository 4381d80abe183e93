"""When a result worked out for one value may stand for another (the memos of validation and
the reward): equal, and written alike."""

from __future__ import annotations

from decimal import Decimal


def written_alike(old: object, new: object) -> bool:
    """Equal and written alike: results quote and carry values, and Decimal('150') ==
    Decimal('150.0') although one shows as 150 and the other as 150.0."""
    if old is new:
        return True
    if isinstance(old, Decimal) and isinstance(new, Decimal):
        return old.as_tuple() == new.as_tuple()
    return type(old) is type(new) and old == new
