"""Freedoms, partners, signatories, the agreements list and the audit trail as item models."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import AgreementStatus, FreedomStatus, Generation, PartnerKind
from lpsa_desktop.domain.validation import validate_agreement
from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from lpsa_desktop.storage.agreement_repository import AgreementSummary
from lpsa_desktop.storage.audit_repository import AuditEvent
from ui.item_models.agreement_list_model import REF_ROLE, AgreementFilterModel, AgreementListModel
from ui.item_models.audit_table_model import AuditTableModel
from ui.item_models.cells import ERROR_TINT
from ui.item_models.record_columns import FREEDOM_COLUMNS, PARTNER_COLUMNS, SIGNATORY_COLUMNS
from ui.item_models.record_table_model import RecordColumn, RecordTableModel

RECORD_KINDS = [
    (Part.FREEDOM, FREEDOM_COLUMNS),
    (Part.PARTNER, PARTNER_COLUMNS),
    (Part.SIGNATORY, SIGNATORY_COLUMNS),
]


def records(demo: Agreement, part: Part, columns: tuple[RecordColumn, ...]) -> RecordTableModel:
    model = RecordTableModel(part, columns)
    model.set_agreement(demo)
    return model


@pytest.mark.parametrize(("part", "columns"), RECORD_KINDS)
def test_record_tables_pass_the_model_tester(
    qtmodeltester: ModelTester, demo: Agreement, part: Part, columns: tuple[RecordColumn, ...]
) -> None:
    qtmodeltester.check(records(demo, part, columns), force_py=True)
    qtmodeltester.check(RecordTableModel(part, columns), force_py=True)


def test_freedoms_show_labels_and_edit_by_ref(qtbot: QtBot, demo: Agreement) -> None:
    model = records(demo, Part.FREEDOM, FREEDOM_COLUMNS)
    status = [c.field for c in FREEDOM_COLUMNS].index("status")
    targets = [c.field for c in FREEDOM_COLUMNS].index("targets")
    assert model.index(1, status).data() == "Agreed in principle"
    assert model.index(1, targets).data() == "5, 6"
    with qtbot.waitSignal(model.edit_requested) as signal:
        model.setData(model.index(1, status), "agreed")
    edit = signal.args[0]
    assert edit.address == FieldAddress(Part.FREEDOM, "F2", "status")
    assert (edit.old, edit.new) == (FreedomStatus.AGREED_IN_PRINCIPLE, FreedomStatus.AGREED)
    with qtbot.waitSignal(model.edit_requested) as signal:
        model.setData(model.index(1, targets), "5, 6 ,9")
    assert signal.args[0].new == ("5", "6", "9")


def test_a_freedom_linked_to_an_unknown_target_is_marked(demo: Agreement) -> None:
    broken = replace(
        demo, freedoms=(replace(demo.freedoms[0], targets=("4", "99")), *demo.freedoms[1:])
    )
    model = records(broken, Part.FREEDOM, FREEDOM_COLUMNS)
    model.set_issues(validate_agreement(broken))
    targets = [c.field for c in FREEDOM_COLUMNS].index("targets")
    assert model.index(0, targets).data(Qt.ItemDataRole.BackgroundRole) == ERROR_TINT
    assert "target 99" in model.index(0, targets).data(Qt.ItemDataRole.ToolTipRole)


def test_partners_are_edited_by_position(qtbot: QtBot, demo: Agreement) -> None:
    model = records(demo, Part.PARTNER, PARTNER_COLUMNS)
    assert model.index(1, 1).data() == "Police"
    with qtbot.waitSignal(model.edit_requested) as signal:
        model.setData(model.index(1, 1), PartnerKind.OTHER.value)
    assert signal.args[0].address == FieldAddress(Part.PARTNER, 1, "kind")


def test_a_required_name_cannot_be_emptied_to_nothing(qtbot: QtBot, demo: Agreement) -> None:
    model = records(demo, Part.SIGNATORY, SIGNATORY_COLUMNS)
    with qtbot.waitSignal(model.edit_requested) as signal:
        model.setData(model.index(0, 0), "   ")
    assert signal.args[0].new == ""  # text, never None: the field is not optional


def summary(
    ref: str, council: str, status: AgreementStatus = AgreementStatus.DRAFT
) -> AgreementSummary:
    return AgreementSummary(
        ref,
        f"{council} LPSA",
        Generation.LPSA2,
        status,
        (council,),
        date(2005, 4, 1),
        date(2008, 3, 31),
        datetime(2005, 1, 1),
    )


SUMMARIES = [
    summary("bath-ne-somerset-lpsa2", "Bath and North East Somerset Council"),
    summary("hereford-lpsa2", "Herefordshire Council", AgreementStatus.SIGNED),
    summary("york-lpsa2", "City of York Council"),
]


def test_the_agreement_list_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = AgreementListModel()
    model.set_summaries(SUMMARIES)
    qtmodeltester.check(model, force_py=True)
    proxy = AgreementFilterModel()
    proxy.setSourceModel(model)
    proxy.set_filter_text("york")
    qtmodeltester.check(proxy, force_py=True)


def test_the_filter_keeps_agreements_matching_every_word() -> None:
    model = AgreementListModel()
    model.set_summaries(SUMMARIES)
    proxy = AgreementFilterModel()
    proxy.setSourceModel(model)
    proxy.set_filter_text("COUNCIL lpsa2 here")
    assert [proxy.index(r, 0).data(REF_ROLE) for r in range(proxy.rowCount())] == ["hereford-lpsa2"]
    proxy.set_filter_text("")
    assert proxy.rowCount() == 3
    assert model.index(1, 0).data() == "Herefordshire Council\nLPSA2 · Signed · 2005–2008"
    assert "01/04/2005 – 31/03/2008" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_an_unchanged_list_does_not_reset_the_navigator(qtbot: QtBot) -> None:
    model = AgreementListModel()
    model.set_summaries(SUMMARIES)
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_summaries(list(SUMMARIES))


def event(n: int, field: str = "with") -> AuditEvent:
    return AuditEvent(
        "demo",
        datetime(2003, 1, 14, 10, n),
        "Jo Officer",
        "edit",
        "target 2 / indicator 2",
        field,
        "7.6",
        f"7.{n}",
    )


def test_the_audit_trail_passes_the_model_tester_and_reads_plainly(
    qtmodeltester: ModelTester,
) -> None:
    model = AuditTableModel()
    model.set_events([event(2), event(1)])
    qtmodeltester.check(model, force_py=True)
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == [
        "14/01/2003 10:02:00",
        "Jo Officer",
        "edit",
        "target 2 / indicator 2 / With LPSA",
        "7.6",
        "7.2",
    ]


def test_new_audit_events_are_inserted_at_the_top(qtbot: QtBot) -> None:
    model = AuditTableModel()
    model.set_events([event(1)])
    with qtbot.waitSignal(model.rowsInserted) as signal, qtbot.assertNotEmitted(model.modelReset):
        model.set_events([event(3), event(2), event(1)])
    assert signal.args[1:] == [0, 1]
