"""Reading whole returns: sheets, headers, rows, refs, merged/hidden cells, formulas."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from lpsa_desktop.domain.enums import Direction, Generation, Severity, Unit
from lpsa_desktop.importing.council_return import read_return
from lpsa_desktop.importing.errors import NoTargetsSheetError
from lpsa_desktop.importing.return_merge import merge_return
from lpsa_desktop.importing.return_model import CouncilReturn
from tests.core.importing.workbooks import DATA, HEADER, ROW_1A, ROW_1B, ROW_2, write_return


def indicators(ret: CouncilReturn) -> dict[str, dict[str, object]]:
    return {i.ref: i.values for t in ret.targets_table.targets for i in t.indicators}


def messages(ret: CouncilReturn) -> list[str]:
    return [str(i) for i in ret.all_issues()]


def test_header_row_is_found_below_titles_and_notes(tmp_path: Path) -> None:
    above = [["Testshire LPSA2: proposal"], [], ["Figures as at March 2005"], ["", "draft"]]
    ret = read_return(write_return(tmp_path / "r.xlsx", [ROW_1A], above=above))
    assert ret.targets_table.mapping.header_row == 4
    assert indicators(ret)["1a"]["baseline"] == Decimal(120)


def test_a_header_below_row_30_is_not_a_header(tmp_path: Path) -> None:
    above = [[f"note {n}"] for n in range(30)]
    with pytest.raises(NoTargetsSheetError) as refused:
        read_return(write_return(tmp_path / "r.xlsx", [ROW_1A], above=above))
    assert "r.xlsx" in str(refused.value)


def test_headers_match_ignoring_case_spacing_punctuation_and_line_breaks(tmp_path: Path) -> None:
    header = [
        "TARGET NO.",
        "sub-target",
        "Target  title",
        "Performance\nIndicator",
        "units",
        "Good performance is",
        "Baseline\n(2003/04)",
        "Without  LPSA",
        "Stretch target",
        "BY",
    ]
    ret = read_return(write_return(tmp_path / "r.xlsx", [ROW_1A], header=header))
    values = indicators(ret)["1a"]
    assert values["baseline_period"] == "2003/04"  # from the header's trailing (…)
    assert values["with_"] == Decimal(95)
    assert values["end_period"] == "2007/08"
    assert values["direction"] is Direction.LOWER


def test_unknown_columns_are_reported_and_ignored(tmp_path: Path) -> None:
    header = [*HEADER, "RAG status"]
    ret = read_return(write_return(tmp_path / "r.xlsx", [[*ROW_1A, "green"]], header=header))
    unknown = [i for i in ret.all_issues() if i.code == "unknown_column"]
    assert [(i.cell, i.header, i.severity) for i in unknown] == [
        ("Targets!K", "RAG status", Severity.WARNING)
    ]
    assert not ret.rejected


def test_a_column_mapping_override_reads_an_unknown_header(tmp_path: Path) -> None:
    header = [*HEADER, "Outturn 2007/08 (provisional)"]
    path = write_return(tmp_path / "r.xlsx", [[*ROW_1A, 99]], header=header)
    assert "actual" not in indicators(read_return(path))["1a"]
    ret = read_return(path, overrides={"Outturn 2007/08 (provisional)": "actual"})
    assert indicators(ret)["1a"]["actual"] == Decimal(99)
    assert ret.targets_table.mapping.as_overrides()["Outturn 2007/08 (provisional)"] == "actual"


def test_rows_inherit_the_target_above_and_single_indicators_take_the_target_ref(
    tmp_path: Path,
) -> None:
    ret = read_return(write_return(tmp_path / "r.xlsx", [ROW_1A, ROW_1B, ROW_2]))
    targets = {t.ref: [i.ref for i in t.indicators] for t in ret.targets_table.targets}
    assert targets == {"1": ["1a", "1b"], "2": ["2"]}


def test_a_target_heading_row_without_indicator_applies_to_the_rows_below(
    tmp_path: Path,
) -> None:
    rows = [
        ["Target 3", None, "Fewer empty homes"],
        [None, "(a)", None, "Homes brought back into use", "number", "higher", 10, 12, 15],
        [None, "(b)", None, "Homes empty over 6 months", "number", "lower", 50, 48, 40],
    ]
    ret = read_return(write_return(tmp_path / "r.xlsx", rows))
    (target,) = ret.targets_table.targets
    assert target.values["title"] == "Fewer empty homes"
    assert [i.ref for i in target.indicators] == ["3a", "3b"]


def test_several_unnamed_indicators_of_one_target_get_letters_with_a_warning(
    tmp_path: Path,
) -> None:
    rows = [
        ["4", None, "Jobs", "People into work", "number", "higher", 100, 110, 130],
        [None, None, None, "People into work for 13 weeks", "number", "higher", 60, 65, 80],
    ]
    ret = read_return(write_return(tmp_path / "r.xlsx", rows))
    assert list(indicators(ret)) == ["4a", "4b"]
    assert any(i.code == "refs_assigned" for i in ret.all_issues())


def test_duplicate_target_refs_are_errors_on_the_later_row(tmp_path: Path) -> None:
    rows = [ROW_1A, ROW_2, ["1", "a", "Safer roads again", "KSI", "number", "lower", 1, 2, 3]]
    ret = read_return(write_return(tmp_path / "r.xlsx", rows))
    (rejected,) = ret.rejected
    assert rejected.row == 3  # 0-based: the file's row 4
    assert "duplicate target ref" in rejected.reasons[0]
    assert any(i.is_error and i.cell == "Targets!4" for i in ret.all_issues())


def test_duplicate_indicator_refs_are_errors(tmp_path: Path) -> None:
    rows = [ROW_1A, ["1", "a", None, "Again", "number", "lower", 1, 2, 0]]
    ret = read_return(write_return(tmp_path / "r.xlsx", rows))
    assert "duplicate ref" in ret.rejected[0].reasons[0]
    assert list(indicators(ret)) == ["1a"]


def test_text_where_a_number_belongs_names_file_sheet_cell_column_value_and_expectation(
    tmp_path: Path,
) -> None:
    rows = [ROW_1A, ["2", None, "Recycling", "Waste recycled", "%", "higher", "18 percent", 22, 26]]
    ret = read_return(write_return(tmp_path / "council.xlsx", rows))
    (error,) = [i for i in ret.all_issues() if i.is_error]
    assert (error.file, error.cell, error.header, error.value) == (
        "council.xlsx",
        "Targets!G3",
        "Baseline",
        "18 percent",
    )
    assert "number" in (error.expected or "")
    assert str(error).startswith("error: council.xlsx, Targets!G3 (Baseline): '18 percent'")
    assert [r.row for r in ret.rejected] == [2]
    assert list(indicators(ret)) == ["1a"]


def test_true_or_false_where_a_number_belongs_is_an_error_beside_the_numbers_equal_to_it(
    tmp_path: Path,
) -> None:
    """TRUE == 1.0 and FALSE == 0.0 in Python: reading each distinct value once must not
    let a boolean cell pass as the number beside it."""
    rows = [
        [ref, letter, "Safer roads", "KSI", "number", "lower", baseline, 110, 95, "2007/08"]
        for ref, letter, baseline in (("1", "a", 1.0), (None, "b", True), (None, "c", 0.0))
    ] + [[None, "d", None, "KSI", "number", "lower", False, 110, 95, "2007/08"]]
    ret = read_return(write_return(tmp_path / "r.xlsx", rows))
    errors = [(i.cell, i.value) for i in ret.all_issues() if i.is_error]
    assert errors == [("Targets!G3", "True"), ("Targets!G5", "False")]
    assert {ref: v["baseline"] for ref, v in indicators(ret).items()} == {
        "1a": Decimal(1),
        "1c": Decimal(0),
    }


def test_a_formula_error_value_is_an_error_on_that_cell(tmp_path: Path) -> None:
    path = write_return(tmp_path / "r.xlsx", [ROW_1A, [*ROW_2[:8], "#DIV/0!", "2007/08"]])
    ret = read_return(path)
    (error,) = [i for i in ret.all_issues() if i.is_error]
    assert (error.cell, error.value) == ("Targets!I3", "#DIV/0!")
    assert "formula error" in error.message


def test_formulas_are_read_by_their_saved_values_and_errors_caught() -> None:
    ret = read_return(DATA / "fixtureshire-libreoffice.xlsx")
    assert indicators(ret)["1a"]["with_"] == Decimal(95)
    (error,) = [i for i in ret.all_issues() if i.is_error]
    assert (error.cell, error.value) == ("Stretch targets!K6", "#DIV/0!")


def test_percentage_formatted_cells_are_read_as_shown(tmp_path: Path) -> None:
    row = ["2", None, "Recycling", "Waste recycled", "%", "higher", 0.18, 0.22, 0.265, "2007/08"]
    formats = {"G2": "0%", "H2": "0.0%", "I2": "0.0%"}
    ret = read_return(write_return(tmp_path / "r.xlsx", [row], formats=formats))
    values = indicators(ret)["2"]
    assert (values["baseline"], values["without"], values["with_"]) == (
        Decimal(18),
        Decimal(22),
        Decimal("26.5"),
    )


def test_a_literal_percent_sign_in_a_format_does_not_scale(tmp_path: Path) -> None:
    row = ["2", None, "Recycling", "Waste recycled", "%", "higher", 18, 22, 26, "2007/08"]
    ret = read_return(write_return(tmp_path / "r.xlsx", [row], formats={"G2": '0"%"'}))
    assert indicators(ret)["2"]["baseline"] == Decimal(18)


def test_without_cell_formats_mixed_fractions_in_a_percentage_indicator_are_warned(
    tmp_path: Path,
) -> None:
    ret = read_return(DATA / "fixtureshire.xls")
    ret.targets_table.has_formats = False
    entry = next(t for t in ret.targets_table.targets if t.ref == "2")
    entry.indicators[0].values["with_"] = Decimal(26)  # 0.18, 0.22 with 26
    merged = merge_return(ret, None, None, ref="x")
    mixed = [i for i in merged.issues if i.code == "percent_mixed"]
    assert sorted(i.cell or "" for i in mixed) == ["Stretch targets!G5", "Stretch targets!H5"]
    assert all(i.severity is Severity.WARNING for i in mixed)


def test_merged_title_applies_to_every_row_it_spans_and_hidden_rows_are_listed() -> None:
    for name in ("fixtureshire-libreoffice.xlsx", "fixtureshire.ods"):
        ret = read_return(DATA / name)
        first = ret.targets_table.targets[0]
        assert first.values["title"] == "Safer roads"
        assert [i.ref for i in first.indicators] == ["1a", "1b"]
        hidden = [i for i in ret.all_issues() if "hidden rows 6" in i.message]
        assert hidden, name


def test_hidden_columns_are_read_and_listed(tmp_path: Path) -> None:
    path = write_return(tmp_path / "r.xlsx", [ROW_1A])
    book = load_workbook(path)
    book["Targets"].column_dimensions["G"].hidden = True
    book.save(path)
    ret = read_return(path)
    assert indicators(ret)["1a"]["baseline"] == Decimal(120)
    assert any("hidden columns G" in i.message for i in ret.all_issues())


def test_blank_rows_are_skipped_and_footnotes_end_the_table(tmp_path: Path) -> None:
    rows = [ROW_1A, [], ROW_1B, [], ["Source: council records"], ["* provisional"]]
    ret = read_return(write_return(tmp_path / "r.xlsx", rows))
    assert list(indicators(ret)) == ["1a", "1b"]
    (note,) = [i for i in ret.all_issues() if i.code == "footnotes_ignored"]
    assert "'Source: council records'" in note.message and "2 row(s)" in note.message
    assert not ret.rejected


def test_data_below_a_footnote_is_reported_not_silently_lost(tmp_path: Path) -> None:
    rows = [ROW_1A, ["Source: council records"], ROW_2]
    ret = read_return(write_return(tmp_path / "r.xlsx", rows))
    assert any(i.code == "data_below_table" and i.row == 3 for i in ret.all_issues())


def test_sheets_are_found_by_their_names_or_headers_and_others_listed(tmp_path: Path) -> None:
    path = write_return(
        tmp_path / "r.xlsx", [ROW_1A], sheet="Sheet1", extra_sheets=["Guidance", "Chart data"]
    )
    ret = read_return(path)
    assert ret.targets_table.sheet == "Sheet1"
    assert ret.agreement_sheet == "Agreement"
    assert ret.ignored_sheets == ["Guidance", "Chart data"]


def test_the_agreement_sheet_reads_labels_and_values(tmp_path: Path) -> None:
    agreement = [
        ("Local authority", "Testshire County Council"),
        ("GSS code", "E10000099"),
        ("LPSA round", "second generation"),
        ("Period from", "April 2005"),
        ("Period to", "2007/08"),
        ("NBR", "£412.5m"),
        ("PRG rate", "2.5%"),
        ("Pump-priming", "£875k"),
        ("Population", "1,234,567"),
    ]
    ret = read_return(write_return(tmp_path / "r.xlsx", [ROW_1A], agreement=agreement))
    fields = ret.agreement
    assert fields.council == "Testshire County Council"
    assert fields.council_code == "E10000099"
    assert fields.generation is Generation.LPSA2
    assert (str(fields.period_start), str(fields.period_end)) == ("2005-04-01", "2008-03-31")
    assert fields.net_budget_requirement == Decimal("412500000.00")
    assert fields.reward_rate == Decimal("0.025")
    assert fields.pump_priming_grant == Decimal("875000.00")
    assert fields.population == 1234567


def test_the_same_return_reads_alike_from_xlsx_xls_and_ods() -> None:
    results = {}
    for name in ("fixtureshire-libreoffice.xlsx", "fixtureshire.xls", "fixtureshire.ods"):
        ret = read_return(DATA / name)
        agreement = merge_return(ret, None, None, ref="fixtureshire").agreement
        results[name] = agreement
        assert agreement.lead_council.name == "Fixtureshire County Council"
        assert agreement.generation is Generation.LPSA2
        assert agreement.freedoms[0].targets == ("1", "2")
        ind = agreement.find_indicator("1b")
        assert ind is not None and ind[1].with_ == Decimal(14)
        assert ind[1].unit is Unit.COUNT and ind[1].direction is Direction.LOWER
    # Percentages: shown as 18% in xlsx/ods; .xls gives no formats, so 0.18 stays 0.18.
    found = {n: a.find_indicator("2") for n, a in results.items()}
    assert found["fixtureshire.ods"] is not None and found["fixtureshire.ods"][1].baseline == 18
    assert found["fixtureshire.xls"] is not None
    assert found["fixtureshire.xls"][1].baseline == Decimal("0.18")


def test_a_new_indicator_without_direction_column_is_inferred_and_reported(
    tmp_path: Path,
) -> None:
    header = [h for h in HEADER if h != "Direction"]
    rows = [[v for n, v in enumerate(ROW_1A) if n != 5]]
    ret = read_return(write_return(tmp_path / "r.xlsx", rows, header=header))
    merged = merge_return(ret, None, None, ref="x")
    found = merged.agreement.find_indicator("1a")
    assert found is not None and found[1].direction is Direction.LOWER
    (note,) = [i for i in merged.issues if i.code == "direction_inferred"]
    assert "lower" in note.message and note.cell == "Targets!H2"


def test_a_with_value_not_better_than_without_is_an_error_that_refuses_the_row(
    tmp_path: Path,
) -> None:
    rows = [ROW_1A, ["2", None, "Recycling", "Waste recycled", "%", "higher", 18, 22, 21]]
    ret = read_return(write_return(tmp_path / "r.xlsx", rows))
    merged = merge_return(ret, None, None, ref="x")
    (error,) = [i for i in merged.issues if i.is_error]
    assert error.cell == "Targets!I3" and "not higher" in error.message
    assert merged.agreement.find_indicator("2") is None
    assert [r.row for r in merged.rejected] == [2]


def test_tbc_is_no_value_with_a_warning(tmp_path: Path) -> None:
    rows = [["1", "a", "Safer roads", "KSI", "number", "lower", 120, 110, "TBC", "2007/08"]]
    ret = read_return(write_return(tmp_path / "r.xlsx", rows))
    assert indicators(ret)["1a"]["with_"] is None
    (warning,) = [i for i in ret.all_issues() if "to be confirmed" in i.message]
    assert warning.cell == "Targets!I2" and warning.severity is Severity.WARNING


def test_a_freedoms_sheet_is_read(tmp_path: Path) -> None:
    path = write_return(tmp_path / "r.xlsx", [ROW_1A, ROW_2])
    book = load_workbook(path)
    sheet = book.create_sheet("F&F")
    sheet.append(["No.", "Freedom requested", "Target(s)", "Dept", "Status", "Delivered"])
    sheet.append(["F1", "Pool two grants", "1 and 2", "DfES", "refused", "no"])
    book.save(path)
    ret = read_return(path)
    assert ret.freedoms_table is not None
    (freedom,) = ret.freedoms_table.freedoms
    assert freedom.values["targets"] == ("1", "2")
    assert freedom.values["status"].value == "not_agreed"


def test_an_empty_workbook_has_no_targets_sheet(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["Some notes"])  # type: ignore[union-attr]
    book.save(tmp_path / "notes.xlsx")
    with pytest.raises(NoTargetsSheetError) as refused:
        read_return(tmp_path / "notes.xlsx")
    assert "notes.xlsx" in str(refused.value) and "no sheet of targets" in str(refused.value)


def test_an_xlsm_workbook_is_read_like_an_xlsx(tmp_path: Path) -> None:
    path = write_return(tmp_path / "r.xlsx", [ROW_1A])
    macro = path.rename(tmp_path / "return.xlsm")
    assert list(indicators(read_return(macro))) == ["1a"]


def test_a_workbook_named_xls_but_saved_as_xlsx_is_read_by_its_content(tmp_path: Path) -> None:
    path = write_return(tmp_path / "r.xlsx", [ROW_1A])
    misnamed = path.rename(tmp_path / "return.xls")
    assert list(indicators(read_return(misnamed))) == ["1a"]


def test_a_heading_row_stays_a_heading_when_a_header_gives_every_row_a_period(
    tmp_path: Path,
) -> None:
    header = [h if h != "Baseline" else "Baseline (2003/04)" for h in HEADER]
    rows = [
        ["Target 3", None, "Fewer empty homes"],
        [None, "a", None, "Homes", "number", "higher", 10, 12, 15],
    ]
    ret = read_return(write_return(tmp_path / "r.xlsx", rows, header=header))
    assert list(indicators(ret)) == ["3a"]
    assert indicators(ret)["3a"]["baseline_period"] == "2003/04"
