"""The agreement's seven tabs, each built when first shown or reached (``ui.lazy_tabs``).

Each builder imports its panel's module itself, so the modules of tabs not yet opened are
not loaded at start-up either. The item models of the targets and records tables are the
window's, made at once (they are cheap, and they take every new agreement whether or not
a view shows them), so a tab opened late shows the agreement as it is now.
"""

# Each panel's module is imported by its builder, on first show.
# ruff: noqa: PLC0415

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from ui.actions import WindowActions
from ui.lazy_tabs import LazyTab, LazyTabWidget

if TYPE_CHECKING:
    from ui.item_models.record_table_model import RecordTableModel
    from ui.item_models.target_tree_model import TargetTreeModel
    from ui.panels.audit_panel import AuditPanel
    from ui.panels.meetings_panel import MeetingsPanel
    from ui.panels.negotiation_panel import NegotiationPanel
    from ui.panels.overview_panel import OverviewPanel
    from ui.panels.records_panel import RecordsPanel
    from ui.panels.targets_panel import TargetsPanel

# Where each tab sits (remembered in the settings as the tab in front, so they stay put).
OVERVIEW, TARGETS, FREEDOMS, PEOPLE, AUDIT, NEGOTIATION, MEETINGS = range(7)


@dataclass(frozen=True)
class PeoplePanels:
    """The Partners and signatories tab: two tables side by side."""

    partners: RecordsPanel
    signatories: RecordsPanel
    page: QWidget


@dataclass(frozen=True)
class TabModels:
    target_model: TargetTreeModel
    freedom_model: RecordTableModel
    partner_model: RecordTableModel
    signatory_model: RecordTableModel


def _itself(panel: QWidget) -> QWidget:
    return panel


class WindowTabs:
    """The seven lazy tabs, added to ``tabs`` in their places; none is built yet."""

    def __init__(self, tabs: LazyTabWidget, actions: WindowActions, models: TabModels) -> None:
        self._actions = actions
        self._models = models
        self.overview: LazyTab[OverviewPanel] = LazyTab("overviewTab", self._overview, _itself)
        self.targets: LazyTab[TargetsPanel] = LazyTab("targetsTab", self._targets, _itself)
        self.freedoms: LazyTab[RecordsPanel] = LazyTab("freedomsTab", self._freedoms, _itself)
        self.people: LazyTab[PeoplePanels] = LazyTab(
            "peopleTab", self._people, lambda people: people.page
        )
        self.audit: LazyTab[AuditPanel] = LazyTab("auditTab", self._audit, _itself)
        self.negotiation: LazyTab[NegotiationPanel] = LazyTab(
            "negotiationTab", self._negotiation, _itself
        )
        self.meetings: LazyTab[MeetingsPanel] = LazyTab("meetingsTab", self._meetings, _itself)
        tabs.add_lazy_tab(self.overview, "&Overview")
        tabs.add_lazy_tab(self.targets, "&Targets and indicators")
        tabs.add_lazy_tab(self.freedoms, "&Freedoms")
        tabs.add_lazy_tab(self.people, "Partners and &signatories")
        tabs.add_lazy_tab(self.audit, "A&udit trail")
        tabs.add_lazy_tab(self.negotiation, "&Negotiation")
        tabs.add_lazy_tab(self.meetings, "&Meetings")

    def by_name(self) -> dict[str, LazyTab[Any]]:
        """Every tab, by the name tests and the start-up check use."""
        return {
            "overview": self.overview,
            "targets": self.targets,
            "freedoms": self.freedoms,
            "people": self.people,
            "audit": self.audit,
            "negotiation": self.negotiation,
            "meetings": self.meetings,
        }

    def built(self) -> list[str]:
        """The names of the tabs built so far (tests, and the start-up check)."""
        return [name for name, tab in self.by_name().items() if tab.built]

    # -- the builders ------------------------------------------------------------------------

    def _overview(self) -> OverviewPanel:
        from ui.panels.overview_panel import OverviewPanel

        return OverviewPanel()

    def _targets(self) -> TargetsPanel:
        from ui.panels.targets_panel import TargetsPanel

        a = self._actions
        return TargetsPanel(
            self._models.target_model, [a.add_target, a.add_indicator, a.remove_selected]
        )

    def _freedoms(self) -> RecordsPanel:
        from ui.panels.records_panel import RecordsPanel

        return RecordsPanel(
            "Freedoms and flexibilities",
            self._models.freedom_model,
            [self._actions.add_freedom, self._actions.remove_selected],
            stretch_column=1,
        )

    def _people(self) -> PeoplePanels:
        from ui.panels.records_panel import RecordsPanel, side_by_side

        a = self._actions
        partners = RecordsPanel(
            "Partners",
            self._models.partner_model,
            [a.add_partner, a.remove_selected],
            stretch_column=0,
        )
        signatories = RecordsPanel(
            "Signatories (in signing order)",
            self._models.signatory_model,
            [a.add_signatory, a.remove_selected],
            stretch_column=2,
        )
        return PeoplePanels(partners, signatories, side_by_side(partners, signatories))

    def _audit(self) -> AuditPanel:
        from ui.panels.audit_panel import AuditPanel

        return AuditPanel()

    def _negotiation(self) -> NegotiationPanel:
        from ui.panels.negotiation_panel import NegotiationPanel

        return NegotiationPanel(self._actions.take_round)

    def _meetings(self) -> MeetingsPanel:
        from ui.panels.meetings_panel import MeetingsPanel

        a = self._actions
        return MeetingsPanel([a.open_meeting], [a.close_meeting, a.export_minutes])
