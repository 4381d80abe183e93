"""New agreements, copies, deletion and its undo, over a real store."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import inspect, text

from lpsa_desktop.domain.enums import AgreementStatus, Generation, NegotiationStatus
from lpsa_desktop.domain.meetings import Attendee
from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.errors import InvalidValueError, NotFoundError
from lpsa_desktop.services.agreement_editing import RefTakenError
from lpsa_desktop.services.agreement_edits import EditConflictError
from lpsa_desktop.services.agreement_lifecycle import (
    copied_from,
    copy_agreement,
    delete_agreement,
    deletion_counts,
    describe_counts,
    restore_agreement,
    start_agreement,
)
from lpsa_desktop.services.agreement_queries import agreement_history, load_agreement
from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.services.meetings import open_meeting
from lpsa_desktop.services.rounds import take_round
from lpsa_desktop.storage.store import Store
from tests.conftest import OFFICER

START, END = date(2005, 4, 1), date(2008, 3, 31)


pytestmark = pytest.mark.both_engines


def start(
    store: Store, *councils: str, generation: Generation = Generation.LPSA2, **kw: object
) -> str:
    return start_agreement(
        store,
        councils=list(councils),
        generation=generation,
        period_start=START,
        period_end=END,
        officer=OFFICER,
        **kw,  # type: ignore[arg-type]
    )


def dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to prove a refusal or an undo left the store as it was."""
    with store.engine.connect() as connection:
        tables = sorted(inspect(connection).get_table_names())
        return {
            t: sorted(map(tuple, connection.execute(text(f'SELECT * FROM "{t}"'))), key=repr)
            for t in tables
        }


def test_a_new_lpsa2_agreement_has_its_generations_terms_and_a_readable_ref(store: Store) -> None:
    ref = start(
        store,
        "Lancashire County Council",
        "Preston City Council",
        "Burnley Borough Council",
        net_budget_requirement=Decimal("612345678.90"),
    )
    assert ref == "lancashire-lpsa2"
    made = load_agreement(store, ref)
    assert [c.name for c in made.councils] == [
        "Lancashire County Council",
        "Preston City Council",
        "Burnley Borough Council",
    ]
    assert (made.generation, made.status) == (Generation.LPSA2, AgreementStatus.DRAFT)
    assert (made.reward_rate, made.threshold, made.cap) == (
        Decimal("0.025"),
        Decimal("0.60"),
        Decimal("1.00"),
    )
    assert (made.capital_share, made.interim_fraction) == (Decimal("0.5"), Decimal(0))
    assert made.net_budget_requirement == Decimal("612345678.90")
    assert made.targets == ()
    assert agreement_history(store, ref)[0].action == "create"


def test_an_lpsa1_agreement_pays_a_fifth_on_account_and_states_no_capital_split(
    store: Store,
) -> None:
    made = load_agreement(store, start(store, "Medway Council", generation=Generation.LPSA1))
    assert (made.interim_fraction, made.capital_share) == (Decimal("0.2"), None)


def test_a_taken_ref_gets_a_suffix_and_an_existing_council_keeps_its_details(
    store: Store,
) -> None:
    demo_ref = add_demo_agreement(store, officer=OFFICER)
    demo = load_agreement(store, demo_ref)
    ref = start(store, "bath and north east somerset council", generation=Generation.LPSA1)
    assert ref == "bath-ne-somerset-lpsa1-2"
    assert load_agreement(store, ref).councils == demo.councils  # linked, not a new council


def test_bad_new_agreements_are_refused_and_nothing_is_written(store: Store) -> None:
    add_demo_agreement(store, officer=OFFICER)
    before = dump(store)
    with pytest.raises(InvalidValueError, match="an end after the start"):
        start_agreement(
            store,
            councils=["Kent County Council"],
            generation=Generation.LPSA2,
            period_start=END,
            period_end=START,
            officer=OFFICER,
        )
    with pytest.raises(InvalidValueError, match="each council once"):
        start(store, "Kent County Council", "kent county council")
    with pytest.raises(InvalidValueError, match="at least one name"):
        start(store)
    with pytest.raises(RefTakenError, match="already exists"):
        start(store, "Kent County Council", ref="bath-ne-somerset-lpsa1")
    with pytest.raises(InvalidValueError, match="no spaces"):
        start(store, "Kent County Council", ref="kent lpsa2")
    with pytest.raises(InvalidValueError, match="pounds and pence"):
        start(store, "Kent County Council", net_budget_requirement=Decimal("-1"))
    assert dump(store) == before


