"""What the targets tree shows in a cell beyond the value itself: the stretch, and which
validation issues belong to which cell."""

from __future__ import annotations

from collections import defaultdict

from lpsa_desktop.domain.agreement import Agreement, Indicator
from lpsa_desktop.domain.enums import Unit
from lpsa_desktop.domain.validation import ValidationIssue
from ui.item_models import cells
from ui.item_models.cells import CellKind
from ui.item_models.target_columns import FIELD_COLUMNS

ItemKey = tuple[str, str | None]  # (target ref, indicator ref or None)


def stretch_text(indicator: Indicator) -> str:
    stretch = indicator.enhancement
    if stretch is None:
        return ""
    unit_text = cells.display_text(
        CellKind.NUMBER, abs(stretch), unit=indicator.unit, decimals=indicator.decimals
    )
    if indicator.unit is Unit.PERCENT:
        unit_text = unit_text.removesuffix("%") + " pts"
    return unit_text if stretch >= 0 else f"−{unit_text}"


def issues_by_cell(
    agreement: Agreement | None, issues: list[ValidationIssue]
) -> dict[ItemKey, dict[int, list[ValidationIssue]]]:
    """Validation issues keyed by the row and column they are about (ref column by default)."""
    found: dict[ItemKey, dict[int, list[ValidationIssue]]] = defaultdict(lambda: defaultdict(list))
    if agreement is None:
        return {}
    owners = {i.ref: t.ref for t in agreement.targets for i in t.indicators}
    for issue in issues:
        where = issue.location
        target_ref = where.target or (owners.get(where.indicator) if where.indicator else None)
        if target_ref is None:
            continue  # agreement-wide: shown in the overview
        column = FIELD_COLUMNS.get(where.field or "ref", 0)
        found[(target_ref, where.indicator)][column].append(issue)
    return {key: dict(columns) for key, columns in found.items()}
