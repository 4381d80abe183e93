"""The store keeps agreements exactly, records who changed what, and refuses what it is not."""

from __future__ import annotations

import dataclasses
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from lpsa_desktop.domain.agreement import Agreement, Council
from lpsa_desktop.errors import AmbiguousRefError, NotFoundError, StoreError
from lpsa_desktop.services.agreement_editing import (
    RefTakenError,
    create_agreement,
    delete_agreement,
    update_agreement,
)
from lpsa_desktop.services.agreement_queries import (
    agreement_history,
    list_agreements,
    load_agreement,
)
from lpsa_desktop.services.demo import add_demo_agreement, ensure_demo_agreement
from lpsa_desktop.services.officer import current_officer, set_officer
from lpsa_desktop.storage.database import resolve_store_url
from lpsa_desktop.storage.store import Store
from tests.conftest import OFFICER
from tests.engines import recorded_by

pytestmark = pytest.mark.both_engines


def test_an_agreement_comes_back_exactly_as_saved(store: Store, demo: Agreement) -> None:
    create_agreement(store, demo, officer=OFFICER)
    assert load_agreement(store, demo.ref) == demo


@pytest.mark.sqlite_only
def test_money_is_kept_in_pence_and_values_as_exact_text(
    store: Store, store_path: Path, demo: Agreement
) -> None:
    create_agreement(store, demo, officer=OFFICER)
    with sqlite3.connect(store_path) as db:
        nbr, rate = db.execute(
            "SELECT net_budget_requirement, reward_rate FROM agreements"
        ).fetchone()
        baseline = db.execute("SELECT baseline FROM indicators WHERE ref = '2'").fetchone()[0]
    assert (nbr, rate, baseline) == (14311800000, "0.025", "8.6")


def test_an_edit_is_saved_and_recorded_in_the_audit_trail(store: Store, demo: Agreement) -> None:
    create_agreement(store, demo, officer=OFFICER)

    def raise_stretch(a: Agreement) -> Agreement:
        t = a.targets[1]
        ind = dataclasses.replace(t.indicators[0], with_=Decimal("7.5"))
        return dataclasses.replace(
            a, targets=(a.targets[0], dataclasses.replace(t, indicators=(ind,)), *a.targets[2:])
        )

    changes = update_agreement(
        store, demo.ref, raise_stretch, officer="Jane Smith", action="edit with"
    )
    assert [str(c) for c in changes] == ["target 2 / indicator 2 / With LPSA: 7.6 → 7.5"]
    assert load_agreement(store, demo.ref).targets[1].indicators[0].with_ == Decimal("7.5")
    latest = agreement_history(store, demo.ref)[0]
    assert (latest.officer, latest.action, latest.entity, latest.field, latest.old, latest.new) == (
        recorded_by(store, "Jane Smith"),
        "edit with",
        "target 2 / indicator 2",
        "with",
        "7.6",
        "7.5",
    )


def test_an_edit_that_changes_nothing_writes_nothing(store: Store, demo: Agreement) -> None:
    create_agreement(store, demo, officer=OFFICER)
    before = len(agreement_history(store, demo.ref))
    assert update_agreement(store, demo.ref, lambda a: a, officer=OFFICER, action="noop") == []
    assert len(agreement_history(store, demo.ref)) == before


def test_removing_and_reordering_targets_and_freedoms(store: Store, demo: Agreement) -> None:
    create_agreement(store, demo, officer=OFFICER)
    reordered = dataclasses.replace(
        demo,
        targets=tuple(reversed(demo.targets[2:])),  # targets 1 and 2 dropped
        freedoms=tuple(f for f in demo.freedoms if "1" not in f.targets),
    )
    update_agreement(store, demo.ref, lambda _a: reordered, officer=OFFICER, action="edit")
    assert load_agreement(store, demo.ref) == reordered


