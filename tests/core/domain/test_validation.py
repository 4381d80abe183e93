"""Validation returns located problems; a clean agreement has none."""

from __future__ import annotations

import dataclasses

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import Direction, Severity, Unit
from lpsa_desktop.domain.validation import Location, enhancement_issue, validate_agreement
from tests.core.domain.builders import D, agreement, indicator, target


def codes(a: Agreement) -> set[tuple[str, str]]:
    return {(i.code, str(i.location)) for i in validate_agreement(a)}


def test_the_demo_agreement_is_clean(demo: Agreement) -> None:
    assert validate_agreement(demo) == []


def test_with_value_not_better_than_without_is_an_error_in_either_direction() -> None:
    higher = agreement(target("1", indicator(without="60", with_="55")))
    lower = agreement(
        target(
            "1", indicator(without="100", with_="110", direction=Direction.LOWER, unit=Unit.COUNT)
        )
    )
    for a in (higher, lower):
        [issue] = [i for i in validate_agreement(a) if i.code == "not_stretched"]
        assert issue.severity is Severity.ERROR
        assert str(issue.location) == "target 1 / indicator 1 / with"


def test_weights_that_do_not_sum_to_one_are_an_error() -> None:
    a = agreement(target("1", weight="0.5"), target("2", weight="0.4"))
    assert ("target_weights", "weight") in codes(a)
    b = agreement(target("1", indicator("1a", weight="0.7"), indicator("1b", weight="0.7")))
    assert ("indicator_weights", "target 1 / weight") in codes(b)


def test_partial_weights_leaving_a_remainder_are_consistent() -> None:
    a = agreement(target("1", weight="0.5"), target("2"), target("3"))
    assert not {c for c, _ in codes(a)} & {"target_weights"}


def test_pump_priming_allocations_must_add_up_to_the_grant(demo: Agreement) -> None:
    # B&NES papers printed £919,613 and £919,163 for the same grant.
    a = dataclasses.replace(demo, pump_priming_grant=D("919163"))
    [issue] = [i for i in validate_agreement(a) if i.code == "ppg_allocation"]
    assert issue.severity is Severity.WARNING
    assert "£919,613.00" in issue.message and "£919,163.00" in issue.message


def test_missing_baseline_is_a_warning() -> None:
    [issue] = [
        i
        for i in validate_agreement(agreement(target("1", indicator(baseline=None))))
        if i.code == "no_baseline"
    ]
    assert issue.severity is Severity.WARNING


def test_percentage_over_one_hundred_is_an_error() -> None:
    a = agreement(target("1", indicator(without="90", with_="104")))
    assert ("unit_range", "target 1 / indicator 1 / with") in codes(a)


def test_without_worse_than_baseline_is_a_warning() -> None:
    a = agreement(target("1", indicator(baseline="55", without="50", with_="60")))
    assert ("without_worse_than_baseline", "target 1 / indicator 1 / without") in codes(a)


def test_duplicate_refs_and_unknown_freedom_targets_are_errors(demo: Agreement) -> None:
    dup = dataclasses.replace(demo, targets=(*demo.targets, demo.targets[0]))
    assert ("duplicate_target", "target 1") in codes(dup)
    freedom = dataclasses.replace(demo.freedoms[0], targets=("99",))
    bad_link = dataclasses.replace(demo, freedoms=(freedom,))
    assert ("unknown_target", "freedom F1 / targets") in codes(bad_link)


def test_errors_come_before_warnings() -> None:
    a = agreement(target("1", indicator(baseline=None, without="60", with_="50")))
    severities = [i.severity for i in validate_agreement(a)]
    assert severities == sorted(severities, key=lambda s: s is not Severity.ERROR)
    assert Severity.ERROR in severities and Severity.WARNING in severities


def test_stated_enhancement_is_checked_against_with_minus_without() -> None:
    ind = indicator(without="50", with_="60")
    where = Location("1", "1")
    assert enhancement_issue(ind, D("10"), where) is None
    issue = enhancement_issue(ind, D("12"), where)
    assert issue is not None and "12" in issue.message and "10" in issue.message
