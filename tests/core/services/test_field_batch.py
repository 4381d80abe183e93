"""A paste's many cells are stored in one transaction: all of them, or none."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lpsa_desktop.services.agreement_edits import EditConflictError, FieldAddress, Part
from lpsa_desktop.services.agreement_queries import agreement_history, load_agreement
from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.services.field_batch import set_fields
from lpsa_desktop.services.field_changes import FieldChange
from lpsa_desktop.storage.store import Store

pytestmark = pytest.mark.both_engines


def outturn(ref: str) -> FieldAddress:
    return FieldAddress(Part.INDICATOR, ref, "actual")


def test_every_cell_is_stored_with_one_audit_action(store: Store) -> None:
    ref = add_demo_agreement(store, officer="Jane Smith")
    changes = [
        FieldChange(outturn("1a"), Decimal("70"), expected=None),
        FieldChange(outturn("2"), Decimal("7.5"), expected=None),
        FieldChange(FieldAddress(Part.FREEDOM, "F1", "department"), "DfES", expected=None),
    ]
    changes[2] = FieldChange(
        changes[2].address,
        "DfES",
        expected=load_agreement(store, ref).freedoms[0].department,
    )
    set_fields(store, ref, changes, officer="Jane Smith", action="paste 3 cells")
    stored = load_agreement(store, ref)
    assert stored.find_indicator("1a")[1].actual == Decimal("70")  # type: ignore[index]
    assert stored.find_indicator("2")[1].actual == Decimal("7.5")  # type: ignore[index]
    assert stored.freedoms[0].department == "DfES"
    assert agreement_history(store, ref, limit=1)[0].action == "paste 3 cells"


def test_one_cell_changed_elsewhere_refuses_the_whole_paste(store: Store) -> None:
    ref = add_demo_agreement(store, officer="Jane Smith")
    before = load_agreement(store, ref)
    changes = [
        FieldChange(outturn("1a"), Decimal("70"), expected=None),
        FieldChange(outturn("1b"), Decimal("71"), expected=Decimal("12")),  # it is empty
    ]
    with pytest.raises(EditConflictError, match="1b"):
        set_fields(store, ref, changes, officer="Jane Smith", action="paste 2 cells")
    assert load_agreement(store, ref) == before
