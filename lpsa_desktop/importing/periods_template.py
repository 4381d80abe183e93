"""The Periods sheet of a return template: one row per indicator and reporting period,
pre-filled with the outturns already stored (their public notes only: internal notes never
leave the program). Read back by ``periods_sheet``."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.delivery.outturns import Outturn
from lpsa_desktop.domain.delivery.reporting_periods import ReportingPeriod

COLUMNS = (
    ("Indicator", 11),
    ("Period", 14),
    ("Value", 12),
    ("Status", 13),
    ("Reported on", 13),
    ("Note", 70),
)
GUIDANCE = (
    "4. Periods sheet: one row per indicator and reporting period. Type the outturn in Value,",
    "   choose provisional or audited in Status; rows left without a value are not read.",
)


def write_periods_sheet(
    sheet: Worksheet,
    agreement: Agreement,
    periods: Sequence[ReportingPeriod],
    outturns: Sequence[Outturn],
) -> None:
    stored = {(o.indicator_ref, o.period): o for o in outturns}
    fill = PatternFill("solid", fgColor="DDEBF7")
    for column, (header, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(1, column, header)
        cell.font, cell.fill = Font(bold=True), fill
        cell.alignment = Alignment(vertical="top")
        sheet.column_dimensions[chr(64 + column)].width = width
    unlocked = Protection(locked=False)
    row = 1
    for target in agreement.targets:
        for indicator in target.indicators:
            for period in periods:
                row += 1
                outturn = stored.get((indicator.ref, period.label))
                values = (
                    indicator.ref,
                    period.label,
                    outturn.value if outturn else None,
                    ("audited" if outturn.audited else "provisional") if outturn else None,
                    outturn.recorded_on if outturn else None,
                    (outturn.note or None) if outturn else None,
                )
                for column, value in enumerate(values, start=1):
                    cell = sheet.cell(row, column, value)
                    if column >= 3:
                        cell.protection = unlocked
                    if column == 5:
                        cell.number_format = "DD/MM/YYYY"
    status = DataValidation(
        type="list", formula1='"provisional,audited"', allow_blank=True, showErrorMessage=True
    )
    status.add(f"D2:D{max(row, 2)}")
    sheet.add_data_validation(status)
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = True
