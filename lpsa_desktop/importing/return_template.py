"""A return workbook for one agreement, pre-filled from the store (``lpsa template``).

It has a guidance sheet, an Agreement sheet, a Targets sheet and a Freedoms sheet, with
drop-downs (from a hidden Lists sheet), number formats and locked header rows. Filled in
and imported again, it reads back to the same agreement.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from lpsa_desktop.domain.agreement import Agreement, Indicator, Target
from lpsa_desktop.domain.delivery.outturns import Outturn
from lpsa_desktop.domain.delivery.reporting_periods import ReportingPeriod
from lpsa_desktop.domain.enums import Unit
from lpsa_desktop.importing.cell_words import label
from lpsa_desktop.importing.periods_template import GUIDANCE as PERIODS_GUIDANCE
from lpsa_desktop.importing.periods_template import write_periods_sheet
from lpsa_desktop.importing.template_layout import (
    EXTRA_ROWS,
    FREEDOM_COLUMNS,
    GUIDANCE,
    LISTS,
    MONEY,
    STRICT_LISTS,
    TARGET_COLUMNS,
    VALUE_FIELDS,
)
from lpsa_desktop.safe_files.atomic import write_with

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_UNLOCKED = Protection(locked=False)
Columns = Sequence[tuple[str, str, int, str | None, str | None]]


def write_template(
    agreement: Agreement,
    path: Path,
    *,
    periods: Sequence[ReportingPeriod] = (),
    outturns: Sequence[Outturn] = (),
) -> None:
    """With ``periods``, the workbook also has a Periods sheet for outturns over time."""
    book = Workbook()
    guidance = book.active
    assert guidance is not None
    guidance.title = "Guidance"
    for line in (*GUIDANCE, *(PERIODS_GUIDANCE if periods else ())):
        guidance.append([line])
    guidance["A1"].font = Font(bold=True, size=14)
    guidance.column_dimensions["A"].width = 110
    _agreement_sheet(book.create_sheet("Agreement"), agreement)
    rows = [_target_row(t, i) for t in agreement.targets for i in t.indicators]
    targets = book.create_sheet("Targets")
    _table(targets, TARGET_COLUMNS, rows, [_value_format(i) for i in _indicators(agreement)])
    freedoms = [_freedom_row(f) for f in agreement.freedoms]
    _table(book.create_sheet("Freedoms"), FREEDOM_COLUMNS, freedoms, None)
    if periods:
        write_periods_sheet(book.create_sheet("Periods"), agreement, periods, outturns)
    _lists_sheet(book.create_sheet("Lists"))
    # Whole or not at all: a killed or out-of-space save never replaces a good template.
    write_with(path, book.save)


def _indicators(agreement: Agreement) -> list[Indicator]:
    return [i for t in agreement.targets for i in t.indicators]


def _agreement_sheet(sheet: Worksheet, agreement: Agreement) -> None:
    lead = agreement.lead_council
    pairs: list[tuple[str, Any, str | None]] = [
        ("LPSA Desk ref", agreement.ref, None),
        ("Council", lead.name, None),
        ("ONS code", lead.code, None),
        ("Agreement title", agreement.title, None),
        ("Generation", agreement.generation.value, None),
        ("Start date", agreement.period_start, "DD/MM/YYYY"),
        ("End date", agreement.period_end, "DD/MM/YYYY"),
        ("Net budget requirement", agreement.net_budget_requirement, MONEY),
        ("Reward rate", agreement.reward_rate, "0.0##%"),
        ("Pump priming grant", agreement.pump_priming_grant, MONEY),
        ("Population", lead.population, "#,##0"),
    ]
    for row, (text, value, number_format) in enumerate(pairs, start=1):
        sheet.cell(row, 1, text).font = Font(bold=True)
        cell = sheet.cell(row, 2, value)
        cell.protection = _UNLOCKED
        if number_format:
            cell.number_format = number_format
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 60
    sheet.protection.sheet = True


def _target_row(target: Target, indicator: Indicator) -> dict[str, Any]:
    return {
        "target_ref": target.ref,
        "indicator_ref": indicator.ref if indicator.ref != target.ref else None,
        "target_title": target.title,
        "indicator": indicator.description,
        "priority": target.priority,
        "unit": label(indicator.unit),
        "direction": indicator.direction.value,
        "decimals": indicator.decimals,
        "baseline": indicator.baseline,
        "baseline_period": indicator.baseline_period,
        "without": indicator.without,
        "with": indicator.with_,
        "end_period": indicator.end_period,
        "interim": indicator.interim,
        "interim_period": indicator.interim_period,
        "interim_actual": indicator.interim_actual,
        "actual": indicator.actual,
        "reward_weight": target.weight,
        "indicator_weight": indicator.weight,
        "reserve": "yes" if target.reserve else "no",
        "lead_partner": target.lead_partner,
        "partners": "; ".join(target.partners),
        "pump_priming": target.pump_priming,
        "data_source": indicator.definition,
        "notes": target.notes,
    }


def _freedom_row(freedom: Any) -> dict[str, Any]:
    return {
        "ref": freedom.ref,
        "description": freedom.description,
        "targets": ", ".join(freedom.targets),
        "department": freedom.department,
        "legal_basis": freedom.legal_basis,
        "status": label(freedom.status),
        "response": freedom.response,
        "alternative": freedom.alternative,
        "delivery": label(freedom.delivery),
    }


def _value_format(indicator: Indicator) -> str:
    """The number format of a row's value cells: its decimals, and its unit shown
    literally (45 shows as 45.0%: the value stays in percentage points)."""
    digits = "0" + ("." + "0" * indicator.decimals if indicator.decimals else "")
    if indicator.unit is Unit.PERCENT:
        return f'{digits}"%"'
    if indicator.unit is Unit.MONEY:
        return f'"£"#,##{digits}'
    return f"#,##{digits}"


def _table(
    sheet: Worksheet, columns: Columns, rows: list[dict[str, Any]], formats: list[str] | None
) -> None:
    for position, (header, _field, width, _fmt, _list) in enumerate(columns, start=1):
        cell = sheet.cell(1, position, header)
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(position)].width = width
    for number, values in enumerate(rows, start=2):
        value_format = formats[number - 2] if formats else None
        for position, (_header, field, _width, fmt, _list) in enumerate(columns, start=1):
            value = values.get(field)
            cell = sheet.cell(number, position, _cell_value(value))
            cell.protection = _UNLOCKED
            chosen = value_format if field in VALUE_FIELDS else fmt
            if chosen:
                cell.number_format = chosen
    last = len(rows) + 1 + EXTRA_ROWS
    for number in range(len(rows) + 2, last + 1):
        for position, (_h, _f, _w, fmt, _l) in enumerate(columns, start=1):
            cell = sheet.cell(number, position)
            cell.protection = _UNLOCKED
            if fmt:
                cell.number_format = fmt
    _validations(sheet, columns, last)
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = True
    # Councils may add, delete, sort and format rows; only the header row is locked.
    for allowed in (
        "insertRows",
        "deleteRows",
        "sort",
        "autoFilter",
        "formatCells",
        "formatColumns",
    ):
        setattr(sheet.protection, allowed, False)


def _cell_value(value: Any) -> Any:
    """Empty text stays an empty cell; Decimals are written exactly (openpyxl keeps their
    text), never through a binary float."""
    return None if value in ("", ()) else value


def _validations(sheet: Worksheet, columns: Columns, last: int) -> None:
    names = list(LISTS)
    for position, (_h, _f, _w, _fmt, list_name) in enumerate(columns, start=1):
        if list_name is None:
            continue
        letter = get_column_letter(names.index(list_name) + 1)
        size = len(LISTS[list_name])
        rule = DataValidation(
            type="list",
            formula1=f"=Lists!${letter}$2:${letter}${size + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop" if list_name in STRICT_LISTS else "warning",
            error="Choose a value from the list.",
        )
        column = get_column_letter(position)
        rule.add(f"{column}2:{column}{last}")
        sheet.add_data_validation(rule)


def _lists_sheet(sheet: Worksheet) -> None:
    for position, (name, values) in enumerate(LISTS.items(), start=1):
        sheet.cell(1, position, name)
        for row, value in enumerate(values, start=2):
            sheet.cell(row, position, value)
    sheet.sheet_state = "hidden"