def test_a_copy_takes_the_content_but_not_the_negotiation_and_says_where_it_came_from(
    store: Store,
) -> None:
    source_ref = add_demo_agreement(store, officer=OFFICER)
    take_round(store, source_ref, name="First offer", party=Party.COUNCIL, officer=OFFICER)
    source = load_agreement(store, source_ref)
    ref = copy_agreement(
        store,
        source_ref,
        generation=Generation.LPSA2,
        period_start=date(2006, 4, 1),
        period_end=date(2009, 3, 31),
        officer=OFFICER,
    )
    assert ref == "bath-ne-somerset-lpsa2"
    copy = load_agreement(store, ref)
    assert copy.status is AgreementStatus.DRAFT
    assert (copy.period_start, copy.period_end) == (date(2006, 4, 1), date(2009, 3, 31))
    assert (copy.capital_share, copy.interim_fraction) == (Decimal("0.5"), Decimal(0))
    assert [t.ref for t in copy.targets] == [t.ref for t in source.targets]
    assert [t.title for t in copy.targets] == [t.title for t in source.targets]
    assert [i.with_ for t in copy.targets for i in t.indicators] == [
        i.with_ for t in source.targets for i in t.indicators
    ]
    assert (copy.partners, copy.signatories, copy.councils) == (
        source.partners,
        source.signatories,
        source.councils,
    )
    assert [f.description for f in copy.freedoms] == [f.description for f in source.freedoms]
    assert all(i.actual is None for t in copy.targets for i in t.indicators)
    assert {t.negotiation for t in copy.targets} == {NegotiationStatus.OPEN}
    assert copied_from(store, ref) == source_ref
    assert copied_from(store, source_ref) is None
    with store.unit_of_work() as uow:
        assert uow.rounds.list(ref) == []
        assert len(uow.rounds.list(source_ref)) == 1
    assert [e.action for e in agreement_history(store, ref)] == ["copy", "copy"]
    assert agreement_history(store, source_ref)[0].field == "copied_to"


def test_deleting_names_what_goes_and_undo_puts_it_back_with_the_same_ids(
    store: Store,
) -> None:
    ref = add_demo_agreement(store, officer=OFFICER)
    other = start(store, "Bath and North East Somerset Council", generation=Generation.LPSA2)
    open_meeting(
        store,
        ref,
        held_on=date(2003, 5, 1),
        place="Guildhall",
        attendees=[Attendee("A. Officer", "B&NES")],
        agenda=[],
        officer=OFFICER,
    )
    take_round(store, ref, name="Offer", party=Party.COUNCIL, officer=OFFICER)
    before = dump(store)
    counts = deletion_counts(store, ref)
    assert (counts.targets, counts.meetings, counts.rounds_kept) == (13, 1, 1)
    assert describe_counts(counts).startswith("13 targets (")
    removed = delete_agreement(store, ref, officer=OFFICER, expected=counts)
    with pytest.raises(NotFoundError):
        load_agreement(store, ref)
    history = agreement_history(store, ref)
    assert (history[0].action, history[0].old) == ("delete", describe_counts(counts))
    assert load_agreement(store, other).councils[0].name == "Bath and North East Somerset Council"
    with pytest.raises(RefTakenError, match="deleted agreement whose history is kept"):
        start(store, "Somewhere Council", ref=ref)
    restore_agreement(store, removed, officer=OFFICER)
    after = dump(store)
    assert after.pop("audit_events")[: len(before["audit_events"])] == before.pop("audit_events")
    assert after == before


def test_a_deletion_confirmed_for_other_counts_is_refused(store: Store) -> None:
    ref = add_demo_agreement(store, officer=OFFICER)
    counts = deletion_counts(store, ref)
    open_meeting(
        store, ref, held_on=date(2003, 5, 1), place="", attendees=[], agenda=[], officer=OFFICER
    )
    before = dump(store)
    with pytest.raises(EditConflictError, match="changed since the deletion was confirmed"):
        delete_agreement(store, ref, officer=OFFICER, expected=counts)
    assert dump(store) == before


def test_copied_from_is_kept_after_its_source_is_deleted(store: Store) -> None:
    source = add_demo_agreement(store, officer=OFFICER)
    copy = copy_agreement(store, source, officer=OFFICER)
    delete_agreement(store, source, officer=OFFICER)
    assert copied_from(store, copy) == source


def test_a_deleted_agreement_is_put_back_under_fresh_ids_when_its_ids_were_reused(
    store: Store,
) -> None:
    ref = add_demo_agreement(store, officer=OFFICER)
    open_meeting(
        store,
        ref,
        held_on=date(2003, 5, 1),
        place="",
        attendees=[Attendee("A", "B")],
        agenda=[],
        officer=OFFICER,
    )
    before = load_agreement(store, ref)
    removed = delete_agreement(store, ref, officer=OFFICER)
    other = start(store, "Kent County Council")
    with store.unit_of_work(write=True) as uow:  # the same ids again: SQLite reuses them
        uow.agreements.save(
            dataclasses.replace(before, ref="reuses-the-ids", councils=before.councils)
        )
    open_meeting(
        store, other, held_on=date(2006, 5, 1), place="", attendees=[], agenda=[], officer=OFFICER
    )
    restore_agreement(store, removed, officer=OFFICER)
    assert load_agreement(store, ref) == before
    assert load_agreement(store, "reuses-the-ids") == dataclasses.replace(
        before, ref="reuses-the-ids"
    )
    with store.unit_of_work() as uow:
        assert [m.attendees for m in uow.meetings.list(ref)] == [(Attendee("A", "B"),)]
        assert len(uow.meetings.list(other)) == 1
