"""Reading a table column by column: the hot path of a big import.

Going down one column at a time lets each column use the cheapest way to read its cells:
numbers straight from calamine's floats, and every other column (units, directions,
periods, names, money) read once per distinct value and then looked up, since a return
repeats them all the way down. Rows are then put back together from the columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import compress
from typing import Any, cast

from lpsa_desktop.domain.enums import Severity
from lpsa_desktop.domain.numbers import LARGEST
from lpsa_desktop.importing.cell_numbers import (
    CellProblem,
    Raw,
    ToBeConfirmed,
    float_decimal,
    text_of,
)
from lpsa_desktop.importing.column_mapping import Column
from lpsa_desktop.importing.column_numbers import decimal_column, percentages_as_shown
from lpsa_desktop.importing.field_readers import FieldSpec, Reader, read_value
from lpsa_desktop.importing.issues import ImportIssue
from lpsa_desktop.importing.sheet_scan import SheetScan

_EMPTY: dict[str, Any] = dict.fromkeys(("title", "notes", "description", "definition"), "")
_EMPTY["partners"] = ()


@dataclass
class RowsRead:
    """A table's rows as read: for row ``n`` (its place in the table), ``keys[n]`` and
    ``targets[n]`` hold its values in the order of ``key_names`` and ``target_names``,
    ``indicators[n]`` its indicator fields, ``errors.get(n)`` why it cannot be read."""

    key_names: list[str]
    target_names: list[str]
    keys: list[tuple[Any, ...]]
    targets: list[tuple[Any, ...]]
    indicators: list[dict[str, Any]]
    enhancements: list[Decimal | None]
    errors: dict[int, list[str]]


@dataclass
class ColumnPlan:
    column: Column
    spec: FieldSpec


class ColumnReader:
    def __init__(self, file: str, sheet: str, scan: SheetScan, plans: Sequence[ColumnPlan]) -> None:
        self.file, self.sheet, self.scan, self.plans = file, sheet, scan, plans
        self.issues: list[ImportIssue] = []
        self._errors: dict[int, list[str]] = {}
        # The scan is the whole sheet's: turned round per column once, not once per batch.
        self._percent_rows = _percent_rows(scan)
        self._error_rows = _error_rows(scan)
        self._percent_places: dict[frozenset[int], list[int]] = {}
        # Floats read as Decimals (and as percentages shown), for every batch's columns.
        self._decimals: dict[Raw, Decimal] = {}
        self._percents: dict[Raw, Decimal] = {}
        self._made: tuple[tuple[str, ...], dict[str, Any], Callable[..., dict[str, Any]]] | None
        self._made = None  # the last row_dict: every batch of a table asks for the same

    def read(self, rows: Sequence[tuple[int, list[Raw]]], fixed: dict[str, Any]) -> RowsRead:
        """``rows`` as (row index, values); ``fixed`` indicator values every row gets."""
        self._errors, self._percent_places = {}, {}
        columns, width = _transposed(rows)
        blank: tuple[Raw, ...] = ("",) * len(rows)
        parsed: dict[str, tuple[list[str], list[Sequence[Any]]]] = {
            level: ([], []) for level in ("key", "target", "indicator", "check")
        }
        for plan in self.plans:
            cells = columns[plan.column.index] if plan.column.index < width else blank
            names, values = parsed[plan.spec.level]
            names.append(plan.spec.attribute)
            if plan.spec.level == "key":  # kept as written; empty is None
                values.append(
                    [None if raw == "" else raw for raw in cells] if "" in cells else list(cells)
                )
            else:
                values.append(self._column(plan, rows, cells))
        return self._rows(len(rows), parsed, fixed)

    def _rows(
        self,
        count: int,
        parsed: dict[str, tuple[list[str], list[Sequence[Any]]]],
        fixed: dict[str, Any],
    ) -> RowsRead:
        """The columns put back together as rows: tuples, and one dict per row for the
        indicator (built in one call rather than cell by cell)."""
        (keys, key_values), (targets, target_values) = parsed["key"], parsed["target"]
        names, indicator_values = parsed["indicator"]
        checks = parsed["check"][1]
        nothing: list[tuple[Any, ...]] = [()] * count
        if indicator_values:
            indicators = list(map(self._row_dict(tuple(names), fixed), *indicator_values))
        else:
            indicators = [dict(fixed) for _ in range(count)]
        return RowsRead(
            keys,
            targets,
            list(zip(*key_values, strict=True)) if key_values else nothing,
            list(zip(*target_values, strict=True)) if target_values else nothing,
            indicators,
            list(checks[-1]) if checks else [None] * count,
            self._errors,
        )

    def _row_dict(
        self, names: tuple[str, ...], fixed: dict[str, Any]
    ) -> Callable[..., dict[str, Any]]:
        if self._made is None or self._made[:2] != (names, fixed):
            fixed = dict(fixed)  # as it is now, whatever becomes of the caller's
            self._made = (names, fixed, row_dict(names, fixed))
        return self._made[2]

    def _column(
        self, plan: ColumnPlan, rows: Sequence[tuple[int, list[Raw]]], cells: Sequence[Raw]
    ) -> list[Any]:
        index = plan.column.index
        percent_rows = self._percent_rows.get(index, _NO_ROWS)
        errors = self._error_rows.get(index, {})
        empty = _EMPTY.get(plan.spec.attribute)
        numbers = plan.spec.read is read_value
        # A return repeats its values: each distinct one is judged once.
        distinct = set(cells)
        if not errors and distinct == _ONLY_EMPTY:  # a column left empty (actuals, notes)
            return [empty] * len(cells)
        types = set(map(type, distinct))
        if types != _TEXT:  # numbers hide each other in a set (True == 1.0, 0 == 0.0), so
            types = set(map(type, cells))  # their types are taken from every cell
        if (
            not errors
            and numbers
            and types <= _FLOAT_OR_TEXT
            and all(c == "" for c in distinct if c.__class__ is str)
            and all(-LARGEST <= c <= LARGEST for c in distinct if c.__class__ is float)
        ):
            values = decimal_column(cells, distinct, empty, self._decimals)
            if percent_rows:
                places = self._places(rows, percent_rows)
                percentages_as_shown(values, cells, places, self._percents)
            return values
        if not (percent_rows or errors or numbers) and types <= _FLOAT_OR_TEXT:
            return self._distinct_values(plan, rows, cells, distinct, empty)
        memory: dict[tuple[type, Raw, bool], Any] = {}
        parsed: list[Any] = []
        append = parsed.append
        for n, raw in enumerate(cells):
            # calamine gives a formula's error value as empty text: the scan knows better.
            if errors and rows[n][0] in errors:
                self._error((plan, rows[n][0], errors[rows[n][0]]), n, _FORMULA_ERROR)
                append(None)
                continue
            if raw == "":
                append(empty)
                continue
            row = rows[n][0]
            percent = row in percent_rows
            if numbers and raw.__class__ is float and not percent and -LARGEST <= raw <= LARGEST:
                append(float_decimal(raw))  # parse_number's float path, without the calls
                continue
            key = (raw.__class__, raw, percent)
            if key in memory:
                append(memory[key])
                continue
            try:
                value = memory[key] = plan.spec.read(raw, percent)
            except CellProblem as problem:
                value = None
                self._error((plan, row, text_of(raw)), n, (problem.expected, problem.message))
            except ToBeConfirmed:
                value = empty  # no value yet: "" for a text field, None for a number
                self.issues.append(
                    self._issue(Severity.WARNING, (plan, row, text_of(raw)), "to be confirmed")
                )
            append(value)
        return parsed

    def _places(self, rows: Sequence[tuple[int, list[Raw]]], shown: frozenset[int]) -> list[int]:
        """The places in this batch of the rows in ``shown``: found once for all the columns
        formatted alike (a return's value columns share their percentage rows)."""
        places = self._percent_places.get(shown)
        if places is None:
            found = map(shown.__contains__, [row for row, _values in rows])
            places = self._percent_places[shown] = list(compress(range(len(rows)), found))
        return places

    def _distinct_values(
        self,
        plan: ColumnPlan,
        rows: Sequence[tuple[int, list[Raw]]],
        cells: Sequence[Raw],
        distinct: set[Raw],
        empty: Any,
    ) -> list[Any]:
        """A column of text (or money, weights: floats and text): each distinct value is
        read once, then looked up for each row. (Floats and texts never equal each other,
        so a set of them loses none.)"""
        read = plan.spec.read
        if len(distinct) * 2 > len(cells):  # mostly different (descriptions): read one by one
            values = _each_read(read, cells, empty)
            if values is not None:
                return values
        known: dict[Raw, Any] = {"": empty}
        refused: set[Raw] = set()
        for text in distinct - known.keys():
            try:
                known[text] = read(text, False)
            except CellProblem:
                known[text] = None  # the row is refused with the cell's error
                refused.add(text)
            except ToBeConfirmed:
                known[text] = empty  # no value yet, with a warning (a text field is "")
                refused.add(text)
        if refused:  # report each refused cell where it is (rare: the slow path is fine)
            for n, text in enumerate(cells):
                if text in refused:
                    self._report(plan, rows[n][0], text, n)
        return [known[text] for text in cells]

    def _report(self, plan: ColumnPlan, row: int, raw: Raw, n: int) -> None:
        try:
            plan.spec.read(raw, False)
        except CellProblem as problem:
            self._error((plan, row, text_of(raw)), n, (problem.expected, problem.message))
        except ToBeConfirmed:
            self.issues.append(
                self._issue(Severity.WARNING, (plan, row, text_of(raw)), "to be confirmed")
            )

    def _error(self, where: tuple[ColumnPlan, int, str], n: int, why: tuple[str, str]) -> None:
        """``where``: the column, the row and the value as written; ``n``: the row's place
        in the table; ``why``: what was expected and what is wrong."""
        expected, message = why
        plan, _row, value = where
        issue = self._issue(Severity.ERROR, where, message, expected)
        self.issues.append(issue)
        self._errors.setdefault(n, []).append(
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


def _each_read(read: Reader, cells: Sequence[Raw], empty: Any) -> list[Any] | None:
    """Each cell read in turn, without the memory that pays only when values repeat; None
    when a cell is refused or to be confirmed (the caller reads again and reports it)."""
    try:
        return [empty if raw == "" else read(raw, False) for raw in cells]
    except (CellProblem, ToBeConfirmed):
        return None


def _transposed(rows: Sequence[tuple[int, list[Raw]]]) -> tuple[list[tuple[Raw, ...]], int]:
    """The rows' cells column by column, and how many columns."""
    grid = [values for _row, values in rows]
    lengths = set(map(len, grid))
    width = max(lengths, default=0)
    if len(lengths) > 1:  # calamine's rows have the sheet's width; merged-cell fills may not
        grid = [v if len(v) == width else [*v, *[""] * (width - len(v))] for v in grid]
    return list(zip(*grid, strict=True)), width


def _percent_rows(scan: SheetScan) -> dict[int, frozenset[int]]:
    """Column → the rows where it is shown as a percentage; columns formatted alike share
    one set (so a batch finds their places once)."""
    by_column: dict[int, set[int]] = {}
    for row, shown in scan.percent_cells.items():
        for column in shown:
            by_column.setdefault(column, set()).add(row)
    shared: dict[frozenset[int], frozenset[int]] = {}
    return {c: shared.setdefault(frozenset(r), frozenset(r)) for c, r in by_column.items()}


def _error_rows(scan: SheetScan) -> dict[int, dict[int, str]]:
    """Column → its formula errors by row."""
    by_column: dict[int, dict[int, str]] = {}
    for (row, column), text in scan.error_cells.items():
        by_column.setdefault(column, {})[row] = text
    return by_column


def row_dict(names: tuple[str, ...], fixed: dict[str, Any]) -> Callable[..., dict[str, Any]]:
    """A function making a row's dict from its values in the order of ``names``, with the
    ``fixed`` values too, as ``{**fixed, **dict(zip(names, values))}`` would. It is made
    with a dict display (as dataclasses make their methods), which builds a dict of
    known keys in one step: twice as fast as ``dict(zip(...))`` over 20,000 rows."""
    values = [f"v{n}" for n in range(len(names))]
    at = dict(zip(names, values, strict=True))  # a repeated name: the last value wins
    keys = [*fixed, *(name for name in at if name not in fixed)]
    items = ", ".join(f"{key!r}: {at.get(key, f'fixed[{key!r}]')}" for key in keys)
    made = eval(f"lambda {', '.join(values)}: {{{items}}}", {"fixed": fixed})
    return cast(Callable[..., dict[str, Any]], made)


_FORMULA_ERROR = ("a value, not a formula error", "is a formula error")
_FLOAT_OR_TEXT = frozenset({float, str})
_ONLY_EMPTY = {""}
_TEXT = {str}
_NO_ROWS: frozenset[int] = frozenset()
