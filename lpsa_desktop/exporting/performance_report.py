"""The performance report for the Executive: a dated PDF with a summary table (status,
latest outturn, forecast, reward at risk per target), the reward by target, one chart per
indicator of each target with the commentary from its outturns' notes, and the
pump-priming monitor. House style: the agreement's fonts (DejaVu, embedded), styles and
running header and footer. Internal notes are never read."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from lpsa_desktop.charts.builders import indicator_chart, reward_chart
from lpsa_desktop.domain.delivery.assessment import AgreementDelivery
from lpsa_desktop.domain.delivery.pump_priming import PumpPrimingMonitor
from lpsa_desktop.domain.delivery.report_content import commentary, summary_lines
from lpsa_desktop.domain.money import format_money
from lpsa_desktop.domain.periods import format_date, format_long_date
from lpsa_desktop.exporting.chart_drawing import chart_drawing
from lpsa_desktop.exporting.files import write_atomically
from lpsa_desktop.exporting.pdf_fonts import FONT
from lpsa_desktop.exporting.pdf_pages import DocumentCanvas, RunningText, document_template
from lpsa_desktop.exporting.pdf_styles import MARGIN_X, PORTRAIT, Styles, grid_table_style, styles
from lpsa_desktop.exporting.pdf_text import esc
from lpsa_desktop.version import app_version

WIDTH = PORTRAIT[0] - 2 * MARGIN_X
CHART_HEIGHT = 62 * mm


def render_performance_report(
    picture: AgreementDelivery,
    monitor: PumpPrimingMonitor | None,
    *,
    prepared_on: date,
    as_at: str | None,
) -> tuple[bytes, int]:
    """The PDF's bytes and its page count."""
    agreement = picture.agreement
    title = f"Performance report: {agreement.title}"
    running = RunningText(
        title=title,
        status=f"Prepared {format_date(prepared_on)}" + (f", as at {as_at}" if as_at else ""),
        reference=f"{agreement.ref} · {agreement.generation.value}",
        draft=False,
    )
    buffer = io.BytesIO()
    doc = document_template(
        buffer,
        running,
        title=title,
        author=agreement.lead_council.name,
        subject="Performance against the Local Public Service Agreement",
        creator=f"LPSA Desk {app_version()}",
        lang="en-GB",
        initialFontName=FONT,
    )
    doc.build(_story(picture, monitor, prepared_on, as_at, styles()), canvasmaker=DocumentCanvas)
    return buffer.getvalue(), doc.page


def export_performance_report(
    picture: AgreementDelivery,
    monitor: PumpPrimingMonitor | None,
    destination: Path,
    *,
    prepared_on: date,
    as_at: str | None,
) -> int:
    data, pages = render_performance_report(picture, monitor, prepared_on=prepared_on, as_at=as_at)
    write_atomically(destination, data)
    return pages


