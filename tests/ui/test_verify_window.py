"""The verify dialog gives the CLI's verdict, in the CLI's words, for the same files; and a
hostile PDF being checked never holds up an edit on its way to the store."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from lpsa_desktop.cli.main import main
from lpsa_desktop.exporting.agreement_pdf import export_agreement_pdf
from lpsa_desktop.exporting.identity import IdentityFiles, create_identity
from lpsa_desktop.services.agreement_edits import FieldAddress, Part, read_field
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.services.demo import demo_agreement
from lpsa_desktop.storage.store import Store
from tests.core.exporting import attacks, hostile
from tests.core.exporting.helpers import PASSPHRASE, sign_as
from tests.ui.conftest import WAIT_MS, OpenWindow
from ui.commands.edit_field_command import EditFieldCommand
from ui.dialogs.verify_dialog import VerifyDialog
from ui.item_models.cells import FieldEdit
from ui.verify_job import VerifyJob

WITH_2 = FieldAddress(Part.INDICATOR, "2", "with_")


@pytest.fixture
def opened(open_window: Callable[..., OpenWindow]) -> OpenWindow:
    return open_window()


def _identities(folder: Path) -> list[IdentityFiles]:
    return [
        create_identity(
            folder / f"s{n}.p12", name=s.name, organisation=s.organisation, passphrase=PASSPHRASE
        )
        for n, s in enumerate(demo_agreement().signatories, start=1)
    ]


def _signed_twice(folder: Path, identities: list[IdentityFiles]) -> Path:
    names = [s.name for s in demo_agreement().signatories]
    pdf = folder / "agreement.pdf"
    export_agreement_pdf(demo_agreement(), pdf)
    once = sign_as(pdf, folder / "once.pdf", identities[0].identity, names[0], certify=True)
    return sign_as(once, folder / "twice.pdf", identities[1].identity, names[1])


def _dialog_verdict(opened: OpenWindow, pdf: Path) -> str:
    dialog = VerifyDialog(opened.controller.session, None, opened.window)
    opened.qtbot.addWidget(dialog)
    dialog.file.set_path(pdf)
    dialog.check()
    opened.qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    return re.sub(r"<[^>]+>", "", dialog.verdict.text())


def _cli_verdict(capsys: pytest.CaptureFixture[str], store_path: Path, pdf: Path) -> str:
    code = main(["--db", str(store_path), "verify", str(pdf)])
    out, err = capsys.readouterr()
    line = err.strip() if err.strip() else out.strip().splitlines()[-1]
    line = line.removeprefix(f"lpsa: {pdf}: ").removeprefix("Result: ").removesuffix(".")
    return f"{code} {line}"


def test_the_dialog_reads_the_same_verdict_as_the_cli(
    opened: OpenWindow, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    identities = _identities(tmp_path)
    twice = _signed_twice(tmp_path, identities)
    for files in identities[:2]:  # the store's trust list, shared by both faces
        assert main(["--db", str(store_path), "trust", "add", str(files.certificate)]) == 0
    capsys.readouterr()
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "giant.pdf").write_bytes(hostile.giant_xref_stream())
    files = [
        twice,
        attacks.new_signature_field_overlay(twice, tmp_path / "overlay.pdf", tmp_path)[0],
        attacks.metadata_changed(twice, tmp_path / "meta.pdf"),
        attacks.universal_signature_forgery(twice, tmp_path / "usf.pdf", "no contents"),
        tmp_path / "empty.pdf",
        tmp_path / "giant.pdf",
    ]
    seen = []
    for pdf in files:
        cli = _cli_verdict(capsys, store_path, pdf)
        window = _dialog_verdict(opened, pdf)
        assert cli.split(" ", 1)[1] == window, pdf.name
        seen.append((cli[0], window.split(":")[0]))
    assert seen == [
        ("0", "VALID"),
        ("1", "MODIFIED AFTER SIGNING"),
        ("1", "MODIFIED AFTER SIGNING"),
        ("1", "SIGNATURE BROKEN"),
        ("1", "REFUSED"),
        ("1", "REFUSED"),
    ]
    assert opened.faults.errors == []


def test_an_edit_reaches_the_store_while_a_hostile_pdf_is_checked(
    opened: OpenWindow, store_path: Path, tmp_path: Path
) -> None:
    # 40 MB of small dictionaries and no xref: seconds of pre-checks in the child, then refused.
    slow = tmp_path / "slow.pdf"
    slow.write_bytes(b"%PDF-1.7\n" + b"1 0 obj\n<< /A [2 0 R] /B << /C 1 >> >>\nendobj\n" * 950_000)
    dialog = VerifyDialog(opened.controller.session, None, opened.window)
    opened.qtbot.addWidget(dialog)
    dialog.file.set_path(slow)
    dialog.check()
    opened.qtbot.waitUntil(lambda: dialog.checking, timeout=WAIT_MS)

    session = opened.controller.session
    ref = session.agreement.ref
    started = time.monotonic()
    opened.controller.stack_for(ref).push(
        EditFieldCommand(session, FieldEdit(ref, WITH_2, Decimal("7.6"), Decimal("7.1")))
    )
    opened.wait_idle()
    saved_after = time.monotonic() - started
    assert dialog.checking  # the check is still running...
    store = Store.open(str(store_path))
    try:
        assert read_field(load_agreement(store, ref), WITH_2) == Decimal("7.1")  # ...and it saved
    finally:
        store.close()
    assert saved_after < 1.0

    opened.qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    assert dialog.report is not None and dialog.report.verdict.value == "REFUSED"
    assert opened.faults.errors == []


def test_trust_from_now_on_adds_the_certificate_to_the_stores_list(
    opened: OpenWindow, store_path: Path, tmp_path: Path
) -> None:
    from lpsa_desktop.services.trust_list import list_trusted  # noqa: PLC0415

    identity = _identities(tmp_path)[1]
    dialog = VerifyDialog(opened.controller.session, None, opened.window)
    opened.qtbot.addWidget(dialog)
    dialog.trust.set_path(identity.certificate)
    dialog.remember_button.click()
    opened.qtbot.waitUntil(lambda: "Now trusting" in dialog.verdict.text(), timeout=WAIT_MS)
    store = Store.open(str(store_path))
    try:
        assert [c.sha256 for c in list_trusted(store)] == [identity.sha256]
    finally:
        store.close()


def test_a_second_check_replaces_the_first_whatever_order_their_answers_come_in(
    opened: OpenWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dialog checks the PDF it opens with at once, with no certificate to trust; the
    officer then names the certificate and checks again. The first check's answer, arriving
    later (its child started first but a loaded machine may finish it last), used to
    replace the second's: "not trusted" shown for a file the officer had just trusted."""
    identities = _identities(tmp_path)
    names = [s.name for s in demo_agreement().signatories]
    pdf = tmp_path / "agreement.pdf"
    export_agreement_pdf(demo_agreement(), pdf)
    once = sign_as(pdf, tmp_path / "once.pdf", identities[0].identity, names[0], certify=True)
    started: list[tuple[bytes, ...]] = []
    real_start = VerifyJob.start

    def counted(job: VerifyJob, path: Path, trusted: tuple[bytes, ...]) -> None:
        started.append(trusted)
        real_start(job, path, trusted)

    monkeypatch.setattr(VerifyJob, "start", counted)
    dialog = VerifyDialog(opened.controller.session, once, opened.window)  # checks at once
    opened.qtbot.addWidget(dialog)
    dialog.trust.set_path(identities[0].certificate)
    dialog.check()  # before the first check's trust list has been read
    opened.qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    opened.wait_idle()
    opened.qtbot.wait(200)  # any late answer of the first check would have arrived by now
    assert len(started) == 1 and len(started[0]) == 1  # only the second check's child ran
    assert "VALID: the signature is intact" in dialog.verdict.text(), dialog.verdict.text()
