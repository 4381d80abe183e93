"""A value the core keeps but validation will mark wrong is said at once, not only tinted.

An outturn of 150 on a percentage indicator is stored (validation reports problems as data,
it never refuses a keystroke), and its cell turns red; without a word the officer could
miss it. The status bar says what is wrong with the value just typed or pasted.
"""

from __future__ import annotations

from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement, Indicator
from lpsa_desktop.domain.validation import unit_range_problem
from lpsa_desktop.services.agreement_edits import Part
from ui.item_models.cells import FieldEdit


def edit_warning(agreement: Agreement | None, edit: FieldEdit) -> str | None:
    """'Indicator 1a outturn: 150 is not a percentage between 0 and 100 (kept; marked in
    red until corrected)', or None."""
    found = agreement.find_indicator(str(edit.address.key)) if agreement else None
    return _warning(edit, found[1] if found else None)


def edit_warnings(agreement: Agreement | None, edits: list[FieldEdit]) -> list[str]:
    """The warnings of a paste's edits, the indicators looked up once (not 1,000 scans)."""
    if agreement is None:
        return []
    units = {i.ref: i for t in agreement.targets for i in t.indicators}
    found = (_warning(edit, units.get(str(edit.address.key))) for edit in edits)
    return [warning for warning in found if warning]


def _warning(edit: FieldEdit, indicator: Indicator | None) -> str | None:
    address = edit.address
    if indicator is None or address.part is not Part.INDICATOR:
        return None
    if not isinstance(edit.new, Decimal):
        return None
    problem = unit_range_problem(indicator.unit, edit.new)
    if problem is None:
        return None
    return f"{address.label()}: {problem} (kept; marked in red until corrected)"
