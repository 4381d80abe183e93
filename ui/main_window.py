"""The main window: it builds the panels, docks, menus and status bar, and nothing more.

What happens when the officer does something is the controller's business
(``ui.controller``); the window only lays things out, so it stays small and can be shown
by tests without a store.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QUndoGroup
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from lpsa_desktop.services.agreement_edits import Part
from ui.actions import WindowActions, build_actions, build_menus
from ui.item_models.agreement_list_model import AgreementListModel
from ui.item_models.record_columns import FREEDOM_COLUMNS, PARTNER_COLUMNS, SIGNATORY_COLUMNS
from ui.item_models.record_table_model import RecordTableModel
from ui.item_models.target_tree_model import TargetTreeModel
from ui.panels.audit_panel import AuditPanel
from ui.panels.navigator_panel import NavigatorPanel
from ui.panels.overview_panel import OverviewPanel
from ui.panels.records_panel import RecordsPanel, side_by_side
from ui.panels.reward_panel import RewardPanel
from ui.panels.targets_panel import TargetsPanel
from ui.widgets.presentation_banner import PresentationBanner

WINDOW_TITLE = "LPSA Desk"
DEFAULT_SIZE = (1366, 768)


class MainWindow(QMainWindow):
    closing = Signal()  # the controller saves the layout and lets edits in flight finish
    files_dropped = Signal(list)  # list[Path]: workbooks are imported, PDFs verified

    def __init__(self, undo_group: QUndoGroup) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(WINDOW_TITLE)
        self.resize(*DEFAULT_SIZE)
        undo = undo_group.createUndoAction(self, "&Undo")
        redo = undo_group.createRedoAction(self, "&Redo")
        self.window_actions: WindowActions = build_actions(self, undo, redo)
        build_menus(self.menuBar(), self.window_actions)
        self._build_models()
        self._build_central()
        self._build_docks()
        self._build_status_bar()
        self.setAcceptDrops(True)

    def _build_models(self) -> None:
        self.agreement_list_model = AgreementListModel(self)
        self.target_model = TargetTreeModel(self)
        self.freedom_model = RecordTableModel(Part.FREEDOM, FREEDOM_COLUMNS, self)
        self.partner_model = RecordTableModel(Part.PARTNER, PARTNER_COLUMNS, self)
        self.signatory_model = RecordTableModel(Part.SIGNATORY, SIGNATORY_COLUMNS, self)

    def _build_central(self) -> None:
        a = self.window_actions
        self.banner = PresentationBanner(a.presentation_mode.shortcut().toString())
        self.heading = QLabel("Opening the store…")
        self.heading.setObjectName("agreementHeading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold; padding: 2px 4px;")
        self.heading.setWordWrap(True)
        self.overview = OverviewPanel()
        self.targets = TargetsPanel(
            self.target_model, [a.add_target, a.add_indicator, a.remove_selected]
        )
        self.freedoms = RecordsPanel(
            "Freedoms and flexibilities",
            self.freedom_model,
            [a.add_freedom, a.remove_selected],
            stretch_column=1,
        )
        self.partners = RecordsPanel(
            "Partners", self.partner_model, [a.add_partner, a.remove_selected], stretch_column=0
        )
        self.signatories = RecordsPanel(
            "Signatories (in signing order)",
            self.signatory_model,
            [a.add_signatory, a.remove_selected],
            stretch_column=2,
        )
        self.audit = AuditPanel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("agreementTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.overview, "&Overview")
        self.tabs.addTab(self.targets, "&Targets and indicators")
        self.tabs.addTab(self.freedoms, "&Freedoms")
        self.tabs.addTab(side_by_side(self.partners, self.signatories), "Partners and &signatories")
        self.tabs.addTab(self.audit, "A&udit trail")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(2)
        layout.addWidget(self.banner)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def _build_docks(self) -> None:
        self.navigator = NavigatorPanel(self.agreement_list_model)
        self.navigator_dock = self._dock("Agreements", "navigatorDock", self.navigator)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.navigator_dock)
        self.reward = RewardPanel()
        self.reward_dock = self._dock("Reward", "rewardDock", self.reward)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.reward_dock)
        self.resizeDocks([self.navigator_dock], [250], Qt.Orientation.Horizontal)
        self.resizeDocks([self.reward_dock], [250], Qt.Orientation.Vertical)
        self._bind_dock_action(self.navigator_dock, self.window_actions.show_navigator)
        self._bind_dock_action(self.reward_dock, self.window_actions.show_reward)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState() finds docks by object name
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        return dock

    def _bind_dock_action(self, dock: QDockWidget, action: QAction) -> None:
        # The dock's own toggle action knows when it is closed with its [x]; ours carries the
        # shortcut and sits in the View menu. Keep the two in step.
        action.setChecked(True)
        action.toggled.connect(dock.setVisible)
        dock.toggleViewAction().toggled.connect(action.setChecked)

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