def _story(
    picture: AgreementDelivery,
    monitor: PumpPrimingMonitor | None,
    prepared_on: date,
    as_at: str | None,
    s: Styles,
) -> list[Flowable]:
    agreement = picture.agreement
    period = (
        f"{format_long_date(agreement.period_start)} to {format_long_date(agreement.period_end)}"
    )
    story: list[Flowable] = [
        Paragraph(esc(f"Performance report: {agreement.title}"), s.title),
        Paragraph(
            esc(f"{agreement.lead_council.name} · {agreement.generation.value} · {period}"),
            s.subtitle,
        ),
        Paragraph(
            esc(
                f"Prepared on {format_long_date(prepared_on)}"
                + (f"; outturns up to {as_at}" if as_at else "; all outturns recorded")
            ),
            s.small_centred,
        ),
        Spacer(1, 4 * mm),
        Paragraph("Summary", s.heading),
        Paragraph(
            esc(
                f"Reward available {format_money(picture.pot, pence=True)}; forecast reward "
                f"{format_money(picture.forecast_total, pence=True)}; reward at risk "
                f"{format_money(picture.at_risk, pence=True)}; earned on the outturns used for "
                f"the reward {format_money(picture.reward.total_earned, pence=True)}. "
                f"Targets on track {_count(picture, 'on_track')}, behind "
                f"{_count(picture, 'behind')}, at risk of earning nothing "
                f"{_count(picture, 'at_risk')}, without outturns {_count(picture, 'no_data')}."
            ),
            s.body,
        ),
        _summary_table(picture, s),
        Spacer(1, 3 * mm),
        chart_drawing(reward_chart(picture), WIDTH, CHART_HEIGHT),
        Paragraph(
            "Method: the trajectory runs straight from the baseline to the with-LPSA target; the "
            "forecast is a least-squares line through the outturns so far, read at the end "
            "period (the end period's own outturn once there is one); an indicator with fewer "
            "than two outturns has no forecast and counts as earning nothing.",
            s.small,
        ),
    ]
    for target in picture.targets:
        story.append(CondPageBreak(CHART_HEIGHT + 30 * mm))
        story.append(
            Paragraph(
                esc(f"Target {target.ref}: {target.title}")
                + f" <font size=8 color='#4A4F57'>({esc(target.status.words)}; at risk "
                f"{esc(format_money(target.at_risk, pence=True))})</font>",
                s.subheading,
            )
        )
        for item in target.indicators:
            chart = indicator_chart(item, picture.periods, threshold=agreement.threshold)
            story.append(KeepTogether([chart_drawing(chart, WIDTH, CHART_HEIGHT)]))
        notes = commentary(picture, target.ref)
        for note in notes:
            story.append(
                Paragraph(
                    f"<b>{esc(note.indicator)}, {esc(note.period)}</b>: {esc(note.text)}", s.body
                )
            )
        if not notes:
            story.append(Paragraph("No commentary recorded.", s.small))
    if monitor is not None and monitor.lines:
        story += [
            CondPageBreak(60 * mm),
            Paragraph("Pump-priming grant", s.heading),
            _pump_table(monitor, s),
        ]
    return story


def _count(picture: AgreementDelivery, status: str) -> int:
    return sum(1 for t in picture.targets if t.status.value == status)


def _summary_table(picture: AgreementDelivery, s: Styles) -> Table:
    head = ["Target", "Ref", "Indicator", "Status", "Latest outturn", "Forecast", "Reward at risk"]
    rows: list[list[Flowable]] = [[Paragraph(h, s.cell_head) for h in head]]
    for line in summary_lines(picture):
        rows.append(
            [
                Paragraph(esc(line.target), s.cell_bold),
                Paragraph(esc(line.indicator), s.cell),
                Paragraph(esc(line.description), s.cell),
                Paragraph(esc(line.status), s.cell),
                Paragraph(esc(line.latest), s.cell),
                Paragraph(esc(line.forecast), s.cell_number),
                Paragraph(esc(line.at_risk), s.cell_number),
            ]
        )
    widths = [15 * mm, 11 * mm, 0.0, 24 * mm, 32 * mm, 20 * mm, 25 * mm]
    widths[2] = WIDTH - sum(widths)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(grid_table_style()))
    return table


def _pump_table(monitor: PumpPrimingMonitor, s: Styles) -> Table:
    final = monitor.years[-1] if monitor.years else ""

    def money(amount: Decimal | None) -> Paragraph:
        text = "–" if amount is None else format_money(amount, pence=False)
        return Paragraph(esc(text), s.cell_number)

    head = [
        "Target",
        "Allocated",
        *(f"Spent {y}" for y in monitor.years[:-1]),
        f"Budget {final}",
        f"Actual {final}",
        "Unspent",
    ]
    rows: list[list[Flowable]] = [[Paragraph(esc(h), s.cell_head) for h in head]]
    for line in monitor.lines:
        rows.append(
            [
                Paragraph(esc(line.target_ref), s.cell_bold),
                money(line.allocated),
                *(money(v) for v in line.spent),
                money(line.final_budget),
                money(line.final_actual),
                money(line.balance),
            ]
        )
    rows.append(
        [
            Paragraph("Total", s.cell_bold),
            money(monitor.total_allocated),
            *(Paragraph("", s.cell) for _ in monitor.years[:-1]),
            Paragraph("", s.cell),
            Paragraph("", s.cell),
            money(monitor.total_balance),
        ]
    )
    first = 16 * mm
    rest = (WIDTH - first) / (len(head) - 1)
    table = Table(rows, colWidths=[first, *([rest] * (len(head) - 1))], repeatRows=1)
    table.setStyle(TableStyle(grid_table_style()))
    return table
