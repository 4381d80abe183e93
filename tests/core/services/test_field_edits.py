"""Small edits: one value, or one item added or removed, in one transaction with its audit."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from lpsa_desktop.domain.agreement import Agreement, FreedomRequest, Indicator, Partner
from lpsa_desktop.domain.enums import AgreementStatus, Unit
from lpsa_desktop.errors import InvalidValueError, NotFoundError
from lpsa_desktop.services.agreement_editing import create_agreement
from lpsa_desktop.services.agreement_edits import (
    EditConflictError,
    FieldAddress,
    Part,
    inserted,
    read_field,
    removed,
    with_field,
)
from lpsa_desktop.services.agreement_queries import agreement_history, load_agreement
from lpsa_desktop.services.field_edits import insert_item, remove_item, set_field
from lpsa_desktop.storage.store import Store
from tests.engines import recorded_by

pytestmark = pytest.mark.both_engines


OFFICER = "Test Officer"
WITH_2 = FieldAddress(Part.INDICATOR, "2", "with_")


def test_with_field_changes_only_that_value(demo: Agreement) -> None:
    edited = with_field(demo, WITH_2, Decimal("7.4"))
    assert read_field(edited, WITH_2) == Decimal("7.4")
    assert read_field(demo, WITH_2) == Decimal("7.6")
    changed = [t.ref for t, old in zip(edited.targets, demo.targets, strict=True) if t != old]
    assert changed == ["2"]


@pytest.mark.parametrize(
    ("address", "value"),
    [
        (FieldAddress(Part.INDICATOR, "2", "with_"), "7.4"),  # text, not a Decimal
        (FieldAddress(Part.INDICATOR, "2", "unit"), "percent"),  # text, not a Unit
        (FieldAddress(Part.INDICATOR, "2", "decimals"), True),  # a bool is not an int
        (FieldAddress(Part.INDICATOR, "2", "description"), None),  # required text
        (FieldAddress(Part.INDICATOR, "2", "ref"), "2x"),  # refs are keys
        (FieldAddress(Part.AGREEMENT, None, "generation"), "LPSA2"),
        (FieldAddress(Part.AGREEMENT, None, "pump_priming_grant"), Decimal("1.005")),
        (FieldAddress(Part.AGREEMENT, None, "net_budget_requirement"), Decimal("-1")),
        (FieldAddress(Part.TARGET, "2", "indicators"), ()),
        (FieldAddress(Part.TARGET, "2", "no_such_field"), "x"),
    ],
)
def test_with_field_refuses_values_the_field_cannot_hold(
    demo: Agreement, address: FieldAddress, value: object
) -> None:
    with pytest.raises(InvalidValueError):
        with_field(demo, address, value)


def test_with_field_accepts_enums_optional_values_and_ref_lists(demo: Agreement) -> None:
    edited = with_field(demo, FieldAddress(Part.INDICATOR, "2", "unit"), Unit.COUNT)
    edited = with_field(edited, FieldAddress(Part.INDICATOR, "2", "baseline"), None)
    edited = with_field(edited, FieldAddress(Part.FREEDOM, "F1", "targets"), ("1", "4"))
    edited = with_field(
        edited, FieldAddress(Part.AGREEMENT, None, "status"), AgreementStatus.SIGNED
    )
    found = edited.find_indicator("2")
    assert found is not None
    assert (found[1].unit, found[1].baseline) == (Unit.COUNT, None)
    assert edited.freedoms[0].targets == ("1", "4")
    assert edited.status is AgreementStatus.SIGNED


def test_unknown_items_are_not_found(demo: Agreement) -> None:
    with pytest.raises(NotFoundError):
        with_field(demo, FieldAddress(Part.INDICATOR, "99z", "with_"), Decimal(1))
    with pytest.raises(EditConflictError):
        with_field(demo, FieldAddress(Part.PARTNER, 40, "name"), "Somebody")


def test_inserted_then_removed_gives_back_the_agreement(demo: Agreement) -> None:
    indicator = Indicator(ref="2a", description="Unauthorised absence")
    grown = inserted(demo, Part.INDICATOR, indicator, 1, parent="2")
    target = grown.target("2")
    assert target is not None and [i.ref for i in target.indicators] == ["2", "2a"]
    assert removed(grown, Part.INDICATOR, "2a", parent="2") == demo
    partner = Partner("Bath Chamber of Commerce")
    assert removed(inserted(demo, Part.PARTNER, partner, 0), Part.PARTNER, 0) == demo


def test_an_item_cannot_be_added_under_a_ref_already_taken(demo: Agreement) -> None:
    with pytest.raises(InvalidValueError):
        inserted(demo, Part.FREEDOM, FreedomRequest("F1", "again"), 0)


def test_set_field_writes_the_value_and_the_audit_trail(store: Store, demo: Agreement) -> None:
    create_agreement(store, demo, officer=OFFICER)
    changes = set_field(
        store, demo.ref, WITH_2, Decimal("7.4"), officer=OFFICER, expected=Decimal("7.6")
    )
    assert [(c.field, c.old, c.new) for c in changes] == [("with", "7.6", "7.4")]
    stored = load_agreement(store, demo.ref)
    assert read_field(stored, WITH_2) == Decimal("7.4")
    latest = agreement_history(store, demo.ref, limit=1)[0]
    assert (latest.officer, latest.action, latest.new) == (
        recorded_by(store, OFFICER),
        "edit indicator 2 / With LPSA",
        "7.4",
    )


def test_edits_of_different_fields_from_two_windows_both_stand(
    store: Store, demo: Agreement
) -> None:
    """Each edit is applied to what the store holds then, not to a stale copy."""
    create_agreement(store, demo, officer=OFFICER)
    set_field(store, demo.ref, WITH_2, Decimal("7.4"), officer="window A", expected=Decimal("7.6"))
    title = FieldAddress(Part.TARGET, "2", "title")
    shown = read_field(demo, title)
    set_field(store, demo.ref, title, "Attendance", officer="window B", expected=shown)
    stored = load_agreement(store, demo.ref)
    assert read_field(stored, WITH_2) == Decimal("7.4")
    assert read_field(stored, title) == "Attendance"


def test_a_partner_changed_elsewhere_is_not_overwritten(store: Store, demo: Agreement) -> None:
    create_agreement(store, demo, officer=OFFICER)
    name = FieldAddress(Part.PARTNER, 0, "name")
    original = demo.partners[0].name
    set_field(store, demo.ref, name, "Bath LSP", officer="window B", expected=original)
    with pytest.raises(EditConflictError):
        set_field(store, demo.ref, name, "B&NES LSP", officer="window A", expected=original)
    assert load_agreement(store, demo.ref).partners[0].name == "Bath LSP"


def test_insert_and_remove_items_in_the_store(store: Store, demo: Agreement) -> None:
    create_agreement(store, demo, officer=OFFICER)
    freedom = FreedomRequest("F8", "Pool budgets with the PCT", targets=("4",))
    insert_item(store, demo.ref, Part.FREEDOM, freedom, 7, officer=OFFICER)
    assert load_agreement(store, demo.ref).freedoms[-1] == freedom
    remove_item(store, demo.ref, Part.FREEDOM, "F8", expected=freedom, officer=OFFICER)
    assert load_agreement(store, demo.ref) == demo
    actions = [e.action for e in agreement_history(store, demo.ref, limit=2)]
    assert actions == ["remove freedom", "add freedom"]


def test_a_refused_edit_leaves_the_store_unchanged(store: Store, demo: Agreement) -> None:
    create_agreement(store, demo, officer=OFFICER)
    before = agreement_history(store, demo.ref)
    with pytest.raises(InvalidValueError):
        set_field(store, demo.ref, WITH_2, "seven", officer=OFFICER, expected=Decimal("7.6"))
    assert load_agreement(store, demo.ref) == demo
    assert agreement_history(store, demo.ref) == before


def test_removing_a_signatory_checks_it_is_still_the_one_seen(
    store: Store, demo: Agreement
) -> None:
    create_agreement(store, demo, officer=OFFICER)
    stale = replace(demo.signatories[0], name="Someone else")
    with pytest.raises(EditConflictError):
        remove_item(store, demo.ref, Part.SIGNATORY, 0, expected=stale, officer=OFFICER)
    remove_item(store, demo.ref, Part.SIGNATORY, 0, expected=demo.signatories[0], officer=OFFICER)
    assert load_agreement(store, demo.ref).signatories == demo.signatories[1:]
