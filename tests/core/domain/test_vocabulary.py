"""One vocabulary (issue 13): the window's headings, the undo and audit wording, the
template, the PDF and the command line name fields and units with the same words."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.diff import Change
from lpsa_desktop.domain.enums import Unit
from lpsa_desktop.domain.vocabulary import (
    NO_LINKED_TARGETS,
    UNIT_NAMES,
    field_name,
    linked_targets_text,
    where_text,
)
from lpsa_desktop.exporting.schedule_freedoms import COLUMNS as PDF_FREEDOM_COLUMNS
from lpsa_desktop.importing.cell_words import UNIT_WORDS, fold, label
from lpsa_desktop.services.agreement_edits import FieldAddress, Part


def test_an_edit_names_its_field_as_the_column_does() -> None:
    assert FieldAddress(Part.INDICATOR, "2", "actual").label() == "indicator 2 / Outturn"
    assert FieldAddress(Part.INDICATOR, "2", "with_").label() == "indicator 2 / With LPSA"
    assert FieldAddress(Part.FREEDOM, "F2", "status").label() == "freedom F2 / Government's answer"
    assert FieldAddress(Part.PARTNER, 2, "name").label() == "partner 3 / Partner"


def test_the_audit_trail_and_the_import_plan_say_the_same_words() -> None:
    change = Change("changed", "target 2 / indicator 2", "actual", "7.6", "7.4")
    assert str(change) == "target 2 / indicator 2 / Outturn: 7.6 → 7.4"
    assert (
        where_text("target 2 / indicator 2", "without") == "target 2 / indicator 2 / Without LPSA"
    )
    assert where_text("agreement", None) == "agreement"


def test_the_window_headings_are_the_field_names() -> None:
    from ui.item_models.record_columns import FREEDOM_COLUMNS  # noqa: PLC0415 - Qt
    from ui.item_models.target_columns import TREE_COLUMNS  # noqa: PLC0415 - Qt

    for column in TREE_COLUMNS:
        if column.key in ("ref", "title"):  # one column for a target's and an indicator's
            continue
        for part, field in (("indicator", column.indicator_field), ("target", column.target_field)):
            if field:
                assert column.header == field_name(part, field), column
    for column in FREEDOM_COLUMNS:
        if column.field != "ref":
            assert column.header == field_name("freedom", column.field), column
    # The Government's answer no longer reads against "Agreed?" as "Status".
    headers = [c.header for c in FREEDOM_COLUMNS]
    assert "Government's answer" in headers and "Status" not in headers


def test_units_have_one_set_of_words_that_the_importer_reads_back() -> None:
    from ui.display import UNIT_LABELS, UNIT_SHORT_LABELS  # noqa: PLC0415 - the window

    for unit in Unit:
        assert UNIT_SHORT_LABELS[unit] == UNIT_NAMES[unit]  # the window's Unit column
        assert UNIT_LABELS[unit].casefold() == UNIT_NAMES[unit]  # its choice list
        assert label(unit) == UNIT_NAMES[unit]  # the template
        assert UNIT_WORDS[fold(label(unit))] is unit  # and read back
    assert UNIT_NAMES[Unit.COUNT] == "number" and UNIT_NAMES[Unit.RATE_PER_1000] == "rate per 1,000"


def test_a_freedom_linked_to_no_target_reads_the_same_everywhere(tmp_path: Path) -> None:
    from ui.item_models.cells import CellKind, display_text  # noqa: PLC0415 - the window

    assert linked_targets_text(()) == NO_LINKED_TARGETS
    assert linked_targets_text(("1", "4")) == "1, 4"
    assert display_text(CellKind.REFS, ()) == NO_LINKED_TARGETS
    assert dict(PDF_FREEDOM_COLUMNS).keys() >= {"Linked targets", "Government's answer"}
    store = tmp_path / "store.sqlite"
    lpsa = [sys.executable, "-m", "lpsa_desktop.cli.main", "--db", str(store)]
    subprocess.run([*lpsa, "demo"], check=True, capture_output=True)
    shown = subprocess.run(
        [*lpsa, "show", "bath-ne-somerset-lpsa1"], check=True, capture_output=True, text=True
    ).stdout
    f6 = next(line for line in shown.splitlines() if line.strip().startswith("F6"))
    assert f" {NO_LINKED_TARGETS} " in f" {f6} "
    assert " all " not in f" {f6} "


def test_levels_are_shown_with_their_units_in_the_plan_and_the_undo_text(
    demo: Agreement,
) -> None:
    from lpsa_desktop.domain.display import change_text, field_value_text  # noqa: PLC0415

    outturn = Change("changed", "target 2 / indicator 2", "actual", "7.6", "7.4")
    assert change_text(outturn, demo) == "target 2 / indicator 2 / Outturn: 7.6% → 7.4%"
    rate = Change("changed", "target 4 / indicator 4a", "with", None, "90")
    assert (
        change_text(rate, demo) == "target 4 / indicator 4a / With LPSA: (empty) → 90.0 per 1,000"
    )
    title = Change("changed", "target 2", "title", "Old", "New")
    assert change_text(title, demo) == "target 2 / Target: Old → New"
    assert field_value_text(demo, "indicator", "2", "actual", Decimal("7.55")) == "7.55%"
    assert field_value_text(demo, "target", "2", "title", "Attendance") == "Attendance"
