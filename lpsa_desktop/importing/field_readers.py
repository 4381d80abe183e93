"""How each column of a targets or freedoms table is read, and where its value goes.

A reader takes the raw cell and whether the cell is shown as a percentage, and returns
the value or raises CellProblem / ToBeConfirmed. Readers of columns whose cells repeat
(units, directions, periods, priorities) remember what they have read, which makes a big
return's repetitive columns nearly free.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lpsa_desktop.importing.cell_numbers import (
    CellProblem,
    Raw,
    ToBeConfirmed,
    check_missing,
    parse_integer,
    parse_money,
    parse_number,
    parse_rate,
    text_of,
)
from lpsa_desktop.importing.cell_periods import parse_period
from lpsa_desktop.importing.cell_words import (
    DELIVERY_WORDS,
    DIRECTION_WORDS,
    FREEDOM_STATUS_WORDS,
    UNIT_WORDS,
    YES_NO_WORDS,
    parse_word,
)

Reader = Callable[[Raw, bool], Any]
_LIST_SPLIT = re.compile(r"\s*(?:[,;\n]|\band\b)\s*")
_PARTNER_SPLIT = re.compile(r"\s*[;\n]\s*")
_COMMA_SPLIT = re.compile(r"\s*,\s*")

VALUE_FIELDS = frozenset({"baseline", "without", "with_", "interim", "actual", "interim_actual"})


@dataclass(frozen=True)
class FieldSpec:
    level: str
    """'target', 'indicator', 'key' (refs, council) or 'check' (enhancement)."""
    attribute: str
    """The domain attribute it fills (Target.title, Indicator.with_ …)."""
    read: Reader
    expected: str


def cached(read: Reader) -> Reader:
    """``read`` remembering its answers per raw value (failures are not remembered)."""
    memory: dict[tuple[Raw, bool], Any] = {}

    def remembered(raw: Raw, percent: bool) -> Any:
        key = (raw, percent)
        try:
            return memory[key]
        except KeyError:
            value = memory[key] = read(raw, percent)
            return value
        except TypeError:  # an unhashable value never comes from calamine; be safe
            return read(raw, percent)

    return remembered


def read_text(raw: Raw, _percent: bool = False) -> str:
    if raw == "" or raw is None:
        return ""
    text = raw.strip() if type(raw) is str else text_of(raw).strip()
    return "" if check_missing(text) else text


def read_optional_text(raw: Raw, percent: bool = False) -> str | None:
    return read_text(raw, percent) or None


def read_names(raw: Raw, _percent: bool = False) -> tuple[str, ...]:
    """'Police; PCT' / one per line → ('Police', 'PCT')."""
    text = read_text(raw)
    if not text:
        return ()
    # Names may hold commas ("Bath, NE Somerset PCT"): split on commas only when the cell
    # has no semicolons or line breaks.
    split = _PARTNER_SPLIT if (";" in text or "\n" in text) else _COMMA_SPLIT
    return tuple(p for p in split.split(text) if p)


def read_target_list(raw: Raw, _percent: bool = False) -> tuple[str, ...]:
    """A freedom's targets: '1, 4', '1 and 4', 3.0, 'all' (= none listed: the whole agreement)."""
    if isinstance(raw, float):
        return (str(int(raw)),) if raw.is_integer() else (text_of(raw),)
    text = read_text(raw)
    if not text or text.casefold() in {"all", "all targets", "whole agreement"}:
        return ()
    return tuple(p.removeprefix("Target ").strip(" .") for p in _LIST_SPLIT.split(text) if p)


def read_value(raw: Raw, percent: bool) -> Decimal | None:
    return parse_number(raw, percent_format=percent)


def read_weight(raw: Raw, percent: bool) -> Decimal | None:
    """A share: 25%, 0.25 and 25 all mean a quarter."""
    return parse_rate(raw, percent_format=percent)


def read_money(raw: Raw, _percent: bool) -> Decimal | None:
    return parse_money(raw)


def read_decimals(raw: Raw, _percent: bool) -> int | None:
    value = parse_integer(raw)
    if value is not None and not 0 <= value <= 6:
        raise CellProblem("a number of decimal places from 0 to 6", "is out of range")
    return value


def _word(words: dict[str, Any], expected: str) -> Reader:
    return cached(lambda raw, _percent: parse_word(raw, words, expected))


