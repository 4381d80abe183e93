"""Periods and dates: '2003/04', '2003-04', 'FY 2003/04' → '2003/04'; dates stay dates.

Indicator periods are text in the domain; a real date is kept as an ISO date
('2005-12-31': York's agreement ended on 31 December), a plain year or an academic year
('AY 2004/05') as written.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from lpsa_desktop.domain.periods import financial_year_label
from lpsa_desktop.importing.cell_numbers import CellProblem, Raw, check_missing, text_of

_FINANCIAL_YEAR = re.compile(r"^(?:fy\s*)?(\d{4})\s*[/\-–—]\s*(\d{2}|\d{4})$", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{4})$", re.IGNORECASE)
_MONTHS = {m.casefold(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.casefold(): i for i, m in enumerate(calendar.month_abbr) if m
}
PERIOD_EXPECTED = "a period such as 2003/04, 2004, AY 2004/05 or a date"
DATE_EXPECTED = "a date such as 01/04/2003, April 2003 or 2003/04"


def financial_year_start(text: str) -> int | None:
    """'2003/04', '2003-04', '2003–04', 'FY 2003/04', '2003/2004' → 2003; None otherwise."""
    match = _FINANCIAL_YEAR.match(text.strip())
    if not match:
        return None
    first, second = int(match[1]), match[2]
    follows = (first + 1) % 100 == int(second) if len(second) == 2 else int(second) == first + 1
    return first if follows else None


def parse_period(raw: Raw) -> str | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, datetime):
        return raw.date().isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    if isinstance(raw, float | int) and not isinstance(raw, bool):
        if float(raw).is_integer() and 1900 <= raw <= 2100:
            return str(int(raw))
        raise CellProblem(PERIOD_EXPECTED, "is not a period")
    text = text_of(raw).strip()
    if check_missing(text):
        return None
    start = financial_year_start(text)
    if start is not None:
        return financial_year_label(start)
    as_date = _text_date(text)
    if as_date is not None:
        return as_date.isoformat()
    return " ".join(text.split())


def parse_date(raw: Raw, *, end: bool = False) -> date | None:
    """A date for the agreement's period. A financial year or a month stands for its first
    day, or with ``end`` for its last (2005/06 ends on 31/03/2006)."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = text_of(raw).strip()
    if check_missing(text):
        return None
    start = financial_year_start(text)
    if start is not None:
        return date(start + 1, 3, 31) if end else date(start, 4, 1)
    month = _MONTH_YEAR.match(text)
    if month and month[1].casefold() in _MONTHS:
        year, number = int(month[2]), _MONTHS[month[1].casefold()]
        day = calendar.monthrange(year, number)[1] if end else 1
        return date(year, number, day)
    found = _text_date(text)
    if found is None:
        raise CellProblem(DATE_EXPECTED, "is not a date")
    return found


def _text_date(text: str) -> date | None:
    """31/03/2006 (British order) or 2006-03-31."""
    try:
        if match := _DAY_MONTH_YEAR.match(text):
            return date(int(match[3]), int(match[2]), int(match[1]))
        if match := _ISO_DATE.match(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise CellProblem(DATE_EXPECTED, "is not a real date") from None
    return None
