"""Sending and receiving an agreement from the window: the conflict view, choices, Apply."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.three_way import Side
from lpsa_desktop.exchange.reader import read_package
from lpsa_desktop.services.agreement_editing import update_agreement
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.services.package_exchange import apply_merge, export_package, plan_merge
from lpsa_desktop.storage.store import Store
from tests.core.negotiation.helpers import set_with
from tests.ui.conftest import WAIT_MS, OpenWindow
from tests.ui.documents import DEMO
from ui.dialogs.merge_dialog import MergeDialog
from ui.dialogs.send_package_dialog import SendPackageDialog
from ui.item_models.merge_models import ConflictTableModel


def _with_1a(path: Path) -> Decimal | None:
    store = Store.open(str(path))
    try:
        found = load_agreement(store, DEMO).find_indicator("1a")
        assert found is not None
        return found[1].with_
    finally:
        store.close()


def _with_and_outturn(agreement: Agreement, value: str) -> Agreement:
    """1a's 'with' set to ``value``, and its outturn to 78 (the same on both laptops)."""
    found = set_with(agreement, "1a", value)
    targets = tuple(
        dataclasses.replace(
            t,
            indicators=tuple(
                dataclasses.replace(i, actual=Decimal(78)) if i.ref == "1a" else i
                for i in t.indicators
            ),
        )
        for t in found.targets
    )
    return dataclasses.replace(found, targets=targets)


def _edit(path: Path, value: str, officer: str) -> None:
    store = Store.open(str(path))
    try:
        update_agreement(
            store, DEMO, lambda a: _with_and_outturn(a, value), officer=officer, action="edit"
        )
    finally:
        store.close()


@pytest.fixture
def opened(open_window: Callable[..., OpenWindow]) -> OpenWindow:
    return open_window()


@pytest.fixture
def their_package(opened: OpenWindow, store_path: Path, tmp_path: Path) -> Path:
    """Sent from the window (File ▸ Send agreement); the other laptop merged it, set 1a's
    'with' to 81 and sent it back; meanwhile this laptop set it to 80."""
    opened.controller.files.send_agreement()
    send = opened.controller.files.dialog
    assert isinstance(send, SendPackageDialog)
    sent = tmp_path / "to-government.lpsa"
    send.destination.set_path(sent)
    send.send_button.click()
    opened.qtbot.waitUntil(lambda: not send.isVisible(), timeout=WAIT_MS)
    assert read_package(sent).package.agreement.ref == DEMO
    other = Store.open(str(tmp_path / "government.sqlite"))
    try:
        apply_merge(other, read_package(sent), officer="Gina Government")
    finally:
        other.close()
    _edit(tmp_path / "government.sqlite", "81", "Gina Government")
    other = Store.open(str(tmp_path / "government.sqlite"))
    try:
        export_package(other, DEMO, tmp_path / "from-government.lpsa", officer="Gina Government")
    finally:
        other.close()
    _edit(store_path, "80", "Colin Council")
    opened.controller.session.reload()
    opened.wait_idle()
    return tmp_path / "from-government.lpsa"


def _receive(opened: OpenWindow, package: Path) -> MergeDialog:
    opened.window.files_dropped.emit([package])  # as a .lpsa dropped on the window
    dialog = opened.controller.files.dialog
    assert isinstance(dialog, MergeDialog)
    opened.qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT_MS)
    return dialog


def test_a_conflict_shows_base_mine_and_theirs_with_who_and_nothing_is_written_until_apply(
    opened: OpenWindow, their_package: Path, store_path: Path
) -> None:
    dialog = _receive(opened, their_package)
    model = dialog.model
    assert model.rowCount() == 1
    row = [model.index(0, column).data() for column in range(model.columnCount())]
    assert row[:3] == ["indicator:1a.with", "73", "80"] and row[4] == "81"
    assert row[3].startswith("Colin Council") and row[5].startswith("Gina Government")
    assert row[6] == "— choose —"
    assert not dialog.apply_button.isEnabled()
    assert "1 conflict(s) still need a choice" in dialog.status.text()
    assert _with_1a(store_path) == Decimal("80")  # nothing written yet

    before = dialog.reward.text()
    dialog.all_theirs.click()
    assert model.index(0, 6).data() == "theirs" and dialog.apply_button.isEnabled()
    assert dialog.reward.text() != before  # the merge's reward follows the choice
    preview = dialog.preview()
    assert preview is not None and preview.find_indicator("1a")[1].with_ == 81  # type: ignore[index]
    assert _with_1a(store_path) == Decimal("80")  # still nothing written

    dialog.apply_button.click()
    opened.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    opened.wait_idle()
    assert _with_1a(store_path) == Decimal("81")
    assert "Merged from-government.lpsa" in opened.window.statusBar().currentMessage()
    assert opened.faults.errors == []


def test_choosing_mine_for_the_selected_row_keeps_this_laptops_value(
    opened: OpenWindow, their_package: Path, store_path: Path
) -> None:
    dialog = _receive(opened, their_package)
    dialog.table.selectRow(0)
    dialog.take_mine.click()
    assert dialog.model.choices == {"indicator:1a.with": Side.MINE}
    assert dialog.model.index(0, 6).data() == "mine"
    dialog.apply_button.click()
    opened.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    opened.wait_idle()
    assert _with_1a(store_path) == Decimal("80")
    store = Store.open(str(store_path))
    try:  # merged once: the same package again has nothing left to do
        assert plan_merge(store, read_package(their_package)).changes_nothing
    finally:
        store.close()


def test_a_damaged_package_is_refused_in_the_dialog(
    opened: OpenWindow, tmp_path: Path, store_path: Path
) -> None:
    bad = tmp_path / "bad.lpsa"
    bad.write_bytes(b"PK\x03\x04 not really")
    opened.controller.files.receive_agreement(bad)
    dialog = opened.controller.files.dialog
    assert isinstance(dialog, MergeDialog)
    opened.qtbot.waitUntil(lambda: "Not read" in dialog.summary.text(), timeout=WAIT_MS)
    assert "bad.lpsa" in dialog.summary.text() and not dialog.apply_button.isEnabled()


def test_the_conflict_model_passes_qts_model_tester(
    qtmodeltester: ModelTester, opened: OpenWindow, their_package: Path
) -> None:
    dialog = _receive(opened, their_package)
    qtmodeltester.check(ConflictTableModel(), force_py=True)
    qtmodeltester.check(dialog.model, force_py=True)
