"""Validation again after an edit, working out only what the edit touched.

The window validates the agreement on screen after every edit. An edit replaces only the
indicators it changed (frozen dataclasses: every other one is the same object), and a
changed indicator usually differs in one field (a pasted outturn). ``ValidationMemo``
keeps each indicator's issues in their three parts (``validation.stretch_issues``,
``value_issues`` per field, ``decimals_issues``) and works a part out again only when a
field it reads has changed; the agreement's and the targets' own checks (duplicate refs,
weights) are always made again, being sums over the whole. The answer is exactly
``validate_agreement``'s, in the same order (a test holds the two together on random edits).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

from lpsa_desktop.domain.agreement import Agreement, Indicator
from lpsa_desktop.domain.enums import Severity
from lpsa_desktop.domain.validation import (
    STRETCH_INPUTS,
    VALUE_FIELDS,
    Location,
    ValidationIssue,
    agreement_level_issues,
    decimals_issues,
    freedom_issues,
    stretch_issues,
    target_level_issues,
    value_issues,
)


@dataclass(frozen=True)
class _Parts:
    indicator: Indicator
    stretch: tuple[ValidationIssue, ...]
    values: tuple[tuple[ValidationIssue, ...], ...]  # in VALUE_FIELDS order
    decimals: tuple[ValidationIssue, ...]
    issues: tuple[ValidationIssue, ...]  # the three together, in indicator_issues' order


def _parts(
    indicator: Indicator,
    stretch: tuple[ValidationIssue, ...],
    values: tuple[tuple[ValidationIssue, ...], ...],
    decimals: tuple[ValidationIssue, ...],
) -> _Parts:
    together = stretch + tuple(chain.from_iterable(values)) + decimals
    return _Parts(indicator, stretch, values, decimals, together)


class ValidationMemo:
    """``validate(agreement)`` == ``validate_agreement(agreement)``, reusing earlier work."""

    def __init__(self) -> None:
        self._parts: dict[tuple[str, str], _Parts] = {}

    def validate(self, agreement: Agreement) -> list[ValidationIssue]:
        issues = list(agreement_level_issues(agreement))
        kept: dict[tuple[str, str], _Parts] = {}
        for target in agreement.targets:
            issues.extend(target_level_issues(target))
            for indicator in target.indicators:
                key = (target.ref, indicator.ref)
                parts = self._parts_of(key, indicator)
                kept.setdefault(key, parts)  # a duplicate ref: the first is remembered
                issues.extend(parts.issues)
        issues.extend(freedom_issues(agreement))
        self._parts = kept  # only what is on screen now: the memo never grows
        return sorted(issues, key=lambda i: i.severity is not Severity.ERROR)

    def _parts_of(self, key: tuple[str, str], indicator: Indicator) -> _Parts:
        before = self._parts.get(key)
        if before is not None and before.indicator is indicator:
            return before
        where = Location(*key)
        if before is None:
            return _parts(
                indicator,
                tuple(stretch_issues(indicator, where)),
                tuple(tuple(value_issues(indicator, name, where)) for name in VALUE_FIELDS),
                tuple(decimals_issues(indicator, where)),
            )
        # A field an edit did not touch holds the very same object (``indicator_replaced``,
        # ``dataclasses.replace``); any other is taken as changed, equal or not, so a part
        # is reused only where what it read is exactly what it reads now.
        was, now = before.indicator.__dict__, indicator.__dict__
        stretch = before.stretch
        if not all(was[name] is now[name] for name in STRETCH_INPUTS):
            stretch = tuple(stretch_issues(indicator, where))
        same_unit = was["unit"] is now["unit"]
        values = tuple(
            [
                part
                if same_unit and was[name] is now[name]
                else tuple(value_issues(indicator, name, where))
                for name, part in zip(VALUE_FIELDS, before.values, strict=True)
            ]
        )
        decimals = before.decimals
        if was["decimals"] is not now["decimals"]:
            decimals = tuple(decimals_issues(indicator, where))
        return _parts(indicator, stretch, values, decimals)
