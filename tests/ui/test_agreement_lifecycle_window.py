"""New agreement, copy, delete and councils in the window: real widgets, a real store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from lpsa_desktop.cli.main import main
from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import CouncilType, Generation
from lpsa_desktop.services.agreement_edits import FieldAddress, Part, read_field
from lpsa_desktop.services.agreement_queries import (
    agreement_history,
    list_agreements,
    load_agreement,
)
from lpsa_desktop.services.council_edits import add_council
from lpsa_desktop.storage.store import Store
from tests.ui.conftest import WAIT_MS, OpenWindow
from tests.ui.documents import DEMO
from tests.ui.test_document_dialogs import export
from ui.dialogs.confirm_dialog import ConfirmDialog
from ui.dialogs.copy_agreement_dialog import CopyAgreementDialog
from ui.dialogs.council_dialogs import AddCouncilDialog, CouncilDetailsDialog
from ui.dialogs.new_agreement_dialog import NewAgreementDialog
from ui.item_models.cells import FieldEdit

COUNTY, PRESTON, BURNLEY = (
    "Lancashire County Council",
    "Preston City Council",
    "Burnley Borough Council",
)
REF = "lancashire-lpsa2"
BATH = "Bath and North East Somerset Council"


def stored(store_path: Path, ref: str) -> Agreement:
    store = Store.open(str(store_path))
    try:
        return load_agreement(store, ref)
    finally:
        store.close()


def refs(store_path: Path) -> list[str]:
    store = Store.open(str(store_path))
    try:
        return [s.ref for s in list_agreements(store)]
    finally:
        store.close()


def new_agreement(opened: OpenWindow, *councils: str, nbr: str = "") -> NewAgreementDialog:
    opened.window.window_actions.new_agreement.trigger()
    dialog = opened.controller.lifecycle.dialog
    assert isinstance(dialog, NewAgreementDialog)
    for name in councils:
        dialog.council_input.setEditText(name)
        dialog.add_council_button.click()
    dialog.generation.setCurrentIndex(dialog.generation.findData("LPSA2"))
    dialog.period_start.setDate(QDate(2005, 4, 1))
    dialog.period_end.setDate(QDate(2008, 3, 31))
    dialog.nbr.setText(nbr)
    dialog.create_button.click()
    opened.qtbot.waitUntil(
        lambda: not dialog.isVisible() or bool(dialog.problem.text()), timeout=WAIT_MS
    )
    opened.wait_idle()
    return dialog


def edit(opened: OpenWindow, address: FieldAddress, value: object) -> None:
    """An edit as the panels send it (the same path as typing into a cell)."""
    agreement = opened.controller.session.agreement
    assert agreement is not None
    old = read_field(agreement, address)
    opened.controller._on_edit_requested(FieldEdit(agreement.ref, address, old, value))
    opened.wait_idle()


def test_a_multi_authority_agreement_made_in_the_window_exports_and_reimports_unchanged(
    open_window: Callable[..., OpenWindow],
    store_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    opened = open_window(add_demo=False)
    assert "New agreement" in opened.window.heading.text()
    dialog = new_agreement(opened, COUNTY, PRESTON, BURNLEY, nbr="£612,345,678.90")
    assert not dialog.isVisible()
    session = opened.controller.session
    opened.qtbot.waitUntil(
        lambda: session.agreement is not None and session.agreement.ref == REF, timeout=WAIT_MS
    )
    opened.wait_idle()
    assert opened.window.tabs.currentWidget() is opened.window.targets  # ready for targets
    assert opened.window.overview.councils.list.count() == 3
    # The first target straight away.
    opened.window.window_actions.add_target.trigger()
    opened.wait_idle()
    for field, value in (
        ("baseline", Decimal("40")),
        ("without", Decimal("45")),
        ("with_", Decimal("50")),
    ):
        edit(opened, FieldAddress(Part.INDICATOR, "1", field), value)
    edit(opened, FieldAddress(Part.TARGET, "1", "title"), "Raise recycling across the county")
    # The county's details, in the Overview's councils.
    councils = opened.window.overview.councils
    councils.list.setCurrentRow(0)
    councils.details_button.click()
    details = opened.controller.lifecycle.dialog
    assert isinstance(details, CouncilDetailsDialog)
    details.code.setText("E10000017")
    details.type.setCurrentIndex(details.type.findData("county"))
    details.population.setText("1,134,000")
    opened.qtbot.waitUntil(lambda: "lancashire-lpsa2" in details.shared.text(), timeout=WAIT_MS)
    details.save_button.click()
    opened.wait_idle()
    for row, code in ((1, "E07000123"), (2, "E07000117")):  # the two districts
        councils.list.setCurrentRow(row)
        councils.details_button.click()
        district = opened.controller.lifecycle.dialog
        assert isinstance(district, CouncilDetailsDialog)
        district.code.setText(code)
        district.type.setCurrentIndex(district.type.findData("shire_district"))
        district.save_button.click()
        opened.wait_idle()
    made = stored(store_path, REF)
    assert [c.type for c in made.councils[1:]] == [CouncilType.SHIRE_DISTRICT] * 2
    assert [c.name for c in made.councils] == [COUNTY, PRESTON, BURNLEY]
    assert (made.lead_council.code, made.lead_council.type, made.lead_council.population) == (
        "E10000017",
        CouncilType.COUNTY,
        1134000,
    )
    assert (made.generation, made.capital_share, made.net_budget_requirement) == (
        Generation.LPSA2,
        Decimal("0.5"),
        Decimal("612345678.90"),
    )
    assert made.targets[0].indicators[0].with_ == Decimal("50")
    assert opened.faults.errors == []

    pdf = export(opened, tmp_path / "lancashire.pdf")
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages)
    for name in (COUNTY, PRESTON, BURNLEY):
        assert name in text, f"{name} is not named in the PDF"

    template = tmp_path / "lancashire.xlsx"
    assert main(["--db", str(store_path), "template", REF, str(template)]) == 0
    capsys.readouterr()
    assert (
        main(["--db", str(store_path), "import", str(template), "--agreement", REF, "--yes"]) == 0
    )
    assert "No changes: the store already holds what this file says." in capsys.readouterr().out
    assert stored(store_path, REF) == made


def test_a_new_agreement_with_no_council_is_refused_in_the_dialog(
    open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    opened = open_window()
    dialog = new_agreement(opened)
    assert dialog.isVisible() and "at least one council" in dialog.problem.text()
    dialog.council_input.setEditText("Maidstone Borough Council")
    opened.qtbot.keyClick(dialog.council_input.lineEdit(), Qt.Key.Key_Return)  # adds, no more
    assert dialog.council_names() == ["Maidstone Borough Council"] and dialog.isVisible()
    dialog.council_input.setEditText("Kent County Council")
    dialog.ref_edit.setText(DEMO)  # taken
    dialog.create_button.click()
    opened.qtbot.waitUntil(lambda: "Not created" in dialog.problem.text(), timeout=WAIT_MS)
    assert "already exists" in dialog.problem.text()
    assert refs(store_path) == [DEMO]
    dialog.reject()


def test_undo_of_a_new_agreement_deletes_it_and_redo_puts_it_back(
    open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    opened = open_window()
    new_agreement(opened, "Kent County Council")
    stack = opened.controller.stack_for("kent-lpsa2")
    assert stack.undoText() == "new agreement kent-lpsa2"
    stack.undo()
    opened.wait_idle()
    assert refs(store_path) == [DEMO]
    stack.redo()
    opened.wait_idle()
    assert refs(store_path) == [DEMO, "kent-lpsa2"]
    opened.qtbot.waitUntil(
        lambda: opened.controller.session.agreement.ref == "kent-lpsa2", timeout=WAIT_MS
    )
    assert opened.faults.errors == []


def test_copy_agreement_makes_a_draft_that_says_where_it_came_from(
    open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    opened = open_window()
    opened.window.window_actions.copy_agreement.trigger()
    dialog = opened.controller.lifecycle.dialog
    assert isinstance(dialog, CopyAgreementDialog)
    dialog.generation.setCurrentIndex(dialog.generation.findData("LPSA2"))
    assert "LPSA2's terms" in dialog.terms.text()
    dialog.period_start.setDate(QDate(2006, 4, 1))
    dialog.period_end.setDate(QDate(2009, 3, 31))
    dialog.copy_button.click()
    opened.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    session = opened.controller.session
    opened.qtbot.waitUntil(
        lambda: session.agreement is not None and session.agreement.ref == "bath-ne-somerset-lpsa2",
        timeout=WAIT_MS,
    )
    opened.wait_idle()
    assert opened.window.overview.copied_from_label.text() == DEMO
    copy = stored(store_path, "bath-ne-somerset-lpsa2")
    assert (copy.period_start, copy.generation) == (date(2006, 4, 1), Generation.LPSA2)
    assert len(copy.targets) == len(stored(store_path, DEMO).targets)


def test_delete_names_what_goes_and_undo_delete_puts_it_back(
    open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    opened = open_window()
    before = stored(store_path, DEMO)
    actions = opened.window.window_actions
    assert not actions.undo_delete_agreement.isEnabled()
    actions.delete_agreement.trigger()
    opened.qtbot.waitUntil(
        lambda: isinstance(opened.controller.lifecycle.dialog, ConfirmDialog), timeout=WAIT_MS
    )
    confirm = opened.controller.lifecycle.dialog
    assert (
        "13 targets (20 indicators), 7 freedoms, 0 meetings, 0 import batches"
        in confirm.informativeText()
    )
    assert confirm.defaultButton() is confirm.cancel_button
    confirm.confirm_button.click()
    opened.wait_idle()
    assert refs(store_path) == []
    assert opened.controller.session.agreement is None
    assert actions.undo_delete_agreement.isEnabled()
    assert actions.undo_delete_agreement.text() == f"Undo delete agreement {DEMO}"
    actions.undo_delete_agreement.trigger()
    opened.wait_idle()
    assert stored(store_path, DEMO) == before
    opened.qtbot.waitUntil(lambda: opened.controller.session.agreement is not None, timeout=WAIT_MS)
    store = Store.open(str(store_path))
    try:
        assert [e.action for e in agreement_history(store, DEMO)][:2] == ["undo delete", "delete"]
    finally:
        store.close()
    assert opened.faults.errors == []


def test_councils_are_added_reordered_and_removed_from_the_overview_with_undo(
    open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    opened = open_window()
    councils = opened.window.overview.councils
    assert not councils.remove_button.isEnabled()  # the only council: an agreement keeps a lead
    councils.add_button.click()
    add = opened.controller.lifecycle.dialog
    assert isinstance(add, AddCouncilDialog)
    add.council.setEditText("Somerset County Council")
    add.add_button.click()
    opened.wait_idle()
    assert [c.name for c in stored(store_path, DEMO).councils][1] == "Somerset County Council"
    councils.list.setCurrentRow(1)
    councils.up_button.click()
    opened.wait_idle()
    assert stored(store_path, DEMO).lead_council.name == "Somerset County Council"
    assert "lead" in councils.list.item(0).text()
    councils.list.setCurrentRow(0)
    councils.remove_button.click()
    opened.wait_idle()
    assert len(stored(store_path, DEMO).councils) == 1
    stack = opened.controller.stack_for(DEMO)
    for _ in range(3):
        stack.undo()
    opened.wait_idle()
    assert [c.name for c in stored(store_path, DEMO).councils] == [
        "Bath and North East Somerset Council"
    ]
    assert opened.faults.errors == []


def test_council_details_are_checked_and_one_undo_takes_back_the_dialog(
    open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    opened = open_window()
    before = stored(store_path, DEMO).lead_council
    councils = opened.window.overview.councils
    councils.list.setCurrentRow(0)
    councils.details_button.click()
    details = opened.controller.lifecycle.dialog
    assert isinstance(details, CouncilDetailsDialog)
    details.code.setText("E11000001")
    details.save_button.click()
    assert "GSS code" in details.problem.text() and details.isVisible()
    details.code.setText("00HA")
    details.name.setText("Bath & North East Somerset Council")
    details.save_button.click()
    opened.wait_idle()
    after = stored(store_path, DEMO).lead_council
    assert (after.name, after.code) == ("Bath & North East Somerset Council", "00HA")
    stack = opened.controller.stack_for(DEMO)
    stack.undo()
    opened.wait_idle()
    assert stored(store_path, DEMO).lead_council == before
    assert opened.faults.errors == []


@pytest.mark.parametrize("name", ["new_agreement", "copy_agreement", "delete_agreement"])
def test_the_lifecycle_actions_are_in_the_menus(
    open_window: Callable[..., OpenWindow], name: str
) -> None:
    opened = open_window()
    action = getattr(opened.window.window_actions, name)
    menus = [m for m in opened.window.menuBar().actions() if m.menu() is not None]
    assert any(action in m.menu().actions() for m in menus)  # type: ignore[union-attr]
    if name == "new_agreement":
        assert action.shortcut().toString() == "Ctrl+N"


def test_a_council_change_made_elsewhere_meanwhile_is_refused_in_plain_words(
    open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    opened = open_window()
    store = Store.open(str(store_path))
    try:  # another window (or `lpsa councils`) adds a council behind this one's back
        add_council(store, DEMO, "Somerset County Council", expected=[BATH], officer="Someone Else")
    finally:
        store.close()
    councils = opened.window.overview.councils
    councils.list.setCurrentRow(0)
    assert councils.list.count() == 1  # the window has not polled the store yet
    councils.add_button.click()
    add = opened.controller.lifecycle.dialog
    assert isinstance(add, AddCouncilDialog)
    add.council.setEditText("Taunton Deane Borough Council")
    add.add_button.click()
    opened.wait_idle()
    refusal = opened.window.findChild(QMessageBox, "refusalDialog")
    assert refusal is not None and "changed elsewhere" in refusal.text()
    assert [c.name for c in stored(store_path, DEMO).councils] == [BATH, "Somerset County Council"]
    assert opened.controller.stack_for(DEMO).count() == 0
    opened.qtbot.waitUntil(lambda: councils.list.count() == 2, timeout=WAIT_MS)


def test_opening_another_store_forgets_the_deletions_of_this_one(
    open_window: Callable[..., OpenWindow], store_path: Path, tmp_path: Path
) -> None:
    opened = open_window()
    actions = opened.window.window_actions
    actions.delete_agreement.trigger()
    opened.qtbot.waitUntil(
        lambda: isinstance(opened.controller.lifecycle.dialog, ConfirmDialog), timeout=WAIT_MS
    )
    opened.controller.lifecycle.dialog.confirm_button.click()
    opened.wait_idle()
    assert actions.undo_delete_agreement.isEnabled()
    opened.controller.open_store(str(tmp_path / "other.sqlite"))
    opened.wait_idle()
    assert not actions.undo_delete_agreement.isEnabled()
    assert refs(tmp_path / "other.sqlite") == []


def test_presentation_mode_shows_the_councils_without_their_edit_buttons(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    councils = opened.window.overview.councils
    opened.window.window_actions.presentation_mode.setChecked(True)
    assert councils.list.count() == 1
    assert councils.add_button.isHidden() and councils.details_button.isHidden()
    opened.window.window_actions.presentation_mode.setChecked(False)
    assert not councils.add_button.isHidden()
