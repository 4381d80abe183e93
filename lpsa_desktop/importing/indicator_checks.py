"""The domain's rules on each merged indicator, reported at the cells of the file.

An error (no real stretch, a value outside its unit's range) refuses the indicator: the
store keeps what it had and the row goes to the rejects. Warnings are passed on.
"""

from __future__ import annotations

from lpsa_desktop.domain.agreement import Indicator
from lpsa_desktop.domain.clean_indicator import indicator_is_clean
from lpsa_desktop.domain.enums import Severity, Unit
from lpsa_desktop.domain.validation import Location, enhancement_issue, indicator_issues
from lpsa_desktop.importing.cell_numbers import text_of
from lpsa_desktop.importing.field_readers import TARGET_SPECS
from lpsa_desktop.importing.issues import ImportIssue
from lpsa_desktop.importing.return_model import IndicatorEntry, RejectedRow, TableRead

_VALUES = ("baseline", "without", "with_", "interim", "actual")


class IndicatorChecker:
    def __init__(self, file: str, table: TableRead) -> None:
        self.file, self.table = file, table
        self.issues: list[ImportIssue] = []
        self.rejected: list[RejectedRow] = []
        self.columns: dict[str, tuple[int, str]] = {
            TARGET_SPECS[c.field].attribute: (c.index, c.header)
            for c in table.mapping.columns
            if c.field in TARGET_SPECS
        }
        self.direction_given = "direction" in self.columns
        self._accepted: set[str] = set()

    def accepted_any(self, target: str) -> bool:
        return target in self._accepted

    def accept(
        self, target: str, row: IndicatorEntry, indicator: Indicator, old: Indicator | None
    ) -> bool:
        if (
            row.stated_enhancement is None
            and indicator_is_clean(indicator)
            and (old is not None or row.values.get("direction") is not None)
            and (self.table.has_formats or indicator.unit is not Unit.PERCENT)
        ):  # as ``_plain``, inline: this runs for every row
            self._accepted.add(target)
            return True  # the usual row: nothing to say (decided without building issues)
        found = [
            self._located(
                row, issue.location.field or "", issue.severity, issue.message, issue.code
            )
            for issue in indicator_issues(indicator, Location(target, indicator.ref))
            if issue.code not in ("no_baseline", "no_stretch") or old is None
        ]
        if not found and row.stated_enhancement is None and self._plain(row, indicator, old):
            self._accepted.add(target)
            return True  # the usual row: nothing to say
        if row.stated_enhancement is not None:
            mismatch = enhancement_issue(indicator, row.stated_enhancement, Location(target))
            if mismatch is not None:
                found.append(
                    self._located(
                        row, "enhancement", mismatch.severity, mismatch.message, mismatch.code
                    )
                )
        if (
            old is None
            and row.values.get("direction") is None
            and indicator.with_ != indicator.without
        ):
            how = (
                "no Direction column" if not self.direction_given else "the Direction cell is empty"
            )
            found.append(
                self._located(
                    row,
                    "with_",
                    Severity.WARNING,
                    f"{how}: direction read as {indicator.direction.value} from without → with",
                    "direction_inferred",
                )
            )
        if not self.table.has_formats and indicator.unit is Unit.PERCENT:
            found += self._mixed_percentages(row, indicator)
        self.issues += found
        errors = [i for i in found if i.is_error]
        if errors:
            reasons = [f"{i.cell or ''} ({i.header or 'row'}): {i.message}" for i in errors]
            self.rejected.append(RejectedRow(self.table.sheet, row.row, row.raw, reasons))
            return False
        self._accepted.add(target)
        return True

    def refuse(self, row: IndicatorEntry, message: str) -> None:
        """Refuse a row for a reason of its own (not a domain rule): an error at its row."""
        issue = self._located(row, "", Severity.ERROR, message, "ambiguous_ref")
        self.issues.append(issue)
        self.rejected.append(RejectedRow(self.table.sheet, row.row, row.raw, [issue.message]))

    def _plain(self, row: IndicatorEntry, indicator: Indicator, old: Indicator | None) -> bool:
        """No direction to infer and no percentages to doubt."""
        inferred = old is None and row.values.get("direction") is None
        doubtful = not self.table.has_formats and indicator.unit is Unit.PERCENT
        return not inferred and not doubtful

    def _mixed_percentages(self, row: IndicatorEntry, indicator: Indicator) -> list[ImportIssue]:
        """Without cell formats 0.45 may be 45% typed as a fraction: say so, never guess."""
        values = {name: v for name in _VALUES if (v := getattr(indicator, name)) is not None}
        small = {n: v for n, v in values.items() if abs(v) <= 1}
        if not small or len(small) == len(values):
            return []
        return [
            self._located(
                row,
                name,
                Severity.WARNING,
                f"{value} in a percentage indicator whose other values are above 1: "
                f"if {value * 100:f}% was meant, type {value * 100:f}",
                "percent_mixed",
            )
            for name, value in small.items()
        ]

    def _located(
        self, row: IndicatorEntry, field: str, severity: Severity, message: str, code: str
    ) -> ImportIssue:
        column, header = self.columns.get(field, (None, None))
        value = None
        if column is not None and column < len(row.raw):
            value = text_of(row.raw[column])
        return ImportIssue(
            severity,
            self.file,
            f"indicator {row.ref}: {message}",
            sheet=self.table.sheet,
            row=row.row,
            column=column,
            header=header,
            value=value,
            code=code,
        )
