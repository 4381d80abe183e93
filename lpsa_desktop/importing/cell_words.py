"""Closed vocabularies typed by people: units, directions, yes/no, freedom statuses, rounds.

Words are compared folded (case, spaces, punctuation ignored), so 'Higher is better',
'higher-is-better' and ' HIGHER IS BETTER ' read alike.
"""

from __future__ import annotations

import re
from typing import TypeVar

from lpsa_desktop.domain.enums import DeliveryStatus, Direction, FreedomStatus, Generation, Unit
from lpsa_desktop.domain.vocabulary import UNIT_NAMES
from lpsa_desktop.importing.cell_numbers import CellProblem, Raw, check_missing, text_of

E = TypeVar("E")

_FOLD = re.compile(r"[^a-z0-9%£]+")


def fold(text: str) -> str:
    """'Rate per 1,000' → 'rateper1000'; '%' and '£' are kept: they are words here."""
    return _FOLD.sub("", text.casefold())


def _table(words: dict[E, tuple[str, ...]]) -> dict[str, E]:
    return {fold(word): value for value, spelled in words.items() for word in spelled}


UNIT_WORDS = _table(
    {
        Unit.PERCENT: ("%", "percent", "percentage", "per cent", "% of", "pct"),
        Unit.COUNT: ("number", "count", "no.", "no", "numbers", "total", "people"),
        Unit.RATE_PER_1000: ("rate per 1,000", "per 1,000", "rate per thousand", "per 1000"),
        Unit.RATE_PER_100000: ("rate per 100,000", "per 100,000", "per 100000"),
        Unit.MONEY: ("£", "money", "pounds", "cash", "amount", "currency"),
        Unit.DAYS: ("days", "day", "number of days"),
        Unit.SCORE: ("score", "points", "index"),
        Unit.RATIO: ("ratio",),
    }
)
UNIT_WORDS.update({fold(u.value): u for u in Unit})

DIRECTION_WORDS = _table(
    {
        Direction.HIGHER: (
            "higher",
            "up",
            "increase",
            "higher is better",
            "maximise",
            "maximize",
            "high",
            "increase is good",
            "↑",
        ),
        Direction.LOWER: (
            "lower",
            "down",
            "reduce",
            "decrease",
            "lower is better",
            "minimise",
            "minimize",
            "low",
            "reduction",
            "↓",
        ),
    }
)

FREEDOM_STATUS_WORDS = _table(
    {
        FreedomStatus.REQUESTED: ("requested", "request", "proposed", "asked"),
        FreedomStatus.UNDER_DISCUSSION: ("under discussion", "in discussion", "discussing"),
        FreedomStatus.AGREED: ("agreed", "yes", "granted"),
        FreedomStatus.AGREED_IN_PRINCIPLE: ("agreed in principle", "in principle", "favourably"),
        FreedomStatus.AGREED_SUBJECT_TO_FEASIBILITY: (
            "agreed subject to feasibility",
            "subject to feasibility",
        ),
        FreedomStatus.ALTERNATIVE_OFFERED: ("alternative offered", "alternative"),
        FreedomStatus.NOT_AGREED: ("not agreed", "refused", "rejected", "no", "declined"),
        FreedomStatus.WITHDRAWN: ("withdrawn",),
    }
)

DELIVERY_WORDS = _table(
    {
        DeliveryStatus.NOT_STARTED: ("not started", "not yet", "pending"),
        DeliveryStatus.DELIVERED: ("delivered", "yes", "done", "complete"),
        DeliveryStatus.PARTLY_DELIVERED: ("partly delivered", "partly", "partial", "in part"),
        DeliveryStatus.NOT_DELIVERED: ("not delivered", "no"),
    }
)

GENERATION_WORDS = _table(
    {
        Generation.LPSA1: ("lpsa1", "lpsa 1", "1", "first", "first generation", "lpsa round 1"),
        Generation.LPSA2: ("lpsa2", "lpsa 2", "2", "second", "second generation", "lpsa round 2"),
    }
)

YES_NO_WORDS = _table(
    {True: ("yes", "y", "true", "x", "reserve", "✓"), False: ("no", "n", "false", "", "-")}
)


def label(value: object) -> str:
    """How a vocabulary value is written in a template and in messages: 'agreed in principle'."""
    if isinstance(value, Unit):
        return UNIT_LABELS[value]
    return str(getattr(value, "value", value)).replace("_", " ")


UNIT_LABELS = UNIT_NAMES  # the template writes the words the window and the PDF use


def parse_word(raw: Raw, words: dict[str, E], expected: str) -> E | None:
    """One of ``words``, or None when the cell is empty or says n/a; CellProblem otherwise."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool) and True in words.values():
        return words.get(fold("yes" if raw else "no"))
    text = text_of(raw)
    found = words.get(fold(text))
    if found is not None:
        return found
    if check_missing(text):
        return None
    raise CellProblem(expected, "is not one of the words LPSA Desk knows here")
