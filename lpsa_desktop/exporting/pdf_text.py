"""Small wording helpers for the document: escaping, lists in prose, rates, status words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import AgreementStatus, FreedomStatus
from lpsa_desktop.domain.periods import (
    financial_year_label,
    financial_year_start,
    format_long_date,
)

STATUS_WORDS = {
    AgreementStatus.DRAFT: "Draft",
    AgreementStatus.NEGOTIATING: "Draft under negotiation",
    AgreementStatus.PROVISIONALLY_AGREED: "Provisionally agreed",
    AgreementStatus.SIGNED: "Signed",
    AgreementStatus.SUPERSEDED: "Superseded",
    AgreementStatus.WITHDRAWN: "Withdrawn",
}

FREEDOM_STATUS_WORDS = {
    FreedomStatus.REQUESTED: "Requested",
    FreedomStatus.UNDER_DISCUSSION: "Under discussion",
    FreedomStatus.AGREED: "Agreed",
    FreedomStatus.AGREED_IN_PRINCIPLE: "Agreed in principle",
    FreedomStatus.AGREED_SUBJECT_TO_FEASIBILITY: "Agreed subject to feasibility",
    FreedomStatus.ALTERNATIVE_OFFERED: "Alternative offered",
    FreedomStatus.NOT_AGREED: "Not agreed",
    FreedomStatus.WITHDRAWN: "Withdrawn",
}


def esc(text: str) -> str:
    """Plain text made safe for reportlab's Paragraph markup (&, < and > would be tags)."""
    return escape(text)


def prose_list(items: Sequence[str]) -> str:
    """['A'] → 'A'; ['A', 'B'] → 'A and B'; ['A', 'B', 'C'] → 'A, B and C'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def percent_text(fraction: Decimal) -> str:
    """0.025 → '2.5%', 0.60 → '60%', exactly (never rounded)."""
    value = (fraction * 100).normalize()
    return f"{value:f}%"


def council_names(agreement: Agreement) -> str:
    return prose_list([c.name for c in agreement.councils])


def long_date(day: date) -> str:
    """'1 April 2003' that never breaks between the day and the month."""
    return format_long_date(day).replace(" ", "\u00a0", 1)


def council_word(agreement: Agreement) -> str:
    """How the body names the council side once defined: 'Council' or 'Councils'."""
    return "Councils" if len(agreement.councils) > 1 else "Council"


def first_financial_year(agreement: Agreement) -> str:
    return financial_year_label(financial_year_start(agreement.period_start))


def last_financial_year_start(agreement: Agreement) -> int:
    return financial_year_start(agreement.period_end)
