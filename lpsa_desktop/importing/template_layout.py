"""The return template's layout: its columns (headers the importer knows), formats and words.

The headers are aliases from ``column_mapping``, so a filled-in template reads back through
the same path as any council's own workbook.
"""

from __future__ import annotations

from lpsa_desktop.domain.enums import DeliveryStatus, Direction, FreedomStatus, Unit
from lpsa_desktop.domain.priorities import SHARED_PRIORITIES
from lpsa_desktop.importing.cell_words import label

TEXT = "@"
"""Text format: stops Excel turning a period such as 2003/04 into a date."""
MONEY = '"£"#,##0.00'
WEIGHT = "0.00##"

# (header, field, width, number format or None, list name for a drop-down or None)
TARGET_COLUMNS: tuple[tuple[str, str, int, str | None, str | None], ...] = (
    ("Target", "target_ref", 8, TEXT, None),
    ("Sub-target", "indicator_ref", 10, TEXT, None),
    ("Target title", "target_title", 40, None, None),
    ("Indicator", "indicator", 50, None, None),
    ("Priority", "priority", 30, None, "priority"),
    ("Unit", "unit", 16, None, "unit"),
    ("Direction", "direction", 10, None, "direction"),
    ("Decimals", "decimals", 9, "0", None),
    ("Baseline", "baseline", 12, None, None),
    ("Baseline period", "baseline_period", 12, TEXT, None),
    ("Performance expected without the LPSA", "without", 16, None, None),
    ("Performance target with the LPSA", "with", 16, None, None),
    ("Target date", "end_period", 12, TEXT, None),
    ("Interim target", "interim", 12, None, None),
    ("Interim period", "interim_period", 12, TEXT, None),
    ("Interim actual", "interim_actual", 12, None, None),
    ("Actual", "actual", 12, None, None),
    ("Reward weight", "reward_weight", 10, WEIGHT, None),
    ("Indicator weight", "indicator_weight", 10, WEIGHT, None),
    ("Reserve", "reserve", 9, None, "yes_no"),
    ("Lead partner", "lead_partner", 30, None, None),
    ("Partners", "partners", 40, None, None),
    ("Pump priming", "pump_priming", 14, MONEY, None),
    ("Data source", "data_source", 40, None, None),
    ("Notes", "notes", 40, None, None),
)
VALUE_FIELDS = ("baseline", "without", "with", "interim", "interim_actual", "actual")

FREEDOM_COLUMNS: tuple[tuple[str, str, int, str | None, str | None], ...] = (
    ("Ref", "ref", 8, TEXT, None),
    ("Description", "description", 60, None, None),
    ("Targets", "targets", 12, TEXT, None),
    ("Department", "department", 20, None, None),
    ("Legal basis", "legal_basis", 40, None, None),
    ("Status", "status", 26, None, "status"),
    ("Response", "response", 40, None, None),
    ("Alternative", "alternative", 40, None, None),
    ("Delivery", "delivery", 16, None, "delivery"),
)

LISTS: dict[str, tuple[str, ...]] = {
    "unit": tuple(label(u) for u in Unit),
    "direction": tuple(d.value for d in Direction),
    "priority": SHARED_PRIORITIES,
    "status": tuple(label(s) for s in FreedomStatus),
    "delivery": tuple(label(d) for d in DeliveryStatus),
    "yes_no": ("no", "yes"),
}
STRICT_LISTS = {"unit", "direction", "status", "delivery", "yes_no"}
"""Lists whose drop-down refuses other words; a priority may be a local one."""

EXTRA_ROWS = 100
"""Blank, unlocked, formatted rows below the targets for indicators the council adds."""

GUIDANCE = (
    "How to fill in this return",
    "",
    "1. Agreement sheet: check the council's details. Do not change 'LPSA Desk ref'.",
    "2. Targets sheet: one row per indicator. Keep the header row as it is (it is locked).",
    "   Target and Sub-target identify a row: a new indicator needs a new Sub-target (e.g. 3c).",
    "   Choose Unit, Direction, Priority and Reserve from the drop-downs.",
    "   Values of a percentage indicator are percentage points: type 45 for 45%.",
    "   Periods are financial years such as 2005/06, or dates.",
    "   Leave a cell empty, or type n/a, when there is no value; type tbc when it is to be "
    "confirmed.",
    "   Money may be typed as £1,500,000, £1.5m or £875k.",
    "3. Freedoms sheet: one row per freedom or flexibility requested.",
    "",
    "Rows are matched by Target and Sub-target: importing this file again updates them and "
    "never duplicates them. Targets left out of the file are not deleted.",
)
