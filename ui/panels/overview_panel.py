"""The overview of one agreement: who, when, status, the money, and what needs checking."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.enums import AgreementStatus, NegotiationStatus, PotRounding, Severity
from lpsa_desktop.domain.meetings import ItemKind
from lpsa_desktop.domain.money import ZERO
from lpsa_desktop.domain.negotiation import status_tally
from lpsa_desktop.domain.reward import reward_pot
from lpsa_desktop.domain.validation import ValidationIssue
from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from ui.display import money_text
from ui.item_models.cells import CellKind, FieldEdit
from ui.widgets.councils_editor import CouncilsEditor
from ui.widgets.field_widgets import BoundComboBox, BoundDateEdit, BoundLineEdit, BoundTextEdit

_SHARES = ("reward_rate", "threshold", "cap", "interim_fraction", "capital_share")


class OverviewPanel(QScrollArea):
    edit_requested = Signal(object)  # FieldEdit
    issue_activated = Signal(object)  # ValidationIssue

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self._agreement: Agreement | None = None
        self._show_internal = True
        self._issues: list[ValidationIssue] = []
        self._copied_from: dict[str, str] = {}  # ref → the ref it was copied from
        self.fields: dict[str, Any] = {}
        body = QWidget()
        grid = QGridLayout(body)
        # Three columns: who and when over what needs checking; the money; the notes. All
        # of it fits a 1366 x 768 laptop screen with the reward panel open.
        # The title across all three: in a third of the width it was cut off, worst of all
        # in presentation mode's larger text.
        self.notes_group = self._notes_group()
        grid.addLayout(self._title_row(), 0, 0, 1, 3)
        grid.addWidget(self._agreement_group(), 1, 0)
        grid.addWidget(self._checks_group(), 2, 0)
        grid.addWidget(self._money_group(), 1, 1, 2, 1)
        grid.addWidget(self.notes_group, 1, 2, 2, 1)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(2, 1)
        self.setWidget(body)
        for widget in self.fields.values():
            widget.committed.connect(self._on_committed)
        self.checks.itemActivated.connect(self._on_check_activated)

    def set_agreement(self, agreement: Agreement | None) -> None:
        self._agreement = agreement
        self.setEnabled(agreement is not None)
        if agreement is None:
            return
        for name, widget in self.fields.items():
            widget.show_value(getattr(agreement, name))
        self.ref_label.setText(agreement.ref)
        self.generation_label.setText(agreement.generation.value)
        self.councils.set_councils(agreement.councils)
        self.copied_from_label.setText(self._copied_from.get(agreement.ref, ""))
        self._agreement_form.setRowVisible(
            self.copied_from_label, bool(self.copied_from_label.text())
        )
        self._show_money(agreement)
        self._show_negotiation(agreement)

    def set_copied_from(self, ref: str, source: str | None) -> None:
        """What agreement ``ref`` was copied from (from the audit trail), shown under Councils."""
        self._copied_from[ref] = source or ""
        if self._agreement is not None and self._agreement.ref == ref:
            self.copied_from_label.setText(source or "")
            self._agreement_form.setRowVisible(self.copied_from_label, bool(source))

    def set_issues(self, issues: list[ValidationIssue]) -> None:
        """What validation found, listed under Checks (after the edit has been shown)."""
        self._issues = issues
        agreement = self._agreement
        reserve = {t.ref for t in agreement.targets if t.reserve} if agreement else set()
        if not self._show_internal:  # a projected screen must not name reserve targets
            issues = [i for i in issues if i.location.target not in reserve]
        self._show_checks(issues)

    def set_show_internal(self, show: bool) -> None:
        self._show_internal = show
        self._notes_form.setRowVisible(self.fields["internal_notes"], show)
        self.councils.set_editable(show)
        self.set_issues(self._issues)
        if self._agreement is not None:
            self._show_negotiation(self._agreement)

    def _title_row(self) -> QFormLayout:
        row = QFormLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.fields["title"] = BoundLineEdit("title", CellKind.TEXT, optional=False)
        self.fields["title"].setObjectName("agreementTitle")
        row.addRow("&Title", self.fields["title"])
        return row

    def _agreement_group(self) -> QGroupBox:
        group = QGroupBox("Agreement")
        form = QFormLayout(group)
        self.ref_label = QLabel()
        self.generation_label = QLabel()
        self.councils = CouncilsEditor()
        self.copied_from_label = QLabel()
        self.copied_from_label.setObjectName("copiedFrom")
        self.fields["status"] = BoundComboBox("status", AgreementStatus)
        self.fields["period_start"] = BoundDateEdit("period_start")
        self.fields["period_end"] = BoundDateEdit("period_end")
        form.addRow("Ref", self.ref_label)
        form.addRow("Generation", self.generation_label)
        form.addRow("Councils", self.councils)
        form.addRow("Copied from", self.copied_from_label)
        self._agreement_form = form
        form.addRow("&Status", self.fields["status"])
        form.addRow("Period &from", self.fields["period_start"])
        form.addRow("Period t&o", self.fields["period_end"])
        self.negotiation_label = QLabel()
        self.negotiation_label.setObjectName("negotiationTally")
        self.negotiation_label.setToolTip(
            "Where the items stand: mark them in the Agreed? column (Targets, Freedoms)"
        )
        form.addRow("Negotiation", self.negotiation_label)
        return group

    def _money_group(self) -> QGroupBox:
        group = QGroupBox("Money")
        form = QFormLayout(group)
        self.fields["net_budget_requirement"] = BoundLineEdit(
            "net_budget_requirement", CellKind.MONEY
        )
        self.fields["nbr_year"] = BoundLineEdit("nbr_year", CellKind.TEXT)
        for name in _SHARES:
            self.fields[name] = BoundLineEdit(
                name, CellKind.SHARE, optional=name == "capital_share"
            )
        self.fields["pot_rounding"] = BoundComboBox("pot_rounding", PotRounding)
        self.fields["pump_priming_grant"] = BoundLineEdit("pump_priming_grant", CellKind.MONEY)
        self.pot_label = QLabel()
        self.pot_label.setObjectName("potLabel")
        self.per_target_label = QLabel()
        self.allocated_label = QLabel()
        for label in (self.pot_label, self.per_target_label, self.allocated_label):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow("&Net budget requirement", self.fields["net_budget_requirement"])
        form.addRow("NBR &year", self.fields["nbr_year"])
        form.addRow("Reward &rate", self.fields["reward_rate"])
        form.addRow("Pot ro&unding", self.fields["pot_rounding"])
        form.addRow("Reward pot", self.pot_label)
        form.addRow("Potential per target", self.per_target_label)
        form.addRow("T&hreshold", self.fields["threshold"])
        form.addRow("&Cap", self.fields["cap"])
        form.addRow("&Interim payment", self.fields["interim_fraction"])
        form.addRow("Capital share", self.fields["capital_share"])
        form.addRow("&Pump-priming grant", self.fields["pump_priming_grant"])
        form.addRow("Allocated to targets", self.allocated_label)
        return group

    def _checks_group(self) -> QGroupBox:
        group = QGroupBox("Checks")
        layout = QVBoxLayout(group)
        self.checks = QListWidget()
        self.checks.setWordWrap(True)
        self.checks.setAccessibleName("Checks")
        layout.addWidget(self.checks)
        return group

    def _notes_group(self) -> QGroupBox:
        group = QGroupBox("Notes")
        form = QFormLayout(group)
        self.fields["notes"] = BoundTextEdit("notes")
        self.fields["notes"].setToolTip("Printed in the agreement")
        self.fields["internal_notes"] = BoundTextEdit("internal_notes")
        self.fields["internal_notes"].setToolTip(
            "Never exported, minuted or shown in presentation mode"
        )
        for box in (self.fields["notes"], self.fields["internal_notes"]):
            box.setMinimumHeight(48)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above the boxes
        form.addRow("Pri&nted in the agreement", self.fields["notes"])
        form.addRow("Intern&al: never exported or shown on the wall", self.fields["internal_notes"])
        self._notes_form = form
        return group

    def _show_money(self, agreement: Agreement) -> None:
        pot = reward_pot(agreement)
        active = len(agreement.active_targets)
        self.pot_label.setText(f"<b>{money_text(pot)}</b>")
        self.per_target_label.setText(
            f"{money_text(pot / active)} × {active}" if active else "no targets yet"
        )
        allocated = sum((t.pump_priming or ZERO for t in agreement.targets), ZERO)
        text = money_text(allocated)
        grant = agreement.pump_priming_grant
        if grant is not None and allocated != grant:
            text += f"  ({money_text(abs(grant - allocated))} {'over' if allocated > grant else 'left'})"
        self.allocated_label.setText(text)

    def _show_negotiation(self, agreement: Agreement) -> None:
        if not self._show_internal:  # reserve targets are not named on the wall, nor counted
            agreement = replace(agreement, targets=agreement.active_targets)
        self.negotiation_label.setText(negotiation_text(agreement))

    def _show_checks(self, issues: list[ValidationIssue]) -> None:
        self.checks.clear()
        if not issues:
            self.checks.addItem("No problems found.")
            return
        for issue in issues:
            mark = "Error" if issue.severity is Severity.ERROR else "Check"
            item = QListWidgetItem(f"{mark} – {issue.location}: {issue.message}")
            item.setData(Qt.ItemDataRole.UserRole, issue)
            self.checks.addItem(item)

    def _on_committed(self, field: str, value: Any) -> None:
        if self._agreement is None:
            return
        old = getattr(self._agreement, field)
        if isinstance(value, Decimal) and isinstance(old, Decimal) and value == old:
            return
        if value != old:
            address = FieldAddress(Part.AGREEMENT, None, field)
            self.edit_requested.emit(FieldEdit(self._agreement.ref, address, old, value))

    def _on_check_activated(self, item: QListWidgetItem) -> None:
        issue = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(issue, ValidationIssue):
            self.issue_activated.emit(issue)


def negotiation_text(agreement: Agreement) -> str:
    """'Targets: 9 open, 3 agreed' and so on, one line each: how much is still open."""
    lines = []
    for kind, counts in status_tally(agreement).items():
        parts = [f"{counts[s]} {s.value}" for s in NegotiationStatus if counts[s]]
        lines.append(f"{_KIND_NAMES[kind]}: {', '.join(parts) or 'none'}")
    return "\n".join(lines)


_KIND_NAMES = {
    ItemKind.TARGET: "Targets",
    ItemKind.INDICATOR: "Indicators",
    ItemKind.FREEDOM: "Freedoms",
}
