"""The main window: menus, heading, status bar, and (from ``ui.window_panels``) the panels.

What happens when the officer does something is the controller's business
(``ui.controller``); the window only lays things out. It is built in two steps so that it
is on screen at once: the frame with its menus first (cheap to import), then the panels,
models and docks just after its first paint (``install_panels``), while the store opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoGroup
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget

from ui.actions import WindowActions, build_actions, build_menus
from ui.widgets.heading_label import HeadingLabel

if TYPE_CHECKING:
    from ui.item_models.agreement_list_model import AgreementListModel
    from ui.item_models.record_table_model import RecordTableModel
    from ui.item_models.target_tree_model import TargetTreeModel
    from ui.lazy_tabs import LazyTabWidget
    from ui.panels.audit_panel import AuditPanel
    from ui.panels.meetings_panel import MeetingsPanel
    from ui.panels.navigator_panel import NavigatorPanel
    from ui.panels.negotiation_panel import NegotiationPanel
    from ui.panels.overview_panel import OverviewPanel
    from ui.panels.records_panel import RecordsPanel
    from ui.panels.reward_panel import RewardPanel
    from ui.panels.targets_panel import TargetsPanel
    from ui.widgets.presentation_banner import PresentationBanner
    from ui.window_tabs import WindowTabs

WINDOW_TITLE = "LPSA Desk"
DEFAULT_SIZE = (1366, 768)


class MainWindow(QMainWindow):
    closing = Signal()  # the controller saves the layout and lets edits in flight finish
    files_dropped = Signal(list)  # list[Path]: workbooks are imported, PDFs verified

    # Set by install_panels() (ui.window_panels).
    agreement_list_model: AgreementListModel
    target_model: TargetTreeModel
    freedom_model: RecordTableModel
    partner_model: RecordTableModel
    signatory_model: RecordTableModel
    banner: PresentationBanner
    tabs: LazyTabWidget
    lazy_tabs: WindowTabs  # the tabs' panels, each built on first show or use
    navigator: NavigatorPanel
    navigator_dock: QDockWidget
    reward: RewardPanel
    reward_dock: QDockWidget

    def __init__(self, undo_group: QUndoGroup) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(WINDOW_TITLE)
        self.resize(*DEFAULT_SIZE)
        undo = undo_group.createUndoAction(self, "&Undo")
        redo = undo_group.createRedoAction(self, "&Redo")
        self.window_actions: WindowActions = build_actions(self, undo, redo)
        build_menus(self.menuBar(), self.window_actions)
        self.heading = HeadingLabel("Opening the store…")
        central = QWidget()
        self.central_layout = QVBoxLayout(central)
        self.central_layout.setContentsMargins(4, 4, 4, 0)
        self.central_layout.setSpacing(2)
        self.central_layout.addWidget(self.heading)
        self.central_layout.addStretch(1)  # until the panels are in
        self.setCentralWidget(central)
        self._build_status_bar()
        self.setAcceptDrops(True)

    def install_panels(self) -> None:
        """Build the panels, models and docks (the second step: see the module's docstring)."""
        from ui.window_panels import build_panels  # noqa: PLC0415 (after the first paint)

        build_panels(self)

    # The tabs' panels: reaching one builds it if its tab has not been shown yet. Code that
    # only wires or feeds a panel uses ``lazy_tabs.<tab>.when_built`` instead, so that the
    # tabs not yet opened stay unbuilt.

    @property
    def overview(self) -> OverviewPanel:
        return self.lazy_tabs.overview.panel

    @property
    def targets(self) -> TargetsPanel:
        return self.lazy_tabs.targets.panel

    @property
    def freedoms(self) -> RecordsPanel:
        return self.lazy_tabs.freedoms.panel

    @property
    def partners(self) -> RecordsPanel:
        return self.lazy_tabs.people.panel.partners

    @property
    def signatories(self) -> RecordsPanel:
        return self.lazy_tabs.people.panel.signatories

    @property
    def audit(self) -> AuditPanel:
        return self.lazy_tabs.audit.panel

    @property
    def negotiation(self) -> NegotiationPanel:
        return self.lazy_tabs.negotiation.panel

    @property
    def meetings(self) -> MeetingsPanel:
        return self.lazy_tabs.meetings.panel

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.store_label = QLabel()
        self.store_label.setObjectName("storeLabel")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.presentation_label = QLabel("PRESENTATION")
        self.presentation_label.setObjectName("presentationLabel")
        self.presentation_label.setStyleSheet(
            "background: #0b5394; color: white; padding: 0 6px; font-weight: bold;"
        )
        self.presentation_label.hide()
        for label in (self.saved_label, self.store_label):
            label.setStyleSheet("padding: 0 8px;")
        bar.addPermanentWidget(self.presentation_label)
        bar.addPermanentWidget(self.saved_label)
        bar.addPermanentWidget(self.store_label)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
