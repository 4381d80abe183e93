"""The Agreement sheet: labels in one cell, the value in the next non-empty cell to the right."""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import Any

from lpsa_desktop.domain.enums import Severity
from lpsa_desktop.importing.cell_numbers import (
    CellProblem,
    Raw,
    ToBeConfirmed,
    parse_integer,
    parse_money,
    parse_rate,
    text_of,
)
from lpsa_desktop.importing.cell_periods import parse_date
from lpsa_desktop.importing.cell_words import GENERATION_WORDS, parse_word
from lpsa_desktop.importing.column_mapping import fold_header
from lpsa_desktop.importing.field_readers import read_optional_text
from lpsa_desktop.importing.issues import ImportIssue
from lpsa_desktop.importing.return_model import AgreementFields
from lpsa_desktop.importing.workbook_reader import SheetGrid

_AGREEMENT_ROWS = 200
"""An Agreement sheet is a short form; nothing below this many rows is read."""

_LABELS: dict[str, tuple[str, ...]] = {
    "council": ("Council", "Authority", "Local authority"),
    "council_code": ("ONS code", "GSS code", "LA code", "Council code"),
    "ref": ("LPSA Desk ref", "Agreement ref"),
    "title": ("Agreement", "Title", "Agreement title"),
    "generation": ("Generation", "LPSA round"),
    "period_start": ("Start", "Start date", "Period from"),
    "period_end": ("End", "End date", "Period to"),
    "net_budget_requirement": ("Net budget requirement", "NBR", "Net budget"),
    "reward_rate": ("Reward rate", "PRG rate"),
    "pump_priming_grant": ("Pump priming grant", "PPG", "Pump-priming"),
    "population": ("Population",),
}
LABEL_FIELDS = {fold_header(label)[0]: name for name, labels in _LABELS.items() for label in labels}

_READERS: dict[str, tuple[Callable[[Raw, bool], Any], str]] = {
    "council": (read_optional_text, "a council's name"),
    "council_code": (read_optional_text, "a code such as E06000022"),
    "ref": (read_optional_text, "an agreement ref"),
    "title": (read_optional_text, "a title"),
    "generation": (
        lambda raw, _p: parse_word(raw, GENERATION_WORDS, "LPSA1 or LPSA2"),
        "LPSA1 or LPSA2",
    ),
    "period_start": (lambda raw, _p: parse_date(raw), "a date such as 01/04/2003"),
    "period_end": (lambda raw, _p: parse_date(raw, end=True), "a date such as 31/03/2006"),
    "net_budget_requirement": (lambda raw, _p: parse_money(raw), "money such as £143,118,000"),
    "reward_rate": (lambda raw, p: parse_rate(raw, percent_format=p), "a rate such as 2.5%"),
    "pump_priming_grant": (lambda raw, _p: parse_money(raw), "money such as £919,613"),
    "population": (lambda raw, _p: parse_integer(raw), "a whole number"),
}


def looks_like_agreement(grid: SheetGrid) -> bool:
    rows = grid.peek(30)
    labels = {
        LABEL_FIELDS.get(fold_header(v)[0]) for row in rows for v in row if isinstance(v, str)
    }
    labels.discard(None)
    return len(labels) >= 2


def read_agreement_sheet(file: str, grid: SheetGrid) -> tuple[AgreementFields, list[ImportIssue]]:
    fields = AgreementFields()
    issues: list[ImportIssue] = []
    for row, values in enumerate(islice(grid.rows, _AGREEMENT_ROWS)):
        for position, cell in enumerate(values):
            if not isinstance(cell, str):
                continue
            name = LABEL_FIELDS.get(fold_header(cell)[0])
            if name is None or getattr(fields, name) is not None:
                continue
            found = next(((i, v) for i, v in enumerate(values) if i > position and v != ""), None)
            if found is None:
                continue
            column, raw = found[0], found[1]
            read, expected = _READERS[name]
            percent = column in grid.scan.percent_cells.get(row, set())
            try:
                setattr(fields, name, read(raw, percent))
            except ToBeConfirmed:
                issues.append(
                    _issue(
                        Severity.WARNING,
                        file,
                        (grid.name, row, column, cell, raw),
                        "to be confirmed",
                    )
                )
            except CellProblem as problem:
                issues.append(
                    _issue(
                        Severity.ERROR,
                        file,
                        (grid.name, row, column, cell, raw),
                        problem.message,
                        expected,
                    )
                )
    return fields, issues


def _issue(
    severity: Severity,
    file: str,
    where: tuple[str, int, int, str, Raw],
    message: str,
    expected: str | None = None,
) -> ImportIssue:
    """``where``: sheet, row, column, the label beside the value, and the value."""
    sheet, row, column, label, raw = where
    return ImportIssue(
        severity,
        file,
        message,
        sheet=sheet,
        row=row,
        column=column,
        header=label.strip(),
        value=text_of(raw),
        expected=expected,
        code="agreement_field",
    )
