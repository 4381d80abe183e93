"""The audit tab shows an indicator's levels with their units, as every other view does."""

from __future__ import annotations

from datetime import datetime

from lpsa_desktop.services.demo import demo_agreement
from lpsa_desktop.storage.audit_repository import AuditEvent
from ui.item_models.audit_table_model import AuditTableModel

WHEN = datetime(2026, 12, 3, 9, 30)


def _event(entity: str, field: str, old: str, new: str) -> AuditEvent:
    return AuditEvent("demo", WHEN, "Raj Patel", "edit", entity, field, old, new, id=1)


def test_levels_are_shown_with_their_units_and_other_values_as_recorded(qtbot: object) -> None:
    model = AuditTableModel()
    model.set_events(
        [
            _event("target 2 / indicator 2", "with", "7.6", "7.4"),
            _event("target 3", "title", "Care", "Care leavers"),
            _event("target 9 / indicator 99", "with", "1", "2"),  # an indicator since removed
        ]
    )
    assert [model.index(0, c).data() for c in (4, 5)] == ["7.6", "7.4"]  # no agreement yet
    model.set_agreement(demo_agreement())
    assert [model.index(0, c).data() for c in (4, 5)] == ["7.6%", "7.4%"]
    assert [model.index(1, c).data() for c in (4, 5)] == ["Care", "Care leavers"]
    assert [model.index(2, c).data() for c in (4, 5)] == ["1", "2"]
