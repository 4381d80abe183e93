"""Undo commands over a real store: redo writes, undo restores, both are in the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from lpsa_desktop.domain.agreement import FreedomRequest, Indicator, Partner, Signatory, Target
from lpsa_desktop.services.agreement_edits import FieldAddress, Part, read_field
from lpsa_desktop.services.agreement_queries import agreement_history, load_agreement
from lpsa_desktop.storage.store import Store
from tests.ui.conftest import OpenWindow
from ui.commands.edit_field_command import EditFieldCommand
from ui.commands.item_commands import AddItemCommand, RemoveItemCommand
from ui.item_models.cells import FieldEdit

WITH_2 = FieldAddress(Part.INDICATOR, "2", "with_")


@pytest.fixture
def opened(open_window: Callable[..., OpenWindow]) -> OpenWindow:
    return open_window()


def stored(store_path: Path) -> Any:
    store = Store.open(str(store_path))
    try:
        return load_agreement(store, "bath-ne-somerset-lpsa1"), agreement_history(
            store, "bath-ne-somerset-lpsa1"
        )
    finally:
        store.close()


def test_edit_redo_then_undo_restores_store_and_screen(
    opened: OpenWindow, store_path: Path
) -> None:
    session = opened.controller.session
    original = session.agreement
    assert original is not None
    stack = opened.controller.stack_for(original.ref)
    stack.push(
        EditFieldCommand(session, FieldEdit(original.ref, WITH_2, Decimal("7.6"), Decimal("7.4")))
    )
    assert read_field(session.agreement, WITH_2) == Decimal("7.4")  # on screen at once
    opened.wait_idle()
    agreement, history = stored(store_path)
    assert read_field(agreement, WITH_2) == Decimal("7.4")
    assert (history[0].action, history[0].old, history[0].new) == (
        "edit indicator 2 / With LPSA",
        "7.6",
        "7.4",
    )
    stack.undo()
    opened.wait_idle()
    agreement, history = stored(store_path)
    assert agreement == original
    assert session.agreement == original
    assert history[0].action == "undo edit indicator 2 / With LPSA"
    stack.redo()
    opened.wait_idle()
    assert read_field(stored(store_path)[0], WITH_2) == Decimal("7.4")
    assert opened.faults.errors == []


def test_repeated_edits_of_one_cell_merge_into_one_undo_step(
    opened: OpenWindow, store_path: Path
) -> None:
    session = opened.controller.session
    ref = session.agreement.ref
    stack = opened.controller.stack_for(ref)
    for old, new in (("7.6", "7.5"), ("7.5", "7.4"), ("7.4", "7.3")):
        stack.push(EditFieldCommand(session, FieldEdit(ref, WITH_2, Decimal(old), Decimal(new))))
    assert stack.count() == 1
    assert stack.undoText() == "edit indicator 2 / With LPSA: 7.6% → 7.3%"
    stack.undo()
    opened.wait_idle()
    assert read_field(stored(store_path)[0], WITH_2) == Decimal("7.6")


def test_typing_a_cell_back_to_where_it_was_leaves_nothing_to_undo(opened: OpenWindow) -> None:
    session = opened.controller.session
    ref = session.agreement.ref
    stack = opened.controller.stack_for(ref)
    stack.push(EditFieldCommand(session, FieldEdit(ref, WITH_2, Decimal("7.6"), Decimal("7.5"))))
    stack.push(EditFieldCommand(session, FieldEdit(ref, WITH_2, Decimal("7.5"), Decimal("7.6"))))
    assert stack.count() == 0
    opened.wait_idle()


def test_edits_of_different_cells_are_separate_steps(opened: OpenWindow) -> None:
    session = opened.controller.session
    ref = session.agreement.ref
    stack = opened.controller.stack_for(ref)
    stack.push(EditFieldCommand(session, FieldEdit(ref, WITH_2, Decimal("7.6"), Decimal("7.5"))))
    without = FieldAddress(Part.INDICATOR, "2", "without")
    stack.push(EditFieldCommand(session, FieldEdit(ref, without, Decimal("8.3"), Decimal("8.4"))))
    assert stack.count() == 2
    opened.wait_idle()


ITEMS = [
    (
        Part.TARGET,
        Target("13", "Raise library use", (Indicator("13", "Library visits per 1,000"),)),
        12,
        "",
    ),
    (Part.INDICATOR, Indicator("2a", "Unauthorised absence"), 1, "2"),
    (Part.FREEDOM, FreedomRequest("F8", "Pool budgets with the PCT", targets=("4",)), 7, ""),
    (Part.PARTNER, Partner("Bath Chamber of Commerce"), 2, ""),
    (Part.SIGNATORY, Signatory("A Person", "Chair", "Bath LSP"), 3, ""),
]


@pytest.mark.parametrize(("part", "item", "index", "parent"), ITEMS)
def test_add_then_undo_gives_back_the_agreement(
    opened: OpenWindow, store_path: Path, part: Part, item: Any, index: int, parent: str
) -> None:
    session = opened.controller.session
    original = session.agreement
    stack = opened.controller.stack_for(original.ref)
    stack.push(AddItemCommand(session, original.ref, part, item, index, parent=parent))
    opened.wait_idle()
    grown = stored(store_path)[0]
    assert grown != original and session.agreement == grown
    stack.undo()
    opened.wait_idle()
    assert stored(store_path)[0] == original == session.agreement
    assert opened.faults.errors == []


REMOVALS = [
    (Part.TARGET, lambda a: (a.targets[2], 2, "")),
    (Part.INDICATOR, lambda a: (a.targets[0].indicators[1], 1, "1")),
    (Part.FREEDOM, lambda a: (a.freedoms[3], 3, "")),
    (Part.PARTNER, lambda a: (a.partners[0], 0, "")),
    (Part.SIGNATORY, lambda a: (a.signatories[1], 1, "")),
]


@pytest.mark.parametrize(("part", "pick"), REMOVALS)
def test_remove_then_undo_puts_it_back_where_it_was(
    opened: OpenWindow, store_path: Path, part: Part, pick: Callable[[Any], tuple[Any, int, str]]
) -> None:
    session = opened.controller.session
    original = session.agreement
    item, index, parent = pick(original)
    stack = opened.controller.stack_for(original.ref)
    stack.push(RemoveItemCommand(session, original.ref, part, item, index, parent=parent))
    opened.wait_idle()
    assert stored(store_path)[0] != original
    stack.undo()
    opened.wait_idle()
    assert stored(store_path)[0] == original == session.agreement
    assert opened.faults.errors == []
