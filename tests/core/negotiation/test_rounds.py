"""Rounds are snapshots that never change; comparing them says what changed and who changed it."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.errors import NotFoundError
from lpsa_desktop.services.agreement_editing import create_agreement, update_agreement
from lpsa_desktop.services.agreement_queries import agreement_history
from lpsa_desktop.services.rounds import compare_rounds, list_rounds, take_round
from lpsa_desktop.storage.store import Store
from tests.conftest import OFFICER
from tests.core.negotiation.helpers import drop_target, promote_reserve, set_with

pytestmark = pytest.mark.both_engines


@pytest.fixture
def negotiated(store: Store, demo: Agreement) -> Store:
    """Council proposes; government raises 1a and 2's stretch; council drops target 3 and
    brings the reserve in as 13; the current state then differs again on 4a."""
    create_agreement(store, demo, officer=OFFICER)
    take_round(
        store,
        demo.ref,
        name="Council proposal 1",
        party=Party.COUNCIL,
        officer=OFFICER,
        held_on=date(2003, 1, 14),
    )
    update_agreement(
        store,
        demo.ref,
        lambda a: set_with(set_with(a, "1a", "74"), "2", "7.5"),
        officer=OFFICER,
        action="edit",
    )
    take_round(
        store,
        demo.ref,
        name="Government response",
        party=Party.GOVERNMENT,
        officer=OFFICER,
        held_on=date(2003, 2, 3),
    )
    update_agreement(
        store,
        demo.ref,
        lambda a: promote_reserve(drop_target(a, "3"), "R1", "13"),
        officer=OFFICER,
        action="edit",
    )
    take_round(
        store,
        demo.ref,
        name="Council proposal 2",
        party=Party.COUNCIL,
        officer=OFFICER,
        held_on=date(2003, 2, 20),
    )
    update_agreement(
        store, demo.ref, lambda a: set_with(a, "4a", "91"), officer=OFFICER, action="edit"
    )
    return store


def test_a_round_keeps_the_agreement_as_it_was_when_taken(
    negotiated: Store, demo: Agreement
) -> None:
    first, second, third = list_rounds(negotiated, demo.ref)
    assert (first.number, first.name, first.party) == (1, "Council proposal 1", Party.COUNCIL)
    assert first.snapshot == demo
    assert second.snapshot.find_indicator("1a")[1].with_ == Decimal("74")  # type: ignore[index]
    assert third.snapshot.target("13") is not None and third.snapshot.target("3") is None
    assert first.label == "bath-ne-somerset-lpsa1:1"


@pytest.mark.sqlite_only
def test_rounds_cannot_be_edited_or_deleted_even_behind_the_programs_back(
    negotiated: Store, store_path: Path
) -> None:
    negotiated.close()
    with sqlite3.connect(store_path) as db:
        with pytest.raises(sqlite3.IntegrityError, match="rounds are read-only"):
            db.execute("UPDATE rounds SET name = 'rewritten' WHERE number = 1")
        with pytest.raises(sqlite3.IntegrityError, match="rounds are kept"):
            db.execute("DELETE FROM rounds")


def test_taking_a_round_is_in_the_audit_trail(negotiated: Store, demo: Agreement) -> None:
    events = [e for e in agreement_history(negotiated, demo.ref) if e.action == "take round"]
    assert [e.new for e in events][-1] == "1: Council proposal 1 (council)"


def test_comparing_two_rounds_names_each_change_and_its_party(
    negotiated: Store, demo: Agreement
) -> None:
    comparison = compare_rounds(negotiated, demo.ref, 1, 2)
    rows = {(str(c.change), c.party) for c in comparison.changes}
    assert rows == {
        ("target 1 / indicator 1a / With LPSA: 73 → 74", Party.GOVERNMENT),
        ("target 2 / indicator 2 / With LPSA: 7.6 → 7.5", Party.GOVERNMENT),
    }


def test_a_renumbered_target_reads_as_renumbered_and_a_removed_one_as_removed(
    negotiated: Store, demo: Agreement
) -> None:
    comparison = compare_rounds(negotiated, demo.ref, 2, 3)
    assert comparison.renumbered == (("R1", "13"),)
    texts = [str(c.change) for c in comparison.changes]
    assert "target 13: renumbered from R1" in texts
    assert "target 13 / Reserve: yes → no" in texts
    assert "target 3: removed" in texts
    assert not any("target 13: added" in t or "target R1: removed" in t for t in texts)


def test_across_several_rounds_each_change_keeps_the_party_that_made_it(
    negotiated: Store, demo: Agreement
) -> None:
    comparison = compare_rounds(negotiated, demo.ref, 1, "current")
    by = {str(c.change): (c.party, c.by) for c in comparison.changes}
    assert by["target 1 / indicator 1a / With LPSA: 73 → 74"] == (
        Party.GOVERNMENT,
        "round 2: Government response",
    )
    assert by["target 3: removed"] == (Party.COUNCIL, "round 3: Council proposal 2")
    assert by["target 4 / indicator 4a / With LPSA: 90 → 91"] == (None, "current")


def test_the_pot_and_each_targets_potential_are_compared(
    negotiated: Store, demo: Agreement
) -> None:
    comparison = compare_rounds(negotiated, demo.ref, 1, 3)
    assert comparison.pot_before == comparison.pot_after == Decimal("3577950")
    potentials = {p.target: (p.before, p.after) for p in comparison.potentials}
    assert potentials["1"] == (Decimal("298162.5"), Decimal("298162.5"))
    assert potentials["3"] == (Decimal("298162.5"), None)
    assert potentials["13"] == (None, Decimal("298162.5"))


def test_comparing_backwards_shows_the_opposite_changes(negotiated: Store, demo: Agreement) -> None:
    comparison = compare_rounds(negotiated, demo.ref, 2, 1)
    assert {str(c.change) for c in comparison.changes} == {
        "target 1 / indicator 1a / With LPSA: 74 → 73",
        "target 2 / indicator 2 / With LPSA: 7.5 → 7.6",
    }


def test_an_unknown_round_is_named(negotiated: Store, demo: Agreement) -> None:
    with pytest.raises(NotFoundError, match="has no round 9"):
        compare_rounds(negotiated, demo.ref, 1, 9)


def test_internal_rounds_can_be_left_out(store: Store, demo: Agreement) -> None:
    create_agreement(store, demo, officer=OFFICER)
    take_round(store, demo.ref, name="Council proposal", party=Party.COUNCIL, officer=OFFICER)
    take_round(
        store, demo.ref, name="Our fall-back", party=Party.COUNCIL, officer=OFFICER, internal=True
    )
    assert [r.name for r in list_rounds(store, demo.ref)] == ["Council proposal", "Our fall-back"]
    assert [r.name for r in list_rounds(store, demo.ref, shared_only=True)] == ["Council proposal"]
