"""Export, sign, verify and print from the window, through the core's own services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintPreviewDialog

from lpsa_desktop.services.demo import demo_agreement
from tests.ui.conftest import WAIT_MS, OpenWindow
from tests.ui.documents import PASSPHRASE, make_identity
from tests.ui.signing_steps import past_draft_warning
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.sign_dialog import SignDialog, signed_name
from ui.dialogs.verify_dialog import BAD, DOUBT, GOOD, VerifyDialog
from ui.printing import agreement_html


@pytest.fixture
def opened(open_window: Callable[..., OpenWindow]) -> OpenWindow:
    return open_window()


def export(opened: OpenWindow, destination: Path) -> Path:
    opened.controller.files.export_pdf()
    dialog = opened.controller.files.dialog
    assert isinstance(dialog, ExportDialog)
    assert dialog.draft.isChecked() and not dialog.draft.isEnabled()  # negotiating: a draft
    dialog.destination.set_path(destination)
    dialog.export_button.click()
    opened.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    return destination


def sign(opened: OpenWindow, identity: Path, passphrase: str, signatory: int = 1) -> SignDialog:
    opened.controller.files.sign_pdf()
    dialog = past_draft_warning(opened.controller.files)
    assert isinstance(dialog, SignDialog)
    dialog.identity.set_path(identity)
    dialog.signatory.setCurrentIndex(signatory)
    dialog.passphrase.setText(passphrase)
    dialog.sign_button.click()
    opened.qtbot.waitUntil(
        lambda: not dialog.isVisible() or "Not signed" in dialog.status.text(), timeout=WAIT_MS
    )
    return dialog


def test_export_writes_the_pdf_and_says_what_it_wrote(opened: OpenWindow, tmp_path: Path) -> None:
    pdf = export(opened, tmp_path / "agreement.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    message = opened.window.statusBar().currentMessage()
    assert "marked DRAFT" in message and "fingerprint" in message
    assert opened.controller.files.last_pdf == pdf


def test_sign_asks_the_passphrase_each_time_and_never_keeps_it(
    opened: OpenWindow, tmp_path: Path
) -> None:
    pdf = export(opened, tmp_path / "agreement.pdf")
    identity = make_identity(tmp_path)
    dialog = sign(opened, identity.identity, PASSPHRASE)
    assert dialog.passphrase.text() == ""
    signed = signed_name(pdf)
    assert signed.exists()
    message = opened.window.statusBar().currentMessage()
    assert "Signed the block of David Pennington" in message
    assert "out of turn" in message  # the Leader, first in order, has not signed yet
    assert opened.controller.settings.identity_file == str(identity.identity)
    settings_text = Path(opened.controller.settings.file).read_text()
    assert PASSPHRASE not in settings_text
    again = SignDialog(
        opened.controller.session,
        opened.controller.session.agreement,
        source=signed,
        identity_file=str(identity.identity),
    )
    opened.qtbot.addWidget(again)
    assert again.passphrase.text() == ""


def test_a_wrong_passphrase_is_refused_in_plain_words(opened: OpenWindow, tmp_path: Path) -> None:
    export(opened, tmp_path / "agreement.pdf")
    identity = make_identity(tmp_path)
    dialog = sign(opened, identity.identity, "not the passphrase")
    assert (
        "Not signed" in dialog.status.text() and "passphrase does not open" in dialog.status.text()
    )
    assert dialog.passphrase.text() == ""
    assert not signed_name(tmp_path / "agreement.pdf").exists()
    assert opened.faults.errors == []
    dialog.reject()


def verify(opened: OpenWindow, pdf: Path, trust: Path | None = None) -> VerifyDialog:
    dialog = VerifyDialog(opened.controller.session, None, opened.window)
    opened.qtbot.addWidget(dialog)
    dialog.trust.set_path(trust)
    dialog.file.set_path(pdf)
    dialog.check()
    opened.qtbot.waitUntil(
        lambda: dialog.report is not None or "Cannot" in dialog.verdict.text(), timeout=WAIT_MS
    )
    return dialog


def test_verify_says_in_plain_words_whether_to_trust_the_document(
    opened: OpenWindow, tmp_path: Path
) -> None:
    pdf = export(opened, tmp_path / "agreement.pdf")
    identity = make_identity(tmp_path)
    sign(opened, identity.identity, PASSPHRASE)
    signed = signed_name(pdf)
    trusted = verify(opened, signed, identity.certificate).verdict.text()
    assert "VALID: the signature is intact, in its signatory's block" in trusted
    assert GOOD in trusted
    untrusted = verify(opened, signed).verdict.text()  # untrusted is not valid
    assert "NOT TRUSTED: not on the trust list: David Pennington" in untrusted
    assert DOUBT in untrusted
    unsigned = verify(opened, pdf).verdict.text()
    assert "NOT SIGNED: the file carries no digital signature" in unsigned
    data = signed.read_bytes()
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(
        data.replace(b"Bath and North East Somerset", b"Bath and North West Somerset", 1)
    )
    broken = verify(opened, altered, identity.certificate).verdict.text()
    assert "SIGNATURE BROKEN" in broken and BAD in broken
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(data + b"\n% added after signing\n")
    modified = verify(opened, appended, identity.certificate).verdict.text()
    assert "MODIFIED AFTER SIGNING" in modified and BAD in modified


def test_a_pdf_dropped_on_the_window_is_verified(opened: OpenWindow, tmp_path: Path) -> None:
    pdf = export(opened, tmp_path / "agreement.pdf")
    opened.window.files_dropped.emit([pdf])
    dialog = opened.controller.files.dialog
    assert isinstance(dialog, VerifyDialog)
    opened.qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    assert "NOT SIGNED" in dialog.verdict.text()
    dialog.reject()


def test_a_file_that_is_not_a_pdf_cannot_be_checked(opened: OpenWindow, tmp_path: Path) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_text("hello")
    assert "REFUSED: not a PDF" in verify(opened, fake).verdict.text()
    assert opened.faults.errors == []


def test_print_preview_opens_on_the_agreement(opened: OpenWindow) -> None:
    opened.controller.files.print_preview()
    preview = opened.controller.files.dialog
    assert isinstance(preview, QPrintPreviewDialog)
    assert "Bath and North East Somerset" in preview.windowTitle()
    preview.close()


def test_the_printout_never_shows_internal_notes() -> None:
    demo = demo_agreement()
    html = agreement_html(demo, include_reserve=True)
    assert demo.internal_notes not in html
    assert "Reserve target: offered" not in html
    assert "(reserve)" in html
    assert "(reserve)" not in agreement_html(demo, include_reserve=False)
    assert "£3,577,950" in html
    assert "&lt;" in agreement_html(replace(demo, title="Bath <draft>"), include_reserve=False)


def test_typing_an_absolute_path_to_sign_proposes_the_signed_name(
    opened: OpenWindow, tmp_path: Path
) -> None:
    opened.controller.files.sign_pdf()
    dialog = past_draft_warning(opened.controller.files)
    assert isinstance(dialog, SignDialog)
    dialog.source.edit.clear()
    dialog.destination.edit.clear()
    opened.qtbot.keyClicks(dialog.source.edit, "/")  # a folder, not yet a file: nothing proposed
    assert dialog.destination.path() is None
    opened.qtbot.keyClicks(dialog.source.edit, str(tmp_path / "agreement.pdf")[1:])
    assert dialog.destination.path() == tmp_path / "agreement-signed.pdf"
    assert signed_name(Path("/")) is None
    assert opened.faults.errors == []
    dialog.reject()


def test_the_printout_keeps_potentials_and_earnings_in_their_own_columns() -> None:
    html = agreement_html(demo_agreement(), include_reserve=False)
    assert "<th class='n'>Potential</th><th class='n'>Earned</th>" in html
    assert "<th class='n'>Reward</th>" not in html
