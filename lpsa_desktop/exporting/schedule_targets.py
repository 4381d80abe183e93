"""Schedule 1: the targets, one row per indicator, on landscape pages.

Values are printed with ``precise=True``: a target in a signed agreement must read exactly
as the store holds it, never rounded to the indicator's display decimals. The table is a
banded table (see banded_table): the column heading repeats on every page, and each
target's heading travels with its first indicator so that it never ends a page.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from lpsa_desktop.domain.agreement import Agreement, Indicator, Target
from lpsa_desktop.domain.display import indicator_change, indicator_value
from lpsa_desktop.domain.vocabulary import DIRECTION_NAMES, UNIT_NAMES
from lpsa_desktop.exporting.banded_table import band, banded_table, heading_band
from lpsa_desktop.exporting.number_cells import number_cell
from lpsa_desktop.exporting.pdf_styles import TARGET_FILL, Styles
from lpsa_desktop.exporting.pdf_text import esc

# Landscape A4 frame is 740 pt wide.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("Ref", 30),
    ("Indicator: how performance is measured", 200),
    ("Unit", 58),
    ("Better when", 50),
    ("Baseline (period)", 70),
    ("Expected without the agreement", 66),
    ("Target with the agreement", 66),
    ("Enhancement (with − without)", 74),
    ("Interim level (period)", 70),
    ("End period", 56),
)


def schedule_targets(agreement: Agreement, s: Styles) -> list[Flowable]:
    intro = Paragraph(
        "For each target, the indicators by which performance will be measured; the baseline "
        "and the period it was measured in; the performance expected by the end period "
        "without this agreement; the enhanced target with it; and the enhancement, the "
        "difference between the two, which is the yardstick of the reward in Schedule 4. "
        "Reserve targets carry no reward unless they replace another target.",
        s.body,
    )
    widths = [width for _, width in COLUMNS]
    heading = heading_band([Paragraph(title, s.cell_head) for title, _ in COLUMNS], widths)
    bands = []
    for target in agreement.targets:
        rows = [_target_row(target, s)]
        if not target.indicators:
            rows.append([Paragraph("No indicator agreed yet.", s.cell), *[""] * 9])
        else:
            rows.append(_indicator_row(target.indicators[0], s))
        # The target's heading and its first indicator are one band: never parted by a page.
        spans = [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), TARGET_FILL)]
        if not target.indicators:
            spans.append(("SPAN", (0, 1), (-1, 1)))
        bands.append(band(rows, widths, commands=spans))
        bands.extend(band([_indicator_row(i, s)], widths) for i in target.indicators[1:])
    table = banded_table(heading, bands, widths)
    return [Paragraph("Schedule 1: Targets", s.heading), intro, table]


def _target_row(target: Target, s: Styles) -> list[Any]:
    label = "Reserve target" if target.reserve else "Target"
    details = []
    if target.priority:
        details.append(f"Priority: {esc(target.priority)}")
    if target.lead_partner:
        details.append(f"Lead: {esc(target.lead_partner)}")
    if target.partners:
        details.append(f"With: {esc(', '.join(target.partners))}")
    if target.reserve:
        details.append("carries no reward unless it replaces another target")
    text = f"<b>{label} {esc(target.ref)}: {esc(target.title)}</b>"
    if details:
        text += f"<br/><font size=7>{' · '.join(details)}</font>"
    if target.notes:
        text += f"<br/><font size=7>{esc(target.notes)}</font>"
    return [Paragraph(text, s.cell), *[""] * (len(COLUMNS) - 1)]


def _indicator_row(indicator: Indicator, s: Styles) -> list[Any]:
    description = esc(indicator.description)
    if indicator.definition:
        description += f"<br/><font size=7>Definition: {esc(indicator.definition)}</font>"
    change = None
    if indicator.with_ is not None and indicator.without is not None:
        change = indicator.with_ - indicator.without
    return [
        Paragraph(esc(indicator.ref), s.cell_bold),
        Paragraph(description, s.cell),
        Paragraph(UNIT_NAMES[indicator.unit], s.cell),
        Paragraph(DIRECTION_NAMES[indicator.direction].removesuffix(" is better"), s.cell),
        _value(indicator, indicator.baseline, 4, s, note=indicator.baseline_period),
        _value(indicator, indicator.without, 5, s),
        _value(indicator, indicator.with_, 6, s, bold=True),
        number_cell(indicator_change(indicator, change), COLUMNS[7][1], s),
        _value(indicator, indicator.interim, 8, s, note=indicator.interim_period),
        Paragraph(esc(indicator.end_period or "–"), s.cell),
    ]


def _value(
    indicator: Indicator,
    value: Decimal | None,
    column: int,
    s: Styles,
    *,
    bold: bool = False,
    note: str | None = None,
) -> Paragraph:
    text = indicator_value(indicator, value, precise=True)
    return number_cell(
        text, COLUMNS[column][1], s, bold=bold, note=note if value is not None else None
    )
