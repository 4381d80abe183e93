"""Rows → targets: refs normalised and inherited, one block of rows per target, no
indicator twice, target fields taken from the first row that gives them."""

from __future__ import annotations

from string import ascii_lowercase
from typing import Any

from lpsa_desktop.domain.enums import Severity
from lpsa_desktop.importing.cell_numbers import CellProblem, Raw, text_of
from lpsa_desktop.importing.column_reader import RowsRead
from lpsa_desktop.importing.issues import ImportIssue
from lpsa_desktop.importing.ref_text import parse_indicator_ref, parse_target_ref
from lpsa_desktop.importing.return_model import IndicatorEntry, RejectedRow, TableRead, TargetEntry

_PERIODS = frozenset({"baseline_period", "end_period", "interim_period"})


class TargetGrouper:
    """Rows → targets. ``key_names`` and ``target_names`` say which field each value of
    a row's keys and target values is (see ``RowsRead``)."""

    def __init__(
        self, file: str, sheet: str, table: TableRead, key_names: list[str], target_names: list[str]
    ) -> None:
        self.file, self.sheet, self.table = file, sheet, table
        self.target_names = target_names
        at = {name: n for n, name in enumerate(key_names)}
        self._council_at = at.get("council")
        self._target_at, self._indicator_at = at.get("target_ref"), at.get("indicator_ref")
        self.current: TargetEntry | None = None
        self._current_values: tuple[Any, ...] | None = None
        """Target values of a row that were found equal to the current target's: the
        next row of the target usually repeats them, and a tuple compares fastest."""
        self.council: str | None = None
        self.targets: dict[tuple[str | None, str], TargetEntry] = {}
        self._unnamed: set[int] = set()
        """The targets (by id) with an indicator that has no ref of its own (rare)."""
        self._repeating: set[int] = set()
        """The targets (by id) with a sub-target cell that repeats the target's ref."""
        self.indicator_rows: dict[tuple[str | None, str], int] = {}
        # Target refs repeat down a big sheet ('1' five times): parse each once.
        self._target_refs: dict[Any, tuple[str, str | None]] = {}

    def add(self, row: int, values: list[Raw], read: RowsRead, n: int) -> None:
        """One data row: its cells as written, and ``read``'s row ``n``. (The hot loop of
        a big import: the usual row's checks are inline.)"""
        try:
            target_ref, indicator_ref, given = self._refs(read.keys[n])
        except CellProblem as problem:
            self._reject(row, values, f"{problem.message}; expected {problem.expected}")
            return
        target = self.current
        if target is None or target.ref != target_ref or target.council != self.council:
            target = self._target(row, target_ref)
            if target is None:
                first = self.targets[(self.council, target_ref)].first_row
                self._reject(
                    row,
                    values,
                    f"target {target_ref} appears again below other targets (its rows start "
                    f"at row {first + 1}): duplicate target ref",
                )
                return
        target_values = read.targets[n]
        if target_values != self._current_values:  # usually: the row repeats its target's
            self._take_target_values(target, row, target_values)
        indicator_values = read.indicators[n]
        # Periods do not make a row an indicator: a header such as "Baseline (2003/04)"
        # gives every row one, headings included.
        if not given and not any(
            v not in (None, "") for k, v in indicator_values.items() if k not in _PERIODS
        ):
            return  # a heading row
        ref = indicator_ref or target_ref
        key = (self.council, ref)
        earlier = self.indicator_rows.get(key)
        if earlier is None:
            self.indicator_rows[key] = row
        elif given:
            self._reject(
                row, values, f"indicator {ref} is already on row {earlier + 1}: duplicate ref"
            )
            return
        if not given:
            self._unnamed.add(id(target))
        elif ref == target_ref:
            self._repeating.add(id(target))
        target.indicators.append(
            IndicatorEntry(
                row, target_ref, ref, indicator_values, read.enhancements[n], given, values
            )
        )

    def _refs(self, keys: tuple[Any, ...]) -> tuple[str, str | None, bool]:
        if self._council_at is not None and (council := keys[self._council_at]):
            self.council = text_of(council).strip()
        raw_target = keys[self._target_at] if self._target_at is not None else None
        raw_indicator = keys[self._indicator_at] if self._indicator_at is not None else None
        indicator_ref = None
        if raw_target is not None:
            parsed = self._target_refs.get(raw_target)
            if parsed is None:
                parsed = self._target_refs[raw_target] = parse_target_ref(raw_target)
            target_ref, indicator_ref = parsed
        elif self.current is not None and self.current.council == self.council:
            target_ref = self.current.ref
        elif raw_indicator is not None:
            target_ref, indicator_ref = parse_target_ref(raw_indicator)
        else:
            raise CellProblem("a target ref", "the row has no target ref and no target above it")
        if raw_indicator is not None:  # ('a', '1') pairs rarely repeat: parsed each time
            indicator_ref = parse_indicator_ref(raw_indicator, target_ref)
        return target_ref, indicator_ref, indicator_ref is not None

    def _target(self, row: int, ref: str) -> TargetEntry | None:
        key = (self.council, ref)
        if self.current is not None and (self.current.council, self.current.ref) == key:
            return self.current
        if key in self.targets:
            return None
        self.current = self.targets[key] = TargetEntry(ref, self.council, row)
        self._current_values = None
        self.table.targets.append(self.current)
        return self.current

    def _take_target_values(self, target: TargetEntry, row: int, given: tuple[Any, ...]) -> None:
        values = dict(zip(self.target_names, given, strict=True))
        if not target.values:  # a target's first row: all its values are taken from it
            target.values.update(values)
            target.value_rows.update(dict.fromkeys(values, row))
            self._current_values = given
            return
        self._current_values = None
        if values == target.values:
            self._current_values = given
            return
        for name, value in values.items():
            if name not in target.values or target.values[name] in (None, "", ()):
                target.values[name] = value
                target.value_rows[name] = row
            elif value not in (None, "", ()) and value != target.values[name]:
                self.table.issues.append(
                    ImportIssue(
                        Severity.WARNING,
                        self.file,
                        f"target {target.ref}'s {name.replace('_', ' ')} differs from row "
                        f"{target.value_rows[name] + 1}; the first is kept",
                        sheet=self.sheet,
                        row=row,
                        value=text_of(str(value)),
                        code="target_conflict",
                    )
                )
        if values == target.values:
            self._current_values = given

    def _reject(self, row: int, values: list[Raw], reason: str) -> None:
        self.table.rejected.append(RejectedRow(self.sheet, row, values, [reason]))
        self.table.issues.append(
            ImportIssue(Severity.ERROR, self.file, reason, sheet=self.sheet, row=row, code="row")
        )

    def finish(self) -> None:
        """Several indicators of one target without refs of their own: 1a, 1b … in order.
        A target numbered 1, 2, 3 in its sub-target cells: the 1 is 1.1 beside 1.2, 1.3."""
        for target in self.table.targets:
            if id(target) in self._repeating:
                self._number_repeated(target)
            if id(target) not in self._unnamed or len(target.indicators) < 2:
                continue
            unnamed = [i for i in target.indicators if not i.ref_given]
            taken = {i.ref for i in target.indicators if i.ref_given}
            letters = (target.ref + c for c in ascii_lowercase if target.ref + c not in taken)
            for indicator in unnamed:
                indicator.ref = next(letters)
            self.table.issues.append(
                ImportIssue(
                    Severity.WARNING,
                    self.file,
                    f"target {target.ref} has several indicators without refs of their own: "
                    f"read as {', '.join(i.ref for i in unnamed)}",
                    sheet=self.sheet,
                    row=unnamed[0].row,
                    code="refs_assigned",
                )
            )

    def _number_repeated(self, target: TargetEntry) -> None:
        """A sub-target cell repeating target 1's ref is the target's own indicator, unless
        its other sub-target cells number it (1, 2, 3): then the cell's '1' is 1.1 as the
        '2' is 1.2. Nothing is made up: each ref is the target's and its cell's."""
        others = [i for i in target.indicators if i.ref != target.ref]
        numbered = target.ref.isdigit() and bool(others)
        for indicator in others:
            rest = indicator.ref.removeprefix(target.ref + ".")
            numbered = numbered and indicator.ref_given and rest != indicator.ref
            numbered = numbered and rest.isdigit()
        if numbered:
            for indicator in target.indicators:
                if indicator.ref == target.ref and indicator.ref_given:
                    indicator.ref = f"{target.ref}.{target.ref}"
