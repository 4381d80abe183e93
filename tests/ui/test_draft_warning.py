"""Sign PDF on an agreement still under negotiation warns first, naming why; a settled one
goes straight to the signing dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lpsa_desktop.domain.enums import AgreementStatus
from lpsa_desktop.services.agreement_editing import save_agreement
from lpsa_desktop.storage.store import Store
from tests.core.domain.test_settled import settled
from tests.ui.conftest import WAIT_MS, OpenWindow
from ui.dialogs.confirm_dialog import ConfirmDialog
from ui.dialogs.sign_dialog import SignDialog


def test_signing_a_draft_under_negotiation_warns_and_asks(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    files = opened.controller.files
    opened.window.window_actions.sign_pdf.trigger()
    warning = files.dialog
    assert isinstance(warning, ConfirmDialog) and warning.isVisible()
    assert "still under negotiation" in warning.text()
    assert "“negotiating”" in warning.informativeText()
    assert "are still open" in warning.informativeText()
    warning.cancel_button.click()  # not signed: no signing dialog
    assert not isinstance(files.dialog, SignDialog)
    opened.window.window_actions.sign_pdf.trigger()
    files.dialog.confirm_button.click()
    assert isinstance(files.dialog, SignDialog) and files.dialog.isVisible()
    files.dialog.reject()
    assert opened.faults.errors == []


def test_a_settled_agreement_is_signed_without_a_warning(
    open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    opened = open_window()
    session = opened.controller.session
    assert session.agreement is not None
    store = Store.open(str(store_path))  # agreed elsewhere: every item, and the agreement
    try:
        save_agreement(store, settled(session.agreement), officer="Raj Patel")
    finally:
        store.close()
    opened.window.window_actions.reload.trigger()
    opened.qtbot.waitUntil(
        lambda: (
            session.agreement is not None
            and session.agreement.status is AgreementStatus.PROVISIONALLY_AGREED
        ),
        timeout=WAIT_MS,
    )
    opened.controller.files.sign_pdf()
    assert isinstance(opened.controller.files.dialog, SignDialog)
    opened.controller.files.dialog.reject()
