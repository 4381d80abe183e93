"""A value the core keeps but validation will mark wrong is said at once, not only tinted.

An outturn of 150 on a percentage indicator is stored (validation reports problems as data,
it never refuses a keystroke), and its cell turns red; without a word the officer could
miss it. The status bar says what is wrong with the value just typed or pasted.
"""

from __future__ import annotations

from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.validation import unit_range_problem
from lpsa_desktop.services.agreement_edits import Part
from ui.item_models.cells import FieldEdit


def edit_warning(agreement: Agreement | None, edit: FieldEdit) -> str | None:
    """'Indicator 1a outturn: 150 is not a percentage between 0 and 100 (kept; marked in
    red until corrected)', or None."""
    address = edit.address
    if agreement is None or address.part is not Part.INDICATOR or not isinstance(edit.new, Decimal):
        return None
    found = agreement.find_indicator(str(address.key))
    if found is None:
        return None
    problem = unit_range_problem(found[1].unit, edit.new)
    if problem is None:
        return None
    return f"{address.label()}: {problem} (kept; marked in red until corrected)"
