"""Financial years (1 April – 31 March) and British date formats."""

from __future__ import annotations

from datetime import date


def financial_year_start(day: date) -> int:
    """The calendar year in which the financial year holding ``day`` begins."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_label(start_year: int) -> str:
    """2005 → '2005/06'."""
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def financial_year_of(day: date) -> str:
    return financial_year_label(financial_year_start(day))


def format_date(day: date) -> str:
    """31/03/2006."""
    return day.strftime("%d/%m/%Y")


def format_long_date(day: date) -> str:
    """31 March 2006 (no leading zero, as in an agreement's text)."""
    return f"{day.day} {day.strftime('%B %Y')}"


def parse_day(text: str) -> date:
    """A date as an officer types it: 14/03/2003 (British) or 2003-03-14 (ISO)."""
    cleaned = text.strip()
    try:
        if "/" in cleaned:
            day, month, year = (int(p) for p in cleaned.split("/"))
            return date(year, month, day)
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"{text!r} is not a date (write 14/03/2003 or 2003-03-14)") from None
