"""The Negotiation tab: the agreement's rounds, and any two positions compared side by side.

Picking two sides asks for a comparison (``compare_requested``); it is worked out on the
worker and shown with ``show_comparison``. Each request is numbered, so a comparison that
arrives after the sides (or presentation mode) changed is not shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.domain.agreement import Agreement
from ui.item_models.round_models import (
    CURRENT_LABEL,
    KIND_TINTS,
    ComparisonModel,
    PotentialsModel,
    RoundListModel,
)
from ui.widgets.font_scaled_splitter import FontScaledSplitter
from ui.widgets.read_only_table import ReadOnlyTable
from ui.widgets.round_picker import CURRENT, RoundPicker, Side

if TYPE_CHECKING:
    from lpsa_desktop.domain.comparison import ComparedChange, Comparison
    from lpsa_desktop.domain.rounds import Round


class NegotiationPanel(QWidget):
    compare_requested = Signal(object, object, int)  # before, after (Side), request number

    def __init__(self, take_round: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rounds_model = RoundListModel(self)
        self.changes_model = ComparisonModel(self)
        self.potentials_model = PotentialsModel(self)
        self._rounds: tuple[Round, ...] = ()
        self._agreement: Agreement | None = None
        self._show_internal = True
        self._request = 0
        self._stale = False
        # The sides were put on their default (newest round → current state), not chosen:
        # a newer round moves them on, and "no changes" there compares the last two rounds.
        self._default_sides = True
        self._newest: tuple[str | None, int | None] = (None, None)  # agreement, round shown
        # The rounds and the reward before and after on the left, the changes on the right: at
        # 1366 x 768 with the agreements list and the reward panel open, the changes table
        # gets the width its seven columns need.
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self._rounds_group(take_round))
        left.addWidget(self._reward_group())
        left.setStretchFactor(1, 1)
        left.setSizes([120, 280])
        splitter = FontScaledSplitter(first_chars=44)
        splitter.addWidget(left)
        splitter.addWidget(self._changes_group())
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.before.currentIndexChanged.connect(lambda _i: self.request_comparison())
        self.after.currentIndexChanged.connect(lambda _i: self.request_comparison())
        self.swap_button.clicked.connect(self.swap_sides)
        for picker in (self.before, self.after):  # activated: only the officer's own pick
            picker.activated.connect(lambda _i: setattr(self, "_default_sides", False))

    # -- what is shown ---------------------------------------------------------------------

    def set_record(self, rounds: tuple[Round, ...], agreement: Agreement | None) -> None:
        """The agreement's rounds (all of them: internal ones are left out here when hidden)."""
        self._rounds, self._agreement = rounds, agreement
        self._show_rounds()

    def set_show_internal(self, show: bool) -> None:
        if show != self._show_internal:
            self._show_internal = show
            self._show_rounds()

    @property
    def show_internal(self) -> bool:
        return self._show_internal

    def sides(self) -> tuple[Side, Side]:
        return self.before.side(), self.after.side()

    def choose_sides(self, before: Side, after: Side) -> None:
        self._default_sides = False  # chosen: kept until another round is taken
        self.before.blockSignals(True)
        self.before.choose(before)
        self.before.blockSignals(False)
        self.after.choose(after)
        self.request_comparison()

    def swap_sides(self) -> None:
        before, after = self.sides()
        self.choose_sides(after, before)

    def request_comparison(self) -> None:
        """Ask for the comparison of the sides picked (now if shown, else when shown)."""
        self._request += 1
        before, after = self.sides()
        if not self._visible_rounds() or before == after:
            self._show(None)
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.summary.setText("Comparing…")
        self.compare_requested.emit(before, after, self._request)

    def show_comparison(self, comparison: Comparison, request: int) -> None:
        if request != self._request:  # the sides have changed since it was asked for
            return
        self._show(comparison)
        rounds = self._visible_rounds()
        if (
            self._default_sides
            and len(rounds) >= 2  # the last two rounds
            and self.sides() == (rounds[-1].number, CURRENT)
            and self.changes_model.rowCount() == 0
        ):  # nothing changed since the newest round: what it changed from the one before
            self.choose_sides(rounds[-2].number, rounds[-1].number)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.request_comparison()

    # -- building --------------------------------------------------------------------------

    def _rounds_group(self, take_round: QAction) -> QGroupBox:
        group = QGroupBox("Rounds")
        button = QToolButton()
        button.setDefaultAction(take_round)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.rounds_table = ReadOnlyTable(self.rounds_model, "roundsTable", "Rounds", {}, stretch=0)
        self.rounds_table.horizontalHeader().setVisible(False)
        self.rounds_note = QLabel()
        self.rounds_note.setWordWrap(True)
        layout = QVBoxLayout(group)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.rounds_table, 1)
        layout.addWidget(self.rounds_note)
        return group

    def _changes_group(self) -> QGroupBox:
        group = QGroupBox("Compare")
        self.before = RoundPicker("compareBefore")
        self.after = RoundPicker("compareAfter")
        self.swap_button = QToolButton()
        self.swap_button.setText("⇄")
        self.swap_button.setToolTip("Swap the two sides")
        pick = QHBoxLayout()
        from_label, to_label = QLabel("Fro&m"), QLabel("&to")
        from_label.setBuddy(self.before)
        to_label.setBuddy(self.after)
        for widget, stretch in (
            (from_label, 0),
            (self.before, 1),
            (to_label, 0),
            (self.after, 1),
            (self.swap_button, 0),
        ):
            pick.addWidget(widget, stretch)
        self.summary = QLabel()
        self.summary.setObjectName("comparisonSummary")
        # A long round name must not widen the tab (and squeeze the agreements list).
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        legend = QHBoxLayout()
        legend.addWidget(self.summary, 1)
        for kind, tint in KIND_TINTS.items():  # the table's row colours
            chip = QLabel(kind.capitalize())
            chip.setStyleSheet(f"background: {tint.name()}; padding: 1px 6px;")
            legend.addWidget(chip)
        widths = {0: 9, 2: 8, 3: 10, 4: 10, 5: 8.5, 6: 16}
        self.changes_table = ReadOnlyTable(
            self.changes_model, "changesTable", "Changes", widths, stretch=1
        )
        layout = QVBoxLayout(group)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(pick)
        layout.addLayout(legend)
        layout.addWidget(self.changes_table, 1)
        return group

    def _reward_group(self) -> QGroupBox:
        group = QGroupBox("Reward before and after")
        self.potentials_table = ReadOnlyTable(
            self.potentials_model, "potentialsTable", "Reward", {1: 13, 2: 13}, stretch=0
        )
        layout = QVBoxLayout(group)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.potentials_table)
        return group

    # -- internals -----------------------------------------------------------------------------

    def _visible_rounds(self) -> tuple[Round, ...]:
        return tuple(r for r in self._rounds if self._show_internal or not r.internal)

    def _show_rounds(self) -> None:
        rounds = self._visible_rounds()
        self.rounds_model.set_rounds(rounds)
        default = rounds[-1].number if rounds else CURRENT
        newest = (
            self._agreement.ref if self._agreement else None,
            rounds[-1].number if rounds else None,
        )
        if newest != self._newest:  # another agreement, or a round taken: the default sides
            self._newest, self._default_sides = newest, True
        for picker in (self.before, self.after):
            picker.set_rounds(
                rounds, default if picker is self.before else CURRENT, reset=self._default_sides
            )
            picker.setEnabled(bool(rounds))
        self.swap_button.setEnabled(bool(rounds))
        hidden = len(self._rounds) - len(rounds)
        self.rounds_note.setText(
            "No rounds yet: take one to record where the negotiation stands."
            if not self._rounds
            else f"{hidden} internal round{'s' * (hidden != 1)} hidden." * bool(hidden)
        )
        self.request_comparison()

    def _show(self, comparison: Comparison | None) -> None:
        hidden = self._hidden_targets()
        self.changes_model.set_comparison(
            comparison, lambda c: _about(c, hidden), agreement=self._agreement
        )
        self.potentials_model.set_comparison(comparison, hidden)
        if comparison is None:
            self.summary.setText("Take a round, then pick two sides to compare.")
            return
        count = self.changes_model.rowCount()
        after = CURRENT_LABEL if comparison.after == CURRENT else comparison.after
        before = CURRENT_LABEL if comparison.before == CURRENT else comparison.before
        self.summary.setText(
            f"{count} change{'s' * (count != 1)} from {before} to {after}"
            if count
            else "No changes"
        )
        self.summary.setToolTip(f"From {before}\nto {after}")

    def _hidden_targets(self) -> frozenset[str]:
        """Reserve targets, hidden in presentation mode like everywhere else: those that are
        reserve on every side that has them."""
        if self._show_internal:
            return frozenset()
        positions = [self._position(side) for side in self.sides()]
        sides = [p for p in positions if p is not None]
        refs = {t.ref for side in sides for t in side.targets}
        return frozenset(
            ref
            for ref in refs
            if all(t.reserve for side in sides if (t := side.target(ref)) is not None)
        )

    def _position(self, side: Side) -> Agreement | None:
        if side == CURRENT:
            return self._agreement
        return next((r.snapshot for r in self._rounds if r.number == side), None)


def _about(compared: ComparedChange, targets: frozenset[str]) -> bool:
    """Whether the change is about one of ``targets`` (or one of their indicators)."""
    entity = compared.change.entity
    return any(entity == f"target {ref}" or entity.startswith(f"target {ref} /") for ref in targets)
