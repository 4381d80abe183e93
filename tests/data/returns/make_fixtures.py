"""How the committed return fixtures in this folder were made (tests do not run this).

    python make_fixtures.py                       # fixture.xlsx (openpyxl)
    soffice --headless --convert-to xls fixture.xlsx    # -> fixtureshire.xls
    soffice --headless --convert-to ods fixture.xlsx    # -> fixtureshire.ods
    soffice --headless --convert-to xlsx fixtureshire.ods  # -> fixtureshire-libreoffice.xlsx
        (saved by LibreOffice: the formula =1/0 keeps its cached #DIV/0!)
    password-protected.xlsx: fixture.xlsx encrypted with msoffcrypto-tool, password "secret"

LibreOffice 7.4 (Debian 12, libreoffice-calc-nogui).
"""

from openpyxl import Workbook


def main() -> None:
    book = Workbook()
    details = book.active
    assert details is not None
    details.title = "Details"
    for pair in (
        ("Local authority", "Fixtureshire County Council"),
        ("LPSA round", "2"),
        ("Period from", "April 2005"),
        ("Period to", "2007/08"),
        ("NBR", "£412m"),
        ("PRG rate", 0.025),
        ("PPG", "£875k"),
    ):
        details.append(list(pair))
    details["B6"].number_format = "0.0%"
    targets = book.create_sheet("Stretch targets")
    targets.append(["Fixtureshire LPSA2 proposal"])
    targets.append(
        ["Target no", "Sub ref", "Outcome", "Performance indicator", "Units", "Polarity",
         "Baseline (2004/05)", "Without stretch", "Stretch target", "Target date", "Outturn"]
    )  # fmt: skip
    targets.append(
        ["Target 1", "a", "Safer roads", "People killed or seriously injured", "number",
         "reduce", 120, 110, 95, "2007/08", None]
    )  # fmt: skip
    targets.append(
        [None, "b", None, "Children killed or seriously injured", "number", "reduce", 20, 18,
         14, "2007/08", None]
    )  # fmt: skip
    targets.merge_cells("C3:C4")
    targets.append(
        ["2", None, "More recycling", "Household waste recycled", "%", "increase", 0.18,
         0.22, 0.26, "2007/08", None]
    )  # fmt: skip
    for cell in ("G5", "H5", "I5"):
        targets[cell].number_format = "0%"
    targets.append(
        ["3", None, "Fewer empty homes", "Empty homes brought back into use", "number",
         "higher", "1,200", "1 250", "1,400", "2007/08", "=1/0"]
    )  # fmt: skip
    targets.row_dimensions[6].hidden = True
    targets.append([])
    targets.append(["* provisional figures"])
    freedoms = book.create_sheet("Freedoms and flexibilities")
    freedoms.append(["Ref", "Freedom requested", "Targets", "Government department", "Status"])
    freedoms.append(["F1", "Relax the plan requirement", "1, 2", "ODPM", "agreed in principle"])
    book.create_sheet("Notes").append(["Anything"])
    book.save("fixture.xlsx")


if __name__ == "__main__":
    main()