def test_a_failing_edit_leaves_the_store_as_it_was(store: Store, demo: Agreement) -> None:
    create_agreement(store, demo, officer=OFFICER)
    history = agreement_history(store, demo.ref)

    def broken(a: Agreement) -> Agreement:
        raise RuntimeError("fault half-way through an edit")

    with pytest.raises(RuntimeError):
        update_agreement(store, demo.ref, broken, officer=OFFICER, action="edit")
    assert load_agreement(store, demo.ref) == demo
    assert agreement_history(store, demo.ref) == history


def test_a_duplicate_ref_is_refused(store: Store, demo: Agreement) -> None:
    create_agreement(store, demo, officer=OFFICER)
    with pytest.raises(RefTakenError, match=demo.ref):
        create_agreement(store, demo, officer=OFFICER)


def test_agreements_resolve_by_ref_or_unique_council_name(store: Store, demo: Agreement) -> None:
    first = add_demo_agreement(store, officer=OFFICER)
    assert load_agreement(store, "bath and north east somerset council").ref == first
    second = add_demo_agreement(store, officer=OFFICER)
    assert second == f"{first}-2"
    with pytest.raises(AmbiguousRefError, match="give the ref"):
        load_agreement(store, "Bath and North East Somerset Council")
    with pytest.raises(NotFoundError):
        load_agreement(store, "Atlantis")


def test_multi_authority_agreements_keep_their_councils_in_order(
    store: Store, demo: Agreement
) -> None:
    joint = dataclasses.replace(
        demo,
        ref="joint",
        councils=(Council("Kent County Council", "E10000016"), Council("Dover District Council")),
    )
    create_agreement(store, joint, officer=OFFICER)
    assert [c.name for c in load_agreement(store, "joint").councils] == [
        "Kent County Council",
        "Dover District Council",
    ]
    assert list_agreements(store)[0].councils == ("Kent County Council", "Dover District Council")


def test_delete_removes_the_agreement_but_keeps_its_history(store: Store, demo: Agreement) -> None:
    create_agreement(store, demo, officer=OFFICER)
    delete_agreement(store, demo.ref, officer=OFFICER)
    assert list_agreements(store) == []
    assert agreement_history(store, demo.ref)[0].action == "delete"


def test_demo_is_added_to_an_empty_store_only(store: Store) -> None:
    assert ensure_demo_agreement(store, officer=OFFICER) == "bath-ne-somerset-lpsa1"
    assert ensure_demo_agreement(store, officer=OFFICER) is None
    assert len(list_agreements(store)) == 1


def test_the_officer_defaults_to_the_environment_then_the_setting(store: Store) -> None:
    assert current_officer(store) == OFFICER
    set_officer(store, "Jane Smith")
    assert current_officer(store) == "Jane Smith"


def test_store_location_comes_from_db_then_lpsa_db_then_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert resolve_store_url(str(tmp_path / "a.sqlite")) == f"sqlite:///{tmp_path / 'a.sqlite'}"
    assert resolve_store_url("sqlite:///:memory:") == "sqlite:///:memory:"
    monkeypatch.setenv("LPSA_DB", str(tmp_path / "env.sqlite"))
    assert resolve_store_url(None).endswith("env.sqlite")
    monkeypatch.delenv("LPSA_DB")
    assert resolve_store_url(None).endswith("xdg-data/lpsa-desk/lpsa.sqlite")


def test_the_default_store_is_created_in_the_data_folder(tmp_path: Path) -> None:
    store = Store.open()
    try:
        assert store.file == tmp_path / "xdg-data" / "lpsa-desk" / "lpsa.sqlite"
        assert store.file.exists()
    finally:
        store.close()


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("minutes of the meeting")
    with pytest.raises(StoreError, match="not an LPSA Desk store"):
        Store.open(str(path))
    assert path.read_text() == "minutes of the meeting"


def test_another_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE things (id INTEGER)")
    with pytest.raises(StoreError, match="not an LPSA Desk store"):
        Store.open(str(path))


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version=999")
    with pytest.raises(StoreError, match="newer LPSA Desk"):
        Store.open(str(path))
