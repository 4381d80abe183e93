"""The agreements list read with Core alone (`Store.agreement_summaries`): every
agreement by ref with its councils in order, the lead first, on both engines."""

from __future__ import annotations

from datetime import date

import pytest

from lpsa_desktop.domain.enums import AgreementStatus, Generation
from lpsa_desktop.services.agreement_lifecycle import start_agreement
from lpsa_desktop.services.council_edits import move_council
from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.storage.store import Store

pytestmark = pytest.mark.both_engines


def test_the_list_names_every_agreement_with_its_councils_lead_first(store: Store) -> None:
    demo = add_demo_agreement(store, officer="Test Officer")
    shire = start_agreement(
        store,
        councils=["Somerset County Council", "Mendip District Council", "Taunton Deane"],
        generation=Generation.LPSA2,
        period_start=date(2005, 4, 1),
        period_end=date(2008, 3, 31),
        title="Somerset LPSA2",
        officer="Test Officer",
    )
    move_council(
        store,
        shire,
        "Taunton Deane",
        0,
        expected=["Somerset County Council", "Mendip District Council", "Taunton Deane"],
        officer="Test Officer",
    )
    listed = store.agreement_summaries()
    assert [s.ref for s in listed] == sorted([demo, shire])
    by_ref = {s.ref: s for s in listed}
    assert by_ref[shire].councils == (
        "Taunton Deane",
        "Somerset County Council",
        "Mendip District Council",
    )
    assert by_ref[shire].title == "Somerset LPSA2"
    assert by_ref[shire].generation is Generation.LPSA2
    assert by_ref[shire].status is AgreementStatus.DRAFT  # a new agreement starts as a draft
    assert by_ref[demo].status is AgreementStatus.NEGOTIATING
    assert (by_ref[shire].period_start, by_ref[shire].period_end) == (
        date(2005, 4, 1),
        date(2008, 3, 31),
    )
    assert by_ref[demo].councils == ("Bath and North East Somerset Council",)
    # The same lines as the repository's (the unit of work reads them the same way).
    with store.unit_of_work() as uow:
        assert uow.agreements.summaries() == listed


def test_an_empty_store_lists_nothing(store: Store) -> None:
    assert store.agreement_summaries() == []
