"""How the committed return fixtures in this folder were made (tests do not run this).

    python make_fixtures.py                       # fixture.xlsx (openpyxl)
    soffice --headless --convert-to xls fixture.xlsx    # -> fixtureshire.xls
    soffice --headless --convert-to ods fixture.xlsx    # -> fixtureshire.ods
    soffice --headless --convert-to xlsx fixtureshire.ods  # -> fixtureshire-libreoffice.xlsx
        (saved by LibreOffice: the formula =1/0 keeps its cached #DIV/0!)
    password-protected.xlsx: fixture.xlsx encrypted with msoffcrypto-tool, password "secret"

LibreOffice 7.4 (Debian 12, libreoffice-calc-nogui).
"""

from datetime import date
from openpyxl import Workbook
wb = Workbook(); ag = wb.active; ag.title = "Details"
for pair in (("Local authority", "Fixtureshire County Council"), ("LPSA round", "2"), ("Period from", "April 2005"), ("Period to", "2007/08"), ("NBR", "£412m"), ("PRG rate", 0.025), ("PPG", "£875k")):
    ag.append(list(pair))
ag["B6"].number_format = "0.0%"
t = wb.create_sheet("Stretch targets")
t.append(["Fixtureshire LPSA2 proposal"])
t.append(["Target no", "Sub ref", "Outcome", "Performance indicator", "Units", "Polarity", "Baseline (2004/05)", "Without stretch", "Stretch target", "Target date", "Outturn"])
t.append(["Target 1", "a", "Safer roads", "People killed or seriously injured", "number", "reduce", 120, 110, 95, "2007/08", None])
t.append([None, "b", None, "Children killed or seriously injured", "number", "reduce", 20, 18, 14, "2007/08", None])
t.merge_cells("C3:C4")
t.append(["2", None, "More recycling", "Household waste recycled", "%", "increase", 0.18, 0.22, 0.26, "2007/08", None])
for c in ("G5", "H5", "I5"): t[c].number_format = "0%"
t.append(["3", None, "Fewer empty homes", "Empty homes brought back into use", "number", "higher", "1,200", "1 250", "1,400", "2007/08", "=1/0"])
t.row_dimensions[6].hidden = True
t.append([])
t.append(["* provisional figures"])
f = wb.create_sheet("Freedoms and flexibilities")
f.append(["Ref", "Freedom requested", "Targets", "Government department", "Status"])
f.append(["F1", "Relax the plan requirement", "1, 2", "ODPM", "agreed in principle"])
wb.create_sheet("Notes").append(["Anything"])
wb.save("fixture.xlsx")
