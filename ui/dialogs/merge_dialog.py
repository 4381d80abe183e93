"""Receiving an agreement package: what it is, what the merge takes, and its conflicts.

The package is read and the merge planned on the worker (nothing is written). For each
conflict the base value, mine and theirs stand side by side with who changed each and
when; the officer chooses per item or all mine / all theirs, and the reward on each side,
and of the merge as chosen so far, is worked out again at each choice (the pure merge, on
the GUI thread: a few ms). Nothing is written until Apply, which is refused while a
conflict has no choice.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lpsa_desktop.domain.reward import compute_reward
from lpsa_desktop.domain.three_way import Side, merge_agreements
from lpsa_desktop.errors import LpsaError
from ui.display import money_text
from ui.item_models.merge_models import ConflictTableModel
from ui.session import AgreementSession
from ui.tasks import TaskControl

if TYPE_CHECKING:
    from lpsa_desktop.domain.agreement import Agreement
    from lpsa_desktop.services.package_exchange import MergePlan
    from lpsa_desktop.storage.store import Store


def _plan(store: Store, path: Path, as_ref: str | None) -> MergePlan:
    from lpsa_desktop.exchange.reader import read_package  # noqa: PLC0415 (on the worker)
    from lpsa_desktop.services.package_exchange import plan_merge  # noqa: PLC0415

    return plan_merge(store, read_package(path), as_ref=as_ref)


class MergeDialog(QDialog):
    merged = Signal(str, str)  # the agreement's ref, what happened (for the status bar)

    def __init__(
        self, session: AgreementSession, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(f"Receive agreement — {path.name}")
        self.resize(1240, 600)
        self._session = session
        self._path = path
        self.plan: MergePlan | None = None
        self.summary = QLabel(f"Reading {path.name}…")
        self.summary.setWordWrap(True)
        self.summary.setObjectName("mergeSummary")
        self.model = ConflictTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("conflicts")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMaximumSectionSize(240)  # long titles are cut; the tooltip has them whole
        header.setStretchLastSection(True)
        self.take_mine = QPushButton("Take &mine")
        self.take_theirs = QPushButton("Take &theirs")
        self.all_mine = QPushButton("&All mine")
        self.all_theirs = QPushButton("All t&heirs")
        self.reward = QLabel()
        self.reward.setObjectName("mergeReward")
        self.changes = QPlainTextEdit()
        self.changes.setReadOnly(True)
        self.changes.setMaximumHeight(120)
        self.as_ref = QLineEdit()
        self.as_ref.setPlaceholderText("another ref for the received agreement")
        self.as_ref_button = QPushButton("Receive under this &ref")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton("A&pply", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(False)
        choices = QHBoxLayout()
        for button in (self.take_mine, self.take_theirs, self.all_mine, self.all_theirs):
            choices.addWidget(button)
        choices.addStretch(1)
        rename = QHBoxLayout()
        rename.addWidget(self.as_ref, 1)
        rename.addWidget(self.as_ref_button)
        self._rename_row = QWidget()
        self._rename_row.setLayout(rename)
        self._rename_row.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self._rename_row)
        layout.addWidget(QLabel("Conflicts: changed on both laptops since the base"))
        layout.addWidget(self.table, 1)
        layout.addLayout(choices)
        layout.addWidget(self.reward)
        layout.addWidget(QLabel("Taken from theirs, and kept from mine"))
        layout.addWidget(self.changes)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self.load()

    def _connect_signals(self) -> None:
        self.take_mine.clicked.connect(lambda: self._choose_selected(Side.MINE))
        self.take_theirs.clicked.connect(lambda: self._choose_selected(Side.THEIRS))
        self.all_mine.clicked.connect(lambda: self.choose_all(Side.MINE))
        self.all_theirs.clicked.connect(lambda: self.choose_all(Side.THEIRS))
        self.as_ref_button.clicked.connect(lambda: self.load(self.as_ref.text().strip() or None))
        self.apply_button.clicked.connect(self._on_apply)
        self.buttons.rejected.connect(self.reject)

    # --- planning (read only) ----------------------------------------------------------

    def load(self, as_ref: str | None = None) -> None:
        path = self._path

        def work(store: Store, _control: TaskControl) -> MergePlan:
            return _plan(store, path, as_ref)

        self.apply_button.setEnabled(False)
        self._session.run(work, writes=False, on_done=self._show_plan, on_failure=self._refused)

    def _show_plan(self, plan: MergePlan) -> None:
        self.plan = plan
        self._rename_row.hide()
        read = plan.read
        signer = (
            f"signed by <b>{read.signer.name}</b> (certificate {read.signer.fingerprint[:23]}…); "
            "nothing altered since"
            if read.signer
            else "<b>not signed</b>: anyone could have written it"
        )
        base = plan.base_label or "none: a first exchange, the agreement is added"
        self.summary.setText(
            f"<b>{plan.agreement_ref}</b> from {read.package.officer}, exported "
            f"{read.package.exported_at:%d/%m/%Y %H:%M}; {signer}.<br>Base: {base}. "
            f"Records: {len(plan.new_rounds)} new rounds, {plan.new_meetings} new meetings, "
            f"{plan.new_audit} audit entries."
        )
        self.model.set_conflicts(list(plan.conflicts))
        self.table.resizeColumnsToContents()
        self._refresh()

    def _refused(self, error: BaseException) -> None:
        from lpsa_desktop.services.package_exchange import NoSharedStateError  # noqa: PLC0415

        self.summary.setText(f"<b>Not read into the store.</b> {error}")
        if isinstance(error, NoSharedStateError):
            self._rename_row.show()
            self.as_ref.setFocus()

    # --- choosing (nothing written) ----------------------------------------------------

    def _choose_selected(self, side: Side) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        self.model.choose(rows, side)
        self._refresh()

    def choose_all(self, side: Side) -> None:
        self.model.choose(list(range(self.model.rowCount())), side)
        self._refresh()

    def preview(self) -> Agreement | None:
        """The agreement as the merge would leave it with the choices made so far."""
        plan = self.plan
        if plan is None:
            return None
        if plan.base is None or plan.mine is None:
            return plan.theirs
        return merge_agreements(
            plan.base, plan.mine, plan.theirs, choices=self.model.choices
        ).merged

    def _refresh(self) -> None:
        plan = self.plan
        if plan is None:
            return
        try:
            merged = self.preview()
        except LpsaError as exc:
            self.status.setText(f"<b>Cannot merge.</b> {exc}")
            return
        sides = [("mine", plan.mine), ("theirs", plan.theirs), ("after the merge", merged)]
        self.reward.setText(
            "Reward pot — "
            + "; ".join(
                f"{label}: <b>{money_text(compute_reward(a).pot)}</b>"
                f" (earned on outturns {money_text(compute_reward(a).total_earned)})"
                for label, a in sides
                if a is not None
            )
        )
        result = plan.result
        lines = [f"taken: {s.address}: {s.old} → {s.new}" for s in (result.taken if result else ())]
        lines += [f"kept: {s.address}: {s.new}" for s in (result.kept if result else ())]
        self.changes.setPlainText("\n".join(lines) or "(nothing)")
        left = self.model.unresolved
        self.apply_button.setEnabled(left == 0 and not plan.changes_nothing)
        if plan.changes_nothing:
            self.status.setText("This store already holds everything in the package.")
        elif left:
            self.status.setText(f"{left} conflict(s) still need a choice; nothing is written yet.")
        else:
            self.status.setText(
                "Ready: Apply writes the merge in one transaction (it can be reverted)."
            )

    # --- applying ------------------------------------------------------------------------

    def _on_apply(self) -> None:
        plan = self.plan
        if plan is None or self.model.unresolved:
            return
        path, choices, officer = self._path, self.model.choices, self._session.officer
        as_ref = (
            plan.agreement_ref if plan.agreement_ref != plan.read.package.agreement.ref else None
        )

        def work(store: Store, _control: TaskControl) -> Any:
            from lpsa_desktop.exchange.reader import read_package  # noqa: PLC0415
            from lpsa_desktop.services.package_exchange import apply_merge  # noqa: PLC0415

            return apply_merge(
                store, read_package(path), officer=officer, choices=choices, as_ref=as_ref
            )

        self.apply_button.setEnabled(False)
        self.status.setText("Merging…")
        self._session.run(work, writes=True, on_done=self._applied, on_failure=self._apply_failed)

    def _applied(self, plan: MergePlan) -> None:
        taken = len(plan.result.taken) if plan.result else 0
        self.merged.emit(
            plan.agreement_ref,
            f"Merged {plan.read.file_name} into {plan.agreement_ref}: {taken} changes taken, "
            f"{len(plan.conflicts)} conflicts resolved (File ▸ Revert an import takes it back)",
        )
        self._session.select(plan.agreement_ref)
        self.accept()

    def _apply_failed(self, error: BaseException) -> None:
        self.status.setText(f"<b>Nothing was written.</b> {error}")
        self.load()