UNIT_EXPECTED = "a unit: %, number, rate per 1,000, rate per 100,000, £, days, score or ratio"
DIRECTION_EXPECTED = "higher or lower (also up/down, increase/reduce, maximise/minimise)"

TARGET_SPECS: dict[str, FieldSpec] = {
    "target_ref": FieldSpec("key", "target_ref", read_text, "a target ref"),
    "indicator_ref": FieldSpec("key", "indicator_ref", read_text, "an indicator ref"),
    "council": FieldSpec("key", "council", cached(read_text), "a council's name"),
    "target_title": FieldSpec("target", "title", cached(read_text), "a title"),
    "priority": FieldSpec("target", "priority", cached(read_optional_text), "a priority"),
    "lead_partner": FieldSpec("target", "lead_partner", cached(read_optional_text), "a name"),
    "partners": FieldSpec("target", "partners", cached(read_names), "names"),
    "pump_priming": FieldSpec("target", "pump_priming", read_money, "money such as £95,000"),
    "reward_weight": FieldSpec("target", "weight", read_weight, "a share such as 25% or 0.25"),
    "notes": FieldSpec("target", "notes", read_text, "text"),
    "reserve": FieldSpec("target", "reserve", _word(YES_NO_WORDS, "yes or no"), "yes or no"),
    "indicator": FieldSpec("indicator", "description", read_text, "a description"),
    "data_source": FieldSpec("indicator", "definition", cached(read_text), "text"),
    "unit": FieldSpec("indicator", "unit", _word(UNIT_WORDS, UNIT_EXPECTED), UNIT_EXPECTED),
    "direction": FieldSpec(
        "indicator", "direction", _word(DIRECTION_WORDS, DIRECTION_EXPECTED), DIRECTION_EXPECTED
    ),
    "decimals": FieldSpec("indicator", "decimals", read_decimals, "0 to 6"),
    "baseline": FieldSpec("indicator", "baseline", read_value, "a number"),
    "without": FieldSpec("indicator", "without", read_value, "a number"),
    "with": FieldSpec("indicator", "with_", read_value, "a number"),
    "interim": FieldSpec("indicator", "interim", read_value, "a number"),
    "actual": FieldSpec("indicator", "actual", read_value, "a number"),
    "interim_actual": FieldSpec("indicator", "interim_actual", read_value, "a number"),
    "indicator_weight": FieldSpec("indicator", "weight", read_weight, "a share such as 0.5"),
    "baseline_period": FieldSpec(
        "indicator", "baseline_period", cached(lambda r, _p: parse_period(r)), "a period"
    ),
    "end_period": FieldSpec(
        "indicator", "end_period", cached(lambda r, _p: parse_period(r)), "a period"
    ),
    "interim_period": FieldSpec(
        "indicator", "interim_period", cached(lambda r, _p: parse_period(r)), "a period"
    ),
    "enhancement": FieldSpec("check", "enhancement", read_value, "a number"),
}

STATUS_EXPECTED = "a status such as requested, agreed, agreed in principle, not agreed"
DELIVERY_EXPECTED = "not started, delivered, partly delivered or not delivered"

FREEDOM_SPECS: dict[str, FieldSpec] = {
    "ref": FieldSpec("key", "ref", read_text, "a ref such as F1"),
    "council": FieldSpec("key", "council", cached(read_text), "a council's name"),
    "description": FieldSpec("freedom", "description", read_text, "a description"),
    "targets": FieldSpec("freedom", "targets", read_target_list, "target refs such as 1, 4"),
    "department": FieldSpec("freedom", "department", cached(read_text), "a department"),
    "legal_basis": FieldSpec("freedom", "legal_basis", read_text, "text"),
    "status": FieldSpec(
        "freedom", "status", _word(FREEDOM_STATUS_WORDS, STATUS_EXPECTED), STATUS_EXPECTED
    ),
    "response": FieldSpec("freedom", "response", read_text, "text"),
    "alternative": FieldSpec("freedom", "alternative", read_text, "text"),
    "delivery": FieldSpec(
        "freedom", "delivery", _word(DELIVERY_WORDS, DELIVERY_EXPECTED), DELIVERY_EXPECTED
    ),
}

__all__ = ["FREEDOM_SPECS", "TARGET_SPECS", "VALUE_FIELDS", "FieldSpec", "ToBeConfirmed"]
