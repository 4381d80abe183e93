"""The document fingerprint (same terms ↔ same fingerprint) and how values are written."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement, Indicator
from lpsa_desktop.domain.display import indicator_change, indicator_value
from lpsa_desktop.domain.enums import AgreementStatus, DeliveryStatus, Direction, Unit
from lpsa_desktop.domain.fingerprint import agreement_fingerprint


def _with_indicator(agreement: Agreement, **changes: object) -> Agreement:
    target = agreement.targets[0]
    first = dataclasses.replace(target.indicators[0], **changes)  # type: ignore[arg-type]
    new_target = dataclasses.replace(target, indicators=(first, *target.indicators[1:]))
    return dataclasses.replace(agreement, targets=(new_target, *agreement.targets[1:]))


def test_the_fingerprint_is_twelve_hex_digits_and_stable(demo: Agreement) -> None:
    fingerprint = agreement_fingerprint(demo)
    assert re.fullmatch(r"[0-9a-f]{12}", fingerprint)
    assert agreement_fingerprint(demo) == fingerprint


def test_status_and_monitoring_data_are_not_terms(demo: Agreement) -> None:
    later = _with_indicator(demo, actual=Decimal("74"), interim_actual=Decimal("71"))
    later = dataclasses.replace(
        later,
        status=AgreementStatus.SIGNED,
        freedoms=tuple(
            dataclasses.replace(f, delivery=DeliveryStatus.DELIVERED) for f in demo.freedoms
        ),
    )
    assert agreement_fingerprint(later) == agreement_fingerprint(demo)


def test_how_a_number_was_typed_does_not_matter(demo: Agreement) -> None:
    value = demo.targets[0].indicators[0].with_
    assert value == Decimal("73")
    assert agreement_fingerprint(_with_indicator(demo, with_=Decimal("73.00"))) == (
        agreement_fingerprint(demo)
    )
    assert demo.threshold == Decimal("0.60")
    same_rule = dataclasses.replace(demo, threshold=Decimal("0.6"), cap=Decimal("1"))
    assert agreement_fingerprint(same_rule) == agreement_fingerprint(demo)


def test_any_change_to_a_term_changes_the_fingerprint(demo: Agreement) -> None:
    base = agreement_fingerprint(demo)
    assert agreement_fingerprint(_with_indicator(demo, with_=Decimal("73.5"))) != base
    assert agreement_fingerprint(dataclasses.replace(demo, title=demo.title + ".")) != base
    signatories = (*demo.signatories[:-1], dataclasses.replace(demo.signatories[-1], name="X"))
    assert agreement_fingerprint(dataclasses.replace(demo, signatories=signatories)) != base


def test_precise_values_never_lose_a_digit() -> None:
    percent = Indicator("1", "d", unit=Unit.PERCENT, decimals=1)
    assert indicator_value(percent, Decimal("8.625")) == "8.6%"  # the screen's rounding
    assert indicator_value(percent, Decimal("8.625"), precise=True) == "8.625%"
    assert indicator_value(percent, Decimal("8"), precise=True) == "8.0%"
    rate = Indicator("2", "d", unit=Unit.RATE_PER_1000, decimals=0)
    assert indicator_value(rate, Decimal("5100"), precise=True) == "5,100 per 1,000"
    assert indicator_value(rate, Decimal("5E+3"), precise=True) == "5,000 per 1,000"
    money = Indicator("3", "d", unit=Unit.MONEY)
    assert indicator_value(money, Decimal("1234.5"), precise=True) == "£1,234.50"
    assert indicator_value(money, Decimal("1234.505"), precise=True) == "£1,234.505"


def test_a_change_is_signed_and_in_percentage_points_for_percentages() -> None:
    percent = Indicator("1", "d", unit=Unit.PERCENT, decimals=0)
    assert indicator_change(percent, Decimal("3")) == "+3 percentage points"
    lower = Indicator("2", "d", unit=Unit.RATE_PER_1000, direction=Direction.LOWER)
    assert indicator_change(lower, Decimal("-2.2")) == "−2.2 per 1,000"
    assert indicator_change(lower, Decimal("0")) == "0.0 per 1,000"
    assert indicator_change(lower, None) == "–"
