"""Two stores, one agreement exchanged, then edited on both sides and exchanged both ways."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from lpsa_desktop.domain.agreement import Indicator, Target
from lpsa_desktop.domain.exchange_records import audit_identity, origin_officer
from lpsa_desktop.domain.meetings import Attendee
from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.domain.three_way import Side
from lpsa_desktop.exchange.reader import read_package
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.services.import_batches import list_import_batches, revert_import_batch
from lpsa_desktop.services.meetings import open_meeting, record_decision
from lpsa_desktop.services.package_exchange import (
    NoSharedStateError,
    UnresolvedConflictsError,
    apply_merge,
    export_package,
    plan_merge,
)
from lpsa_desktop.services.rounds import list_rounds, take_round
from lpsa_desktop.storage.store import Store
from tests.core.exchange.helpers import REF, dump, edit, receive, retitled, send, shared
from tests.core.negotiation.helpers import promote_reserve, set_with
from tests.engines import recorded_by

pytestmark = pytest.mark.both_engines


def test_a_first_exchange_adds_the_agreement_with_its_record(
    laptop_a: Store, laptop_b: Store, tmp_path: Path
) -> None:
    take_round(laptop_a, REF, name="Council proposal 1", party=Party.COUNCIL, officer="Alice")
    plan = receive(laptop_b, send(laptop_a, tmp_path, "first.lpsa", "Alice"), "Bob")
    assert plan.adds_agreement and plan.base_label is None
    assert shared(laptop_b) == shared(laptop_a)
    assert [r.name for r in list_rounds(laptop_b, REF)] == ["Council proposal 1"]
    with laptop_b.unit_of_work() as uow:
        officers = {e.officer for e in uow.exchanges.audit_entries(REF)}
    # A's audit trail came along, with A's names and times; a server store adds who
    # brought it in, since it can vouch for that and not for who worked on the laptop.
    alice = "Alice" if laptop_b.file else f"Alice (brought in by {recorded_by(laptop_b, 'Bob')})"
    assert alice in officers
    assert {origin_officer(o) for o in officers} >= {"Alice"}


def test_internal_notes_and_rounds_stay_home_unless_asked_for(
    laptop_a: Store, laptop_b: Store, tmp_path: Path
) -> None:
    take_round(laptop_a, REF, name="Fall-back", party=Party.COUNCIL, officer="Alice", internal=True)
    take_round(laptop_a, REF, name="Proposal", party=Party.COUNCIL, officer="Alice")
    assert load_agreement(laptop_a, REF).internal_notes  # the demo has some
    receive(laptop_b, send(laptop_a, tmp_path, "first.lpsa"))
    assert load_agreement(laptop_b, REF).internal_notes == ""
    (shared_round,) = list_rounds(laptop_b, REF)
    assert shared_round.name == "Proposal" and shared_round.snapshot.internal_notes == ""
    assert all(t.internal_notes == "" for t in shared_round.snapshot.targets)
    export_package(laptop_a, REF, tmp_path / "all.lpsa", officer="Alice", include_internal=True)
    package = read_package(tmp_path / "all.lpsa").package
    assert package.include_internal and package.agreement.internal_notes
    assert [r.name for r in package.rounds] == ["Fall-back", "Proposal"]
    assert package.rounds[1].snapshot.internal_notes  # the officer asked for them


def test_a_store_with_its_own_agreement_of_that_ref_refuses_and_offers_another_ref(
    laptop_a: Store, laptop_b: Store, tmp_path: Path
) -> None:
    add_demo_agreement(laptop_b, officer="Bob")  # made there, never exchanged
    package = read_package(send(laptop_a, tmp_path, "first.lpsa"))
    before = dump(laptop_b)
    with pytest.raises(NoSharedStateError, match="--as-ref"):
        apply_merge(laptop_b, package, officer="Bob")
    assert dump(laptop_b) == before
    plan = apply_merge(laptop_b, package, officer="Bob", as_ref="bath-copy")
    assert plan.adds_agreement
    assert load_agreement(laptop_b, "bath-copy").title == load_agreement(laptop_a, REF).title


def test_changes_to_different_fields_are_all_taken_and_both_stores_end_equal(
    exchanged: tuple[Store, Store], tmp_path: Path
) -> None:
    a, b = exchanged
    edit(a, "Alice", lambda x: set_with(x, "1a", "80"))
    edit(b, "Bob", lambda x: set_with(x, "2", "7.9"))
    plan = receive(a, send(b, tmp_path, "b1.lpsa", "Bob"), "Alice")
    assert plan.conflicts == ()
    assert [s.address for s in plan.result.taken] == ["indicator:2.with"]  # type: ignore[union-attr]
    merged = load_agreement(a, REF)
    assert merged.find_indicator("1a")[1].with_ == Decimal("80")  # type: ignore[index]
    assert merged.find_indicator("2")[1].with_ == Decimal("7.9")  # type: ignore[index]
    receive(b, send(a, tmp_path, "a1.lpsa", "Alice"), "Bob")
    assert shared(a) == shared(b)


def test_the_same_field_changed_to_different_values_is_a_conflict_and_nothing_is_written(
    exchanged: tuple[Store, Store], tmp_path: Path
) -> None:
    a, b = exchanged
    edit(a, "Alice", lambda x: set_with(x, "1a", "80"))
    edit(b, "Bob", lambda x: set_with(x, "1a", "81"))
    package = read_package(send(b, tmp_path, "b1.lpsa", "Bob"))
    before = dump(a)
    with pytest.raises(UnresolvedConflictsError, match=r"indicator:1a\.with"):
        apply_merge(a, package, officer="Alice")
    assert dump(a) == before
    (view,) = plan_merge(a, package).conflicts
    assert (view.conflict.base, view.conflict.mine, view.conflict.theirs) == ("73", "80", "81")
    assert view.mine_by is not None and view.mine_by.officer == "Alice"
    assert view.theirs_by is not None and view.theirs_by.officer == recorded_by(b, "Bob")
    apply_merge(a, package, officer="Alice", choices={"indicator:1a.with": Side.THEIRS})
    assert load_agreement(a, REF).find_indicator("1a")[1].with_ == Decimal("81")  # type: ignore[index]


def test_the_same_change_on_both_sides_is_no_conflict(
    exchanged: tuple[Store, Store], tmp_path: Path
) -> None:
    a, b = exchanged
    edit(a, "Alice", lambda x: set_with(x, "1a", "80"))
    edit(b, "Bob", lambda x: set_with(x, "1a", "80.0"))  # the same number
    assert receive(a, send(b, tmp_path, "b1.lpsa"), "Alice").conflicts == ()


def test_a_target_added_on_one_side_and_one_renumbered_on_the_other_merge_both_ways(
    exchanged: tuple[Store, Store], tmp_path: Path
) -> None:
    a, b = exchanged
    new = Target("13", "Reduce fly-tipping", (Indicator("13", "Fly-tipping incidents"),))
    edit(a, "Alice", lambda x: dataclasses.replace(x, targets=(*x.targets, new)))
    edit(b, "Bob", lambda x: promote_reserve(x, "R1", "14"))  # renumbered on B
    edit(a, "Alice", lambda x: set_with(x, "R1", "6"))  # …and its stretch changed on A
    plan = receive(a, send(b, tmp_path, "b1.lpsa", "Bob"), "Alice")
    assert plan.conflicts == ()
    merged = load_agreement(a, REF)
    assert merged.target("13") is not None and merged.target("R1") is None
    assert merged.target("14").indicators[0].with_ == Decimal("6")  # type: ignore[union-attr]
    receive(b, send(a, tmp_path, "a1.lpsa", "Alice"), "Bob")
    assert shared(a) == shared(b)


def test_a_meeting_and_a_round_on_each_side_end_up_on_both(
    exchanged: tuple[Store, Store], tmp_path: Path
) -> None:
    a, b = exchanged
    for store, officer, place in ((a, "Alice", "Guildhall"), (b, "Bob", "Government Office")):
        meeting = open_meeting(
            store, REF, held_on=date(2003, 2, 1), place=place,
            attendees=[Attendee(officer, "Council")], agenda=[], officer=officer,
        )  # fmt: skip
        assert meeting.id is not None
        record_decision(store, meeting.id, None, f"{officer} decided", officer=officer)
        take_round(store, REF, name=f"{officer}'s position", party=Party.COUNCIL, officer=officer)
    receive(a, send(b, tmp_path, "b1.lpsa", "Bob"), "Alice")
    receive(b, send(a, tmp_path, "a1.lpsa", "Alice"), "Bob")
    for store in (a, b):
        with store.unit_of_work() as uow:
            meetings = uow.meetings.list(REF)
        assert sorted(m.place for m in meetings) == ["Government Office", "Guildhall"]
        assert sorted(d.text for m in meetings for d in m.decisions) == [
            "Alice decided",
            "Bob decided",
        ]
        assert sorted(r.name for r in list_rounds(store, REF)) == [
            "Alice's position",
            "Bob's position",
        ]
    assert shared(a) == shared(b)


def test_merging_a_package_twice_changes_nothing(
    exchanged: tuple[Store, Store], tmp_path: Path
) -> None:
    a, b = exchanged
    edit(b, "Bob", lambda x: retitled(set_with(x, "2", "7.9"), "3", "Better schools"))
    take_round(b, REF, name="Government response", party=Party.GOVERNMENT, officer="Bob")
    package = send(b, tmp_path, "b1.lpsa", "Bob")
    receive(a, package, "Alice")
    after_first = dump(a)
    again = receive(a, package, "Alice")
    assert again.changes_nothing
    assert dump(a) == after_first


def test_a_merge_is_an_import_batch_that_reverts_whole(
    exchanged: tuple[Store, Store], tmp_path: Path
) -> None:
    a, b = exchanged
    before = load_agreement(a, REF)
    edit(b, "Bob", lambda x: retitled(set_with(x, "2", "7.9"), "3", "Better schools"))
    receive(a, send(b, tmp_path, "b1.lpsa", "Bob"), "Alice")
    batch = list_import_batches(a, REF)[0]
    assert batch.file_name == "b1.lpsa"
    revert_import_batch(a, batch.id, officer="Alice")
    assert load_agreement(a, REF) == before


def test_a_round_both_stores_hold_is_a_base_when_no_package_state_is_shared(
    laptop_a: Store, laptop_b: Store, tmp_path: Path
) -> None:
    take_round(laptop_a, REF, name="Council proposal", party=Party.COUNCIL, officer="Alice")
    receive(laptop_b, send(laptop_a, tmp_path, "first.lpsa", "Alice"), "Bob")
    for store in (laptop_a, laptop_b):  # as if neither had kept the package it exchanged
        with store.engine.begin() as db:
            db.exec_driver_sql("DELETE FROM exchanged_states")
    edit(laptop_b, "Bob", lambda x: set_with(x, "2", "7.9"))
    plan = receive(laptop_a, send(laptop_b, tmp_path, "b1.lpsa", "Bob"), "Alice")
    assert plan.base_label is not None and plan.base_label.startswith("round 1: Council proposal")
    assert plan.conflicts == () and shared(laptop_a) == shared(laptop_b)


def test_a_trail_sent_there_and_back_is_not_doubled(
    exchanged: tuple[Store, Store], tmp_path: Path
) -> None:
    a, b = exchanged
    edit(b, "Bob", lambda x: set_with(x, "1a", "81"))
    receive(a, send(b, tmp_path, "b1.lpsa", "Bob"), "Alice")
    edit(a, "Alice", lambda x: set_with(x, "2", "7.9"))
    receive(b, send(a, tmp_path, "a1.lpsa", "Alice"), "Bob")
    for store in (a, b):
        with store.unit_of_work() as uow:
            trail = uow.exchanges.audit_entries(REF)
        identities = [audit_identity(e) for e in trail]
        assert len(identities) == len(set(identities)), f"an entry twice in {store}"
    with b.unit_of_work() as uow:
        officers = [e.officer for e in uow.exchanges.audit_entries(REF)]
    brought = [o for o in officers if origin_officer(o) != o]
    assert all(o.startswith("Alice (brought in by ") for o in brought)
    assert bool(brought) == (b.file is None)  # only a server marks what it was brought
