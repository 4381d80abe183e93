"""Reading a table column by column: the hot path of a big import.

Going down one column at a time lets each column use the cheapest way to read its cells:
numbers straight from calamine's floats, and every other column (units, directions,
periods, names, money) read once per distinct value and then looked up, since a return
repeats them all the way down. Rows are then put back together from the columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from lpsa_desktop.domain.enums import Severity
from lpsa_desktop.importing.cell_numbers import CellProblem, Raw, ToBeConfirmed, plain, text_of
from lpsa_desktop.importing.column_mapping import Column
from lpsa_desktop.importing.field_readers import FieldSpec, read_value
from lpsa_desktop.importing.issues import ImportIssue
from lpsa_desktop.importing.sheet_scan import SheetScan

_EMPTY: dict[str, Any] = {
    "title": "",
    "notes": "",
    "description": "",
    "definition": "",
    "partners": (),
}


@dataclass
class RowRead:
    """One row's cells, sorted by where they go."""

    keys: dict[str, Any] = field(default_factory=dict)
    target: dict[str, Any] = field(default_factory=dict)
    indicator: dict[str, Any] = field(default_factory=dict)
    enhancement: Decimal | None = None
    errors: list[str] = field(default_factory=list)


@dataclass
class ColumnPlan:
    column: Column
    spec: FieldSpec
    position: int
    """Where the column sits in calamine's row lists (its index less the sheet's offset)."""


