"""The models, docks and tabs of the main window: its second building step.

Imported only once the window's frame is on screen (``MainWindow.install_panels``), so
that these modules (and the domain they import) do not delay the first paint. The tabs'
panels are not built here: each is built when its tab is first shown (``ui.window_tabs``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QWidget

from lpsa_desktop.services.agreement_edits import Part
from ui.item_models.agreement_list_model import AgreementListModel
from ui.item_models.record_columns import FREEDOM_COLUMNS, PARTNER_COLUMNS, SIGNATORY_COLUMNS
from ui.item_models.record_table_model import RecordTableModel
from ui.item_models.target_tree_model import TargetTreeModel
from ui.lazy_tabs import LazyTabWidget
from ui.main_window import MainWindow
from ui.panels.navigator_panel import NavigatorPanel
from ui.panels.reward_panel import RewardPanel
from ui.widgets.presentation_banner import PresentationBanner
from ui.window_tabs import TabModels, WindowTabs

# The reward dock's default height leaves the targets tree most of a 1366 x 768 screen.
DOCK_WIDTH, DOCK_HEIGHT = 250, 190


def build_panels(window: MainWindow) -> None:
    _build_models(window)
    _build_tabs(window)
    _build_docks(window)


def _build_models(window: MainWindow) -> None:
    window.agreement_list_model = AgreementListModel(window)
    window.target_model = TargetTreeModel(window)
    window.freedom_model = RecordTableModel(Part.FREEDOM, FREEDOM_COLUMNS, window)
    window.partner_model = RecordTableModel(Part.PARTNER, PARTNER_COLUMNS, window)
    window.signatory_model = RecordTableModel(Part.SIGNATORY, SIGNATORY_COLUMNS, window)


def _build_tabs(window: MainWindow) -> None:
    a = window.window_actions
    window.banner = PresentationBanner(a.presentation_mode.shortcut().toString())
    tabs = window.tabs = LazyTabWidget()
    tabs.setObjectName("agreementTabs")
    tabs.setDocumentMode(True)
    models = TabModels(
        window.target_model, window.freedom_model, window.partner_model, window.signatory_model
    )
    window.lazy_tabs = WindowTabs(tabs, a, models)
    layout = window.central_layout
    layout.takeAt(layout.count() - 1)  # the stretch that held the place of the tabs
    layout.insertWidget(0, window.banner)
    layout.addWidget(tabs, 1)


def _build_docks(window: MainWindow) -> None:
    window.navigator = NavigatorPanel(window.agreement_list_model)
    window.navigator_dock = _dock(window, "Agreements", "navigatorDock", window.navigator)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.navigator_dock)
    window.reward = RewardPanel()
    window.reward_dock = _dock(window, "Reward", "rewardDock", window.reward)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.reward_dock)
    window.resizeDocks([window.navigator_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
    window.resizeDocks([window.reward_dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)
    _bind_dock_action(window.navigator_dock, window.window_actions.show_navigator)
    _bind_dock_action(window.reward_dock, window.window_actions.show_reward)


def _dock(window: MainWindow, title: str, name: str, widget: QWidget) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)  # saveState() finds docks by object name
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    return dock


def _bind_dock_action(dock: QDockWidget, action: QAction) -> None:
    # The dock's own toggle action knows when it is closed with its [x]; ours carries the
    # shortcut and sits in the View menu. Keep the two in step.
    action.setChecked(True)
    action.toggled.connect(dock.setVisible)
    dock.toggleViewAction().toggled.connect(action.setChecked)
