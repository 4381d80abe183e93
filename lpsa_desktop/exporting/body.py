"""The body of the agreement: who the parties are, the period, and what each side intends.

The wording follows the numbered paragraphs common to LPSA1 and LPSA2 agreements (domain
brief, section 6): parties and period; a statement of present intentions, in good faith,
not fettering discretion and not legally binding; the council's best endeavours on the
Schedule 1 targets; the Government's undertakings, subject to consultation and approval,
on freedoms (Schedule 2), pump-priming grant (Schedule 3) and reward grant (Schedule 4).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import PartnerKind
from lpsa_desktop.domain.money import format_money
from lpsa_desktop.domain.reward import reward_pot
from lpsa_desktop.exporting.pdf_styles import Styles
from lpsa_desktop.exporting.pdf_text import (
    council_names,
    council_word,
    esc,
    first_financial_year,
    long_date,
)

PARTNER_KINDS = {
    PartnerKind.LSP: "local strategic partnership",
    PartnerKind.POLICE: "police",
    PartnerKind.PCT: "primary care trust",
    PartnerKind.DISTRICT_COUNCIL: "district council",
    PartnerKind.FIRE: "fire and rescue service",
    PartnerKind.VOLUNTARY: "voluntary sector",
    PartnerKind.BUSINESS: "business",
    PartnerKind.OTHER: "",
}


def title_block(agreement: Agreement, s: Styles, fingerprint: str) -> list[Flowable]:
    councils = [Paragraph(f"<b>{esc(c.name)}</b>", s.subtitle) for c in agreement.councils]
    return [
        Spacer(1, 10),
        Paragraph("LOCAL PUBLIC SERVICE AGREEMENT", s.subtitle),
        Paragraph(esc(agreement.title), s.title),
        Paragraph("between", s.centred),
        *councils,
        Paragraph("and", s.centred),
        Paragraph("<b>the Government</b>", s.subtitle),
        Spacer(1, 6),
        Paragraph(
            f"{long_date(agreement.period_start)} to {long_date(agreement.period_end)}",
            s.subtitle,
        ),
        Paragraph(
            f"Reference {esc(agreement.ref)} · {agreement.generation.value} · "
            f"fingerprint {fingerprint}",
            s.small_centred,
        ),
        Spacer(1, 14),
    ]


def body(agreement: Agreement, s: Styles) -> list[Flowable]:
    word = council_word(agreement)
    council, its = f"the {word}", ("their" if len(agreement.councils) > 1 else "its")
    paragraphs: list[Flowable] = [Paragraph("The agreement", s.heading)]
    number = 0

    def numbered(text: str) -> None:
        nonlocal number
        number += 1
        paragraphs.append(Paragraph(text, s.numbered, bulletText=f"{number}."))

    numbered(
        f"This agreement is made between {esc(council_names(agreement))} (“the {word}”) and "
        f"the Government. It covers the period from {long_date(agreement.period_start)} "
        f"to {long_date(agreement.period_end)}."
    )
    if agreement.partners:
        numbered(f"The {word} will work with these partners to deliver it:")
        paragraphs.extend(
            Paragraph(_partner(p.name, p.kind), s.bullet, bulletText="•")
            for p in agreement.partners
        )
        paragraphs.append(Spacer(1, 4))
    numbered(
        "This agreement is a statement of the present intentions of the parties, each of whom "
        "will act in good faith to fulfil them. It does not fetter the discretion of "
        f"{council}, of any Minister or of any government department in the exercise of "
        "their functions, and it is not legally binding."
    )
    numbered(
        f"The {word} will use {its} best endeavours to "
        "achieve the enhanced performance targets set out in Schedule 1. Each is more "
        f"demanding than the performance {council} would be expected to achieve in the "
        "absence of this agreement."
    )
    numbered(
        "The Government’s undertakings below are subject to any statutory consultation that "
        "is required and to Treasury and Parliamentary approval."
    )
    numbered(
        "The Government will seek to implement the freedoms and flexibilities agreed in "
        "Schedule 2, subject to their feasibility and, where needed, to legislation. Where a "
        "change cannot be made as described, the parties will seek to modify its details so "
        f"as to give {council} substantially the same benefit."
    )
    if agreement.pump_priming_grant:
        numbered(
            f"The Government will pay {council} a pump-priming grant of "
            f"{format_money(agreement.pump_priming_grant)} in {first_financial_year(agreement)}, "
            "on the conditions set out in Schedule 3."
        )
    numbered(
        f"If all the targets in Schedule 1 are achieved, the Government will pay {council} "
        f"the Performance Reward Grant of {format_money(reward_pot(agreement))} set out in "
        "Schedule 4. Part of the grant is payable where performance improves substantially "
        "but falls short of a target, as Schedule 4 provides."
    )
    return paragraphs


def _partner(name: str, kind: PartnerKind) -> str:
    words = PARTNER_KINDS[kind]
    return f"{esc(name)}{f' ({words})' if words else ''}"