class ColumnReader:
    def __init__(self, file: str, sheet: str, scan: SheetScan, plans: Sequence[ColumnPlan]) -> None:
        self.file, self.sheet, self.scan, self.plans = file, sheet, scan, plans
        self.issues: list[ImportIssue] = []

    def read(self, rows: Sequence[tuple[int, list[Raw]]], fixed: dict[str, Any]) -> list[RowRead]:
        """``rows`` as (row index, values); ``fixed`` indicator values every row gets."""
        reads = [RowRead(indicator=dict(fixed)) for _ in rows]
        # calamine's rows all have the sheet's width; merged-cell fills may lengthen some.
        width = max((len(values) for _, values in rows), default=0)
        grid = [v if len(v) == width else [*v, *[""] * (width - len(v))] for _, v in rows]
        columns = list(zip(*grid, strict=True)) if grid else []
        blank: tuple[Raw, ...] = ("",) * len(rows)
        for plan in self.plans:
            cells = list(columns[plan.position]) if plan.position < width else list(blank)
            parsed = self._column(plan, rows, cells, reads)
            self._place(plan, cells, parsed, reads)
        return reads

    def _column(
        self,
        plan: ColumnPlan,
        rows: Sequence[tuple[int, list[Raw]]],
        cells: list[Raw],
        reads: list[RowRead],
    ) -> list[Any]:
        if plan.spec.level == "key":
            return cells
        index = plan.column.index
        percent_rows = {r for r, cols in self.scan.percent_cells.items() if index in cols}
        errors = {r: t for (r, c), t in self.scan.error_cells.items() if c == index}
        empty = _EMPTY.get(plan.spec.attribute)
        numbers = plan.spec.read is read_value
        if not errors and numbers and all(c.__class__ is float or c == "" for c in cells):
            if not percent_rows:
                return [empty if c == "" else _decimal(c) for c in cells]
            return [
                empty
                if c == ""
                else plain(_decimal(c).scaleb(2))
                if r in percent_rows
                else _decimal(c)
                for c, (r, _values) in zip(cells, rows, strict=True)
            ]
        if not (percent_rows or errors or numbers) and all(c.__class__ is str for c in cells):
            return self._distinct_texts(plan, rows, cells, reads, empty)
        memory: dict[tuple[type, Raw, bool], Any] = {}
        parsed: list[Any] = []
        append = parsed.append
        for n, raw in enumerate(cells):
            # calamine gives a formula's error value as empty text: the scan knows better.
            if errors and rows[n][0] in errors:
                self._error((plan, rows[n][0], errors[rows[n][0]]), reads[n], _FORMULA_ERROR)
                append(None)
                continue
            if raw == "":
                append(empty)
                continue
            row = rows[n][0]
            percent = row in percent_rows
            if numbers and raw.__class__ is float and not percent:
                text = format(raw, ".15g")  # parse_number's float path, without the calls
                append(plain(Decimal(text)) if "e" in text else Decimal(text))
                continue
            key = (raw.__class__, raw, percent)
            if key in memory:
                append(memory[key])
                continue
            try:
                value = memory[key] = plan.spec.read(raw, percent)
            except CellProblem as problem:
                value = None
                self._error(
                    (plan, row, text_of(raw)), reads[n], (problem.expected, problem.message)
                )
            except ToBeConfirmed:
                value = None
                self.issues.append(
                    self._issue(Severity.WARNING, (plan, row, text_of(raw)), "to be confirmed")
                )
            append(value)
        return parsed

    def _distinct_texts(
        self,
        plan: ColumnPlan,
        rows: Sequence[tuple[int, list[Raw]]],
        cells: list[Raw],
        reads: list[RowRead],
        empty: Any,
    ) -> list[Any]:
        """A column of text: each distinct text is read once, then looked up for each row."""
        read = plan.spec.read
        known: dict[Raw, Any] = {"": empty}
        refused: set[Raw] = set()
        for text in set(cells) - known.keys():
            try:
                known[text] = read(text, False)
            except (CellProblem, ToBeConfirmed):
                known[text] = None
                refused.add(text)
        if refused:  # report each refused cell where it is (rare: the slow path is fine)
            for n, text in enumerate(cells):
                if text in refused:
                    self._report(plan, rows[n][0], text, reads[n])
        return [known[text] for text in cells]

    def _report(self, plan: ColumnPlan, row: int, raw: Raw, read: RowRead) -> None:
        try:
            plan.spec.read(raw, False)
        except CellProblem as problem:
            self._error((plan, row, text_of(raw)), read, (problem.expected, problem.message))
        except ToBeConfirmed:
            self.issues.append(
                self._issue(Severity.WARNING, (plan, row, text_of(raw)), "to be confirmed")
            )

    def _place(
        self, plan: ColumnPlan, cells: list[Raw], parsed: list[Any], reads: list[RowRead]
    ) -> None:
        level, attribute = plan.spec.level, plan.spec.attribute
        if level == "indicator":
            for read, value in zip(reads, parsed, strict=True):
                read.indicator[attribute] = value
        elif level == "target":
            for read, value in zip(reads, parsed, strict=True):
                read.target[attribute] = value
        elif level == "key":
            for read, raw in zip(reads, cells, strict=True):
                read.keys[attribute] = None if raw == "" else raw
        else:
            for read, value in zip(reads, parsed, strict=True):
                read.enhancement = value

    def _error(
        self, where: tuple[ColumnPlan, int, str], read: RowRead, why: tuple[str, str]
    ) -> None:
        """``where``: the column, the row and the value as written; ``why``: what was
        expected and what is wrong."""
        expected, message = why
        plan, _row, value = where
        issue = self._issue(Severity.ERROR, where, message, expected)
        self.issues.append(issue)
        read.errors.append(
            f"{issue.cell} ({plan.column.header}): {value!r} {message}; expected {expected}"
        )

    def _issue(
        self,
        severity: Severity,
        where: tuple[ColumnPlan, int, str],
        message: str,
        expected: str | None = None,
    ) -> ImportIssue:
        plan, row, value = where
        return ImportIssue(
            severity,
            self.file,
            message,
            sheet=self.sheet,
            row=row,
            column=plan.column.index,
            header=plan.column.header,
            value=value,
            expected=expected,
            code="cell",
        )


_FORMULA_ERROR = ("a value, not a formula error", "is a formula error")


def _decimal(raw: Raw) -> Decimal:
    """A float cell without percentage format, as ``parse_number`` reads it, minus the calls."""
    text = format(raw, ".15g")
    return plain(Decimal(text)) if "e" in text else Decimal(text)
