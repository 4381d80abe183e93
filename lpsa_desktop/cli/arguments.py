"""Argument types shared by commands: dates, items, rounds. Each refuses bad input with a
message argparse prints as a usage error (exit 2)."""

from __future__ import annotations

import argparse
from datetime import date

from lpsa_desktop.domain.meetings import Attendee, ItemRef
from lpsa_desktop.domain.periods import parse_day


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
    if not which.isdigit():
        raise argparse.ArgumentTypeError(
            f"{which!r} in {text!r} is not a round number or 'current'"
        )
    return ref, int(which)
