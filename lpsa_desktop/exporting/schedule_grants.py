"""Schedules 3 and 4: the pump-priming grant and its allocation; the reward grant and rules.

Figures come from the domain (``reward_pot``, ``compute_reward``) so that the document says
exactly what the reward engine will pay; money is Decimal throughout and rounded to the
penny only when printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from lpsa_desktop.domain.agreement import Agreement, Target
from lpsa_desktop.domain.enums import Generation, PotRounding
from lpsa_desktop.domain.money import ZERO, format_money, round_pence
from lpsa_desktop.domain.periods import financial_year_label
from lpsa_desktop.domain.reward import compute_reward, reward_pot
from lpsa_desktop.exporting.banded_table import band, banded_table, heading_band
from lpsa_desktop.exporting.pdf_styles import TARGET_FILL, Styles, grid_table_style
from lpsa_desktop.exporting.pdf_text import (
    council_word,
    esc,
    first_financial_year,
    last_financial_year_start,
    percent_text,
)

_ROUNDING = {
    PotRounding.NONE: "",
    PotRounding.NEAREST_POUND: ", rounded to the nearest pound",
    PotRounding.NEAREST_THOUSAND: ", rounded to the nearest £1,000",
}


def _pence_needed(amounts: Sequence[Decimal]) -> bool:
    """Show pence in a whole column when any amount has them, so that figures line up."""
    return any(round_pence(a) != round_pence(a).to_integral_value() for a in amounts)


def schedule_pump_priming(agreement: Agreement, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("Schedule 3: Pump-priming grant", s.heading)]
    grant = agreement.pump_priming_grant
    word = council_word(agreement)
    if grant:
        out.append(
            Paragraph(
                f"The Government will pay the {word} a pump-priming grant of "
                f"<b>{format_money(grant)}</b> in {first_financial_year(agreement)}, to meet the "
                "extra cost of working towards the enhanced targets in Schedule 1. The "
                f"{word} will use it for that purpose and allocates it to the targets as follows.",
                s.body,
            )
        )
    else:
        out.append(Paragraph("No pump-priming grant is payable under this agreement.", s.body))
    allocated = [t for t in agreement.targets if t.pump_priming is not None]
    if not allocated:
        return out
    total = sum((t.pump_priming or ZERO for t in allocated), ZERO)
    amounts = [total, *(t.pump_priming or ZERO for t in allocated)]
    if grant:
        amounts.append(grant - total)
    pence = _pence_needed(amounts)
    rows: list[list[Any]] = [
        [Paragraph(h, s.cell_head) for h in ("Target", "Title", "Allocation")],
        *(
            [
                Paragraph(esc(t.ref), s.cell_bold),
                Paragraph(esc(t.title), s.cell),
                Paragraph(format_money(t.pump_priming or ZERO, pence=pence), s.cell_right),
            ]
            for t in allocated
        ),
        ["", Paragraph("<b>Total allocated</b>", s.cell), _money_cell(total, pence, s, bold=True)],
    ]
    if grant and grant != total:
        label = "Not yet allocated" if grant > total else "Allocated beyond the grant"
        rows.append(["", Paragraph(label, s.cell), _money_cell(abs(grant - total), pence, s)])
    out.append(Table(rows, colWidths=[44, 349, 100], repeatRows=1, style=grid_table_style()))
    return out


def schedule_reward(agreement: Agreement, s: Styles) -> list[Flowable]:
    pot = reward_pot(agreement)
    word = council_word(agreement)
    out: list[Flowable] = [Paragraph("Schedule 4: Performance Reward Grant", s.heading)]
    rate = percent_text(agreement.reward_rate)
    if agreement.net_budget_requirement is None:
        pot_text = (
            f"The maximum grant will be {rate} of the {word}’s net budget requirement, which "
            "has not yet been agreed."
        )
    else:
        year = f" for {esc(agreement.nbr_year)}" if agreement.nbr_year else ""
        pot_text = (
            f"The maximum grant (the reward pot) is <b>{format_money(pot)}</b>: {rate} of the "
            f"{word}’s net budget requirement{year} of "
            f"{format_money(agreement.net_budget_requirement)}{_ROUNDING[agreement.pot_rounding]}."
        )
    out.append(Paragraph(pot_text, s.body))
    out.append(Paragraph("Rules", s.subheading))
    for number, rule in enumerate(_rules(agreement), start=1):
        out.append(Paragraph(rule, s.numbered, bulletText=f"{number}."))
    # A long table may start low on a page: no keep-with-next (which would push the heading
    # and the whole table over), only a check that the heading has a few rows under it.
    out.append(CondPageBreak(90))
    out.append(Paragraph("Potential grant for each target", s.subheading_loose))
    out.append(_potentials_table(agreement, s))
    out.append(Spacer(1, 4))
    out.append(
        Paragraph(
            "Amounts are shown to the nearest penny; the rules above govern the payment.",
            s.small,
        )
    )
    return out


def _rules(agreement: Agreement) -> list[str]:
    active = agreement.active_targets
    weighted = any(t.weight is not None for t in active)
    end = last_financial_year_start(agreement)
    first, second = financial_year_label(end + 1), financial_year_label(end + 2)
    rules = [
        f"The reward pot is divided between the {len(active)} targets in Schedule 1 that carry "
        f"reward, {'in the proportions shown below' if weighted else 'in equal shares'}; a "
        "reserve target carries none unless it replaces another target. A target’s share is "
        "divided between its indicators in equal shares unless other proportions are shown "
        "below.",
        "For each indicator, the grant payable is its share multiplied by the proportion of "
        "the enhancement (Schedule 1) achieved by the end period. Nothing is paid for an "
        f"indicator where less than {percent_text(agreement.threshold)} of the enhancement is "
        f"achieved, and no more than {percent_text(agreement.cap)} of the enhancement counts.",
    ]
    if agreement.generation is Generation.LPSA2:
        rules.append(
            f"The grant is paid in two instalments, each following a claim verified by audit, "
            f"normally in {first} and {second}."
        )
    else:
        rules.append(
            f"The grant is paid in two equal instalments, in {first} and {second}: the two "
            "financial years after the one in which this agreement ends."
        )
    has_interim = any(i.interim is not None for t in active for i in t.indicators)
    if has_interim and agreement.interim_fraction > 0:
        rules.append(
            "Where an interim level of performance is shown in Schedule 1 and is achieved, "
            f"{percent_text(agreement.interim_fraction)} of that indicator’s potential grant is "
            f"paid on account in {financial_year_label(end)}. The final calculation governs: "
            "the balance is paid in the instalments above, and any payment on account beyond "
            f"the {council_word(agreement)}’s final entitlement will be recovered."
        )
    if agreement.capital_share is not None:
        rules.append(
            f"{percent_text(agreement.capital_share)} of the grant is paid as capital and "
            f"{percent_text(1 - agreement.capital_share)} as revenue."
        )
    return rules


def _potentials_table(agreement: Agreement, s: Styles) -> Table:
    result = compute_reward(agreement)
    amounts = [result.pot] + [i.potential for t in result.targets for i in t.indicators]
    pence = _pence_needed(amounts + [t.potential for t in result.targets])
    widths = [36, 297, 70, 90]
    heading = heading_band(
        [Paragraph(h, s.cell_head) for h in ("Ref", "Target and indicators", "Share", "Potential")],
        widths,
    )
    bands = []
    target_weights = any(t.weight is not None for t in agreement.active_targets)
    for reward in result.targets:
        target = agreement.target(reward.ref)
        assert target is not None  # results are made from the agreement's own targets
        rows: list[list[Any]] = [
            [
                Paragraph(esc(target.ref), s.cell_bold),
                Paragraph(f"<b>{esc(target.title)}</b>", s.cell),
                Paragraph(_share(target.weight, weighted=target_weights), s.cell),
                _money_cell(reward.potential, pence, s, bold=True),
            ]
        ]
        for indicator_reward in reward.indicators:
            indicator = target.indicator(indicator_reward.ref)
            assert indicator is not None
            rows.append(
                [
                    Paragraph(esc(indicator.ref), s.cell),
                    Paragraph(esc(indicator.description), s.cell),
                    Paragraph(_share(indicator.weight, weighted=_weighted(target)), s.cell),
                    _money_cell(indicator_reward.potential, pence, s),
                ]
            )
        # The target's row and its first indicator form one band (no heading left alone).
        shade = [("BACKGROUND", (0, 0), (-1, 0), TARGET_FILL)]
        bands.append(band(rows[:2], widths, commands=shade))
        bands.extend(band([row], widths) for row in rows[2:])
    total = [
        "",
        Paragraph("<b>Reward pot</b>", s.cell),
        "",
        _money_cell(result.pot, pence, s, bold=True),
    ]
    bands.append(band([total], widths))
    return banded_table(heading, bands, widths)


def _share(weight: Decimal | None, *, weighted: bool) -> str:
    """A stated weight, or an equal share (of what the stated weights leave, if any)."""
    if weight is not None:
        return percent_text(weight)
    return "equal share of the rest" if weighted else "equal share"


def _weighted(target: Target) -> bool:
    return any(i.weight is not None for i in target.indicators)


def _money_cell(amount: Decimal, pence: bool, s: Styles, *, bold: bool = False) -> Paragraph:
    text = format_money(amount, pence=pence)
    return Paragraph(f"<b>{text}</b>" if bold else text, s.cell_right)
