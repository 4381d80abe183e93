"""Argument types shared by commands: dates, items, rounds. Each refuses bad input with a
message argparse prints as a usage error (exit 2)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from lpsa_desktop.domain.meetings import Attendee, ItemRef
from lpsa_desktop.domain.numbers import INDICATOR_VALUE, parse_decimal_text
from lpsa_desktop.domain.periods import parse_day
from lpsa_desktop.errors import InvalidValueError

ROW_ID_MAX = 2**63 - 1
"""SQLite's largest row id: a meeting or batch number past it cannot exist (and would
overflow the driver)."""

_WHOLE = re.compile(r"[0-9]{1,19}")  # ASCII only: int() would also read '١٢' as 12


def whole_number(*, low: int, high: int, what: str) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` written in digits 0-9."""

    def parse(text: str) -> int:
        cleaned = text.strip()
        if not _WHOLE.fullmatch(cleaned) or not low <= int(cleaned) <= high:
            raise argparse.ArgumentTypeError(
                f"{what} must be a whole number from {low:,} to {high:,} (digits 0-9)"
            )
        return int(cleaned)

    return parse


row_id = whole_number(low=1, high=ROW_ID_MAX, what="a number from a listing")


def indicator_number(text: str, *, field: str) -> Decimal:
    """A value typed for an indicator, by the one number rule (domain/numbers.py)."""
    try:
        return parse_decimal_text(text, field=field, rule=INDICATOR_VALUE)
    except InvalidValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def day(text: str) -> date:
    try:
        return parse_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def item(text: str) -> ItemRef:
    try:
        return ItemRef.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def attendee(text: str) -> Attendee:
    name, sep, organisation = text.partition(",")
    if not sep or not name.strip() or not organisation.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not 'Name, Organisation'")
    return Attendee(name.strip(), organisation.strip())


def round_label(text: str) -> tuple[str, int | str]:
    """'bath-ne-somerset-lpsa1:2' or 'bath-ne-somerset-lpsa1:current' → (ref, 2 | 'current')."""
    ref, sep, which = text.rpartition(":")
    if not sep or not ref:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not AGREEMENT:N or AGREEMENT:current (see `lpsa rounds list`)"
        )
    if which == "current":
        return ref, which
    if not _WHOLE.fullmatch(which) or not 1 <= int(which) <= ROW_ID_MAX:
        raise argparse.ArgumentTypeError(
            f"{which!r} in {text!r} is not a round number or 'current'"
        )
    return ref, int(which)
