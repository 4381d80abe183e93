"""An agreement's councils and a council's details, over a real store."""

from __future__ import annotations

from datetime import date

import pytest

from lpsa_desktop.domain.council_codes import checked_council_code
from lpsa_desktop.domain.enums import CouncilType, CpaCategory, Generation
from lpsa_desktop.errors import InvalidValueError, NotFoundError
from lpsa_desktop.services.agreement_edits import EditConflictError
from lpsa_desktop.services.agreement_lifecycle import start_agreement
from lpsa_desktop.services.agreement_queries import agreement_history, load_agreement
from lpsa_desktop.services.council_edits import (
    add_council,
    council_details,
    edit_council,
    move_council,
    remove_council,
)
from lpsa_desktop.storage.store import Store
from tests.conftest import OFFICER
from tests.core.lifecycle.test_agreement_lifecycle import dump

COUNTY, PRESTON, BURNLEY = "Lancashire County Council", "Preston City Council", "Burnley Council"


pytestmark = pytest.mark.both_engines


def two_agreements(store: Store) -> tuple[str, str]:
    def start(*councils: str) -> str:
        return start_agreement(
            store,
            councils=list(councils),
            generation=Generation.LPSA2,
            period_start=date(2005, 4, 1),
            period_end=date(2008, 3, 31),
            officer=OFFICER,
        )

    return start(COUNTY, PRESTON), start(PRESTON)


def names(store: Store, ref: str) -> list[str]:
    return [c.name for c in load_agreement(store, ref).councils]


def test_councils_are_added_moved_and_removed_and_the_first_leads(store: Store) -> None:
    county_ref, _ = two_agreements(store)
    add_council(store, county_ref, BURNLEY, expected=[COUNTY, PRESTON], officer=OFFICER)
    assert names(store, county_ref) == [COUNTY, PRESTON, BURNLEY]
    move_council(
        store, county_ref, BURNLEY, 0, expected=[COUNTY, PRESTON, BURNLEY], officer=OFFICER
    )
    assert load_agreement(store, county_ref).lead_council.name == BURNLEY
    remove_council(store, county_ref, BURNLEY, expected=[BURNLEY, COUNTY, PRESTON], officer=OFFICER)
    assert names(store, county_ref) == [COUNTY, PRESTON]
    actions = [e.action for e in agreement_history(store, county_ref)][:3]
    assert actions == [
        f"remove council {BURNLEY}",
        f"move council {BURNLEY}",
        f"add council {BURNLEY}",
    ]


def test_removing_a_shared_council_only_unlinks_it(store: Store) -> None:
    county_ref, preston_ref = two_agreements(store)
    remove_council(store, county_ref, PRESTON, expected=[COUNTY, PRESTON], officer=OFFICER)
    assert names(store, county_ref) == [COUNTY]
    assert names(store, preston_ref) == [PRESTON]
    assert council_details(store, PRESTON)[1] == [preston_ref]


def test_council_list_edits_refuse_a_stale_list_and_the_last_council(store: Store) -> None:
    county_ref, preston_ref = two_agreements(store)
    before = dump(store)
    with pytest.raises(EditConflictError, match="changed elsewhere"):
        add_council(store, county_ref, BURNLEY, expected=[COUNTY], officer=OFFICER)
    with pytest.raises(InvalidValueError, match="needs a lead council"):
        remove_council(store, preston_ref, PRESTON, expected=[PRESTON], officer=OFFICER)
    with pytest.raises(InvalidValueError, match="not yet party"):
        add_council(
            store, county_ref, "preston city council", expected=[COUNTY, PRESTON], officer=OFFICER
        )
    with pytest.raises(InvalidValueError, match="1 to 2"):
        move_council(store, county_ref, PRESTON, 5, expected=[COUNTY, PRESTON], officer=OFFICER)
    with pytest.raises(NotFoundError, match="no council"):
        remove_council(store, county_ref, BURNLEY, expected=[COUNTY, PRESTON], officer=OFFICER)
    assert dump(store) == before


def test_a_councils_details_change_once_for_every_agreement_sharing_it(store: Store) -> None:
    county_ref, preston_ref = two_agreements(store)
    edit_council(store, PRESTON, "code", "e07000123", expected=None, officer=OFFICER)
    edit_council(store, PRESTON, "type", "shire_district", expected=None, officer=OFFICER)
    edit_council(store, PRESTON, "population", 132000, expected=None, officer=OFFICER)
    edit_council(store, PRESTON, "cpa_category", "good", expected=None, officer=OFFICER)
    refs = edit_council(
        store, PRESTON, "name", "Preston Council", expected=PRESTON, officer=OFFICER
    )
    assert refs == sorted([county_ref, preston_ref])
    for ref in refs:
        council = next(
            c for c in load_agreement(store, ref).councils if c.name == "Preston Council"
        )
        assert (council.code, council.type, council.population, council.cpa_category) == (
            "E07000123",
            CouncilType.SHIRE_DISTRICT,
            132000,
            CpaCategory.GOOD,
        )
        event = agreement_history(store, ref)[0]
        assert (event.action, event.old, event.new) == (
            f"edit council {PRESTON} / name",
            PRESTON,
            "Preston Council",
        )


def test_council_detail_edits_refuse_bad_values_and_stale_old_values(store: Store) -> None:
    two_agreements(store)
    before = dump(store)
    with pytest.raises(InvalidValueError, match="GSS code"):
        edit_council(store, PRESTON, "code", "E11000001", expected=None, officer=OFFICER)
    with pytest.raises(InvalidValueError, match="one of county"):
        edit_council(store, PRESTON, "type", "parish", expected=None, officer=OFFICER)
    with pytest.raises(InvalidValueError, match="whole number"):
        edit_council(store, PRESTON, "population", -3, expected=None, officer=OFFICER)
    with pytest.raises(InvalidValueError, match="no other council"):
        edit_council(store, PRESTON, "name", COUNTY.upper(), expected=PRESTON, officer=OFFICER)
    with pytest.raises(EditConflictError, match="changed elsewhere"):
        edit_council(store, PRESTON, "population", 1, expected=5, officer=OFFICER)
    assert dump(store) == before


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("E06000022", "E06000022"),
        ("e10 000017", "E10000017"),
        ("00HA", "00HA"),
        ("16", "16"),
        ("", None),
    ],
)
def test_gss_and_old_ons_codes_are_accepted(typed: str, stored: str | None) -> None:
    assert checked_council_code(typed) == stored


@pytest.mark.parametrize(
    "typed", ["E05000001", "E0600002", "E060000221", "W06000001", "HA00", "123"]
)
def test_other_codes_are_refused(typed: str) -> None:
    with pytest.raises(InvalidValueError, match="GSS code"):
        checked_council_code(typed)
