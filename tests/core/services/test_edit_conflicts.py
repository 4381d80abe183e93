"""The conflict rule: an edit whose expected value the store no longer holds is refused, with
who changed it and when; the other officer's change stays. The other writer is a real
second process on the same store file."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal

import pytest

from lpsa_desktop.domain.agreement import Agreement, Target
from lpsa_desktop.domain.enums import NegotiationStatus
from lpsa_desktop.domain.meetings import ItemKind, ItemRef
from lpsa_desktop.services.agreement_editing import create_agreement
from lpsa_desktop.services.agreement_edits import ITEM, FieldAddress, Part, read_field
from lpsa_desktop.services.agreement_queries import agreement_history, load_agreement
from lpsa_desktop.services.edit_conflicts import ABSENT, ValueConflictError
from lpsa_desktop.services.field_edits import insert_item, remove_item, set_field
from lpsa_desktop.services.negotiation_status import set_item_status
from lpsa_desktop.storage.store import Store
from tests.engines import recorded_officer

pytestmark = pytest.mark.both_engines

WITH_2 = FieldAddress(Part.INDICATOR, "2", "with_")
STATUS_3 = FieldAddress(Part.TARGET, "3", "negotiation")
OTHER = """
import sys
from decimal import Decimal
from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from lpsa_desktop.services.field_edits import set_field
from lpsa_desktop.storage.store import Store
path, ref, value, expected = sys.argv[1:5]
store = Store.open(path)
set_field(store, ref, FieldAddress(Part.INDICATOR, "2", "with_"), Decimal(value),
          officer="Raj Patel", expected=Decimal(expected))
store.close()
"""


def other_process(*args: str) -> None:
    """Another officer's program, a separate process on the same file."""
    env = {**os.environ, "LPSA_OFFICER": "Raj Patel"}
    subprocess.run([sys.executable, "-c", OTHER, *args], check=True, env=env, timeout=60)


