"""One meeting, start to finish, in the real main window: open the demo, change a stretch and
see the reward move, undo it, import a return, export and sign the agreement, verify it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from lpsa_desktop.services.agreement_edits import FieldAddress, Part, read_field
from tests.ui.conftest import WAIT_MS, OpenWindow
from tests.ui.documents import PASSPHRASE, make_identity, write_return
from tests.ui.signing_steps import past_draft_warning
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.import_dialog import ImportDialog
from ui.dialogs.sign_dialog import SignDialog
from ui.dialogs.verify_dialog import VerifyDialog


def earned(opened: OpenWindow) -> str:
    summary = opened.window.reward.summary.text()
    return summary.split("Earned <b>")[1].split("</b>")[0]


def test_a_negotiation_meeting(
    qtbot: QtBot, open_window: Callable[..., OpenWindow], store_path: Path, tmp_path: Path
) -> None:
    opened = open_window()
    w, files = opened.window, opened.controller.files
    session = opened.controller.session

    # An outturn is typed for target 2, then its stretch is widened: the reward drops to nil.
    w.tabs.setCurrentWidget(w.targets)
    for column, text in (("actual", "7.8"), ("with", "7.4")):
        w.targets.select("2", "2", column)
        w.targets.tree.edit(w.targets.tree.currentIndex())
        editor = next(
            e
            for e in w.targets.tree.viewport().findChildren(QLineEdit, "cellEditor")
            if e.isVisible()
        )
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda e=editor: not e.isVisible())
    assert earned(opened) == "£0.00"
    w.window_actions.undo.trigger()  # back to the stretch as it was
    assert earned(opened) == "£212,973.21"
    opened.wait_idle()

    # The council's return brings outturns for 1a and 9b.
    return_file = write_return(
        store_path,
        tmp_path / "return.xlsx",
        {("1a", "Actual"): 73, ("9b", "Actual"): 27},
    )
    w.files_dropped.emit([return_file])
    importer = files.dialog
    assert isinstance(importer, ImportDialog)
    qtbot.waitUntil(lambda: importer.plan is not None, timeout=WAIT_MS)
    importer.apply_button.click()
    qtbot.waitUntil(lambda: not importer.isVisible(), timeout=WAIT_MS)
    opened.wait_idle()
    assert read_field(session.agreement, FieldAddress(Part.INDICATOR, "1a", "actual")) == Decimal(
        73
    )
    # 2 at 5/7 of its stretch (£212,973.21), 1a in full (£99,387.50); 9b at half earns nil.
    assert earned(opened) == "£312,360.71"

    # Export, sign as the Leader of the Council (first in the signing order), verify.
    w.window_actions.export_pdf.trigger()
    exporter = files.dialog
    assert isinstance(exporter, ExportDialog)
    exporter.destination.set_path(tmp_path / "agreement.pdf")
    exporter.export_button.click()
    qtbot.waitUntil(lambda: not exporter.isVisible(), timeout=WAIT_MS)
    identity = make_identity(tmp_path, "Margaret Hollis")
    w.window_actions.sign_pdf.trigger()
    signer = past_draft_warning(files)
    assert isinstance(signer, SignDialog)
    signer.identity.set_path(identity.identity)
    signer.signatory.setCurrentIndex(0)
    signer.passphrase.setText(PASSPHRASE)
    signer.sign_button.click()
    qtbot.waitUntil(lambda: not signer.isVisible(), timeout=WAIT_MS)
    assert "Still to sign: David Pennington" in w.statusBar().currentMessage()
    w.window_actions.verify_pdf.trigger()
    checker = files.dialog
    assert isinstance(checker, VerifyDialog)
    checker.trust.set_path(identity.certificate)
    checker.check()
    # The check runs in a child process (pyHanko imported there): on a loaded machine that
    # takes a while, and the time limit is the child's own (20 s); wait for any answer.
    qtbot.waitUntil(
        lambda: not checker.checking and "Checking " not in checker.verdict.text(),
        timeout=2 * WAIT_MS,
    )
    assert "VALID: the signature is intact" in checker.verdict.text(), checker.verdict.text()
    assert opened.faults.errors == []