def lpsa(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LPSA_OFFICER": "Raj Patel"}
    return subprocess.run(
        [sys.executable, "-m", "lpsa_desktop.cli.main", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.fixture
def raj(store_location: str) -> str:
    """Raj Patel, as the audit trail records the other process (the role on PostgreSQL)."""
    return recorded_officer(store_location, "Raj Patel")


@pytest.fixture
def stored(store: Store, demo: Agreement) -> Agreement:
    create_agreement(store, demo, officer="Jane Smith")
    return demo


def test_an_edit_from_a_stale_value_is_a_conflict_not_an_overwrite(
    store: Store, store_location: str, stored: Agreement, raj: str
) -> None:
    other_process(store_location, stored.ref, "7.5", "7.6")  # B sets 7.5
    with pytest.raises(ValueConflictError) as caught:  # A, still showing 7.6, sets 7.4
        set_field(
            store, stored.ref, WITH_2, Decimal("7.4"), officer="Jane", expected=Decimal("7.6")
        )
    conflict = caught.value.conflict
    assert (conflict.address, conflict.expected, conflict.stored) == (
        WITH_2,
        Decimal("7.6"),
        Decimal("7.5"),
    )
    assert conflict.changed_by == raj and conflict.changed_at is not None
    assert conflict.change_action == "edit indicator 2 / With LPSA"
    assert f"you saw 7.6, the store holds 7.5, by {raj}" in str(caught.value)
    assert read_field(load_agreement(store, stored.ref), WITH_2) == Decimal("7.5")
    assert agreement_history(store, stored.ref, limit=1)[0].officer == raj


def test_undo_of_a_value_changed_elsewhere_since_is_a_conflict(
    store: Store, store_location: str, stored: Agreement
) -> None:
    set_field(store, stored.ref, WITH_2, Decimal("7.4"), officer="Jane", expected=Decimal("7.6"))
    other_process(store_location, stored.ref, "7.0", "7.4")  # B: 7.4 → 7.0
    with pytest.raises(ValueConflictError) as caught:  # A's undo writes 7.6 back over 7.4
        set_field(
            store, stored.ref, WITH_2, Decimal("7.6"), officer="Jane", expected=Decimal("7.4")
        )
    assert caught.value.conflict.stored == Decimal("7.0")
    assert read_field(load_agreement(store, stored.ref), WITH_2) == Decimal("7.0")


def test_a_status_set_by_lpsa_status_is_not_overwritten_by_a_stale_mark(
    store: Store, store_location: str, stored: Agreement, raj: str
) -> None:
    done = lpsa("--db", store_location, "status", stored.ref, "target:3", "dropped")
    assert done.returncode == 0, done.stderr
    with pytest.raises(ValueConflictError) as caught:  # the window still shows it open
        set_field(
            store,
            stored.ref,
            STATUS_3,
            NegotiationStatus.AGREED,
            officer="Jane",
            expected=NegotiationStatus.OPEN,
        )
    conflict = caught.value.conflict
    assert (conflict.stored, conflict.changed_by) == (NegotiationStatus.DROPPED, raj)
    assert conflict.change_action == "mark target 3 dropped"
    target = load_agreement(store, stored.ref).target("3")
    assert target is not None and target.negotiation is NegotiationStatus.DROPPED


def test_lpsa_status_expect_refuses_a_status_changed_since(
    store: Store, store_location: str, stored: Agreement
) -> None:
    set_item_status(
        store, stored.ref, ItemRef(ItemKind.TARGET, "3"), NegotiationStatus.PARKED, officer="Jane"
    )
    refused = lpsa(
        "--db", store_location, "status", stored.ref, "target:3", "agreed", "--expect", "open"
    )
    assert refused.returncode == 1
    assert "target 3 / Agreed? was changed elsewhere" in refused.stderr
    assert "Traceback" not in refused.stderr
    target = load_agreement(store, stored.ref).target("3")
    assert target is not None and target.negotiation is NegotiationStatus.PARKED
    done = lpsa(
        "--db", store_location, "status", stored.ref, "target:3", "agreed", "--expect", "parked"
    )
    assert done.returncode == 0, done.stderr
    target = load_agreement(store, stored.ref).target("3")
    assert target is not None and target.negotiation is NegotiationStatus.AGREED


def test_removing_an_item_changed_elsewhere_is_a_conflict(
    store: Store, store_location: str, stored: Agreement, raj: str
) -> None:
    shown = stored.target("2")
    assert shown is not None
    other_process(store_location, stored.ref, "7.5", "7.6")
    with pytest.raises(ValueConflictError) as caught:
        remove_item(store, stored.ref, Part.TARGET, "2", expected=shown, officer="Jane")
    conflict = caught.value.conflict
    assert conflict.address == FieldAddress(Part.TARGET, "2", ITEM)
    assert conflict.changed_by == raj  # found through the indicator inside it
    assert load_agreement(store, stored.ref).target("2") is not None


def test_adding_under_a_ref_added_elsewhere_is_a_conflict(
    store: Store, stored: Agreement, raj: str
) -> None:
    mine = Target(ref="13", title="Mine", indicators=())
    theirs = replace(mine, title="Theirs")
    insert_item(store, stored.ref, Part.TARGET, theirs, 12, officer="Raj Patel")
    with pytest.raises(ValueConflictError) as caught:
        insert_item(store, stored.ref, Part.TARGET, mine, 12, officer="Jane")
    assert (caught.value.conflict.expected, caught.value.conflict.stored) == (ABSENT, theirs)
    assert f"target 13 was added elsewhere, by {raj}" in str(caught.value)


def test_editing_an_item_removed_elsewhere_is_a_conflict(
    store: Store, stored: Agreement, raj: str
) -> None:
    shown = stored.target("2")
    remove_item(store, stored.ref, Part.TARGET, "2", expected=shown, officer="Raj Patel")
    with pytest.raises(ValueConflictError) as caught:
        set_field(
            store, stored.ref, WITH_2, Decimal("7.4"), officer="Jane", expected=Decimal("7.6")
        )
    assert caught.value.conflict.stored is ABSENT
    assert f"indicator 2 was removed elsewhere, by {raj}" in str(caught.value)


def test_a_conflict_writes_nothing(store: Store, stored: Agreement) -> None:
    before = agreement_history(store, stored.ref)
    with pytest.raises(ValueConflictError):
        set_field(store, stored.ref, WITH_2, Decimal("7.4"), officer="Jane", expected=Decimal("9"))
    assert load_agreement(store, stored.ref) == stored
    assert agreement_history(store, stored.ref) == before


def test_a_partner_removed_elsewhere_names_who_removed_it(
    store: Store, stored: Agreement, raj: str
) -> None:
    last = len(stored.partners) - 1
    partner = stored.partners[last]
    remove_item(store, stored.ref, Part.PARTNER, last, expected=partner, officer="Raj Patel")
    name = FieldAddress(Part.PARTNER, last, "name")
    with pytest.raises(ValueConflictError) as caught:
        set_field(store, stored.ref, name, "New name", officer="Jane", expected=partner.name)
    assert caught.value.conflict.stored is ABSENT
    assert caught.value.conflict.changed_by == raj
    assert caught.value.conflict.change_action == "remove partner"
