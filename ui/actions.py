"""Every command of the window as a QAction with a shortcut, and the menus that hold them.

One table, so that the menus, the toolbar buttons, the shortcut list in Help and the tests
all see the same names and keys.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

StandardKey = QKeySequence.StandardKey


@dataclass
class WindowActions:
    new_agreement: QAction
    open_store: QAction
    import_return: QAction
    revert_import: QAction
    send_agreement: QAction
    receive_agreement: QAction
    export_pdf: QAction
    sign_pdf: QAction
    verify_pdf: QAction
    print_preview: QAction
    print_agreement: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    cut: QAction
    copy: QAction
    paste: QAction
    add_target: QAction
    add_indicator: QAction
    add_freedom: QAction
    add_partner: QAction
    add_signatory: QAction
    remove_selected: QAction
    copy_agreement: QAction
    delete_agreement: QAction
    undo_delete_agreement: QAction
    open_meeting: QAction
    record_decision: QAction
    add_action_item: QAction
    take_round: QAction
    close_meeting: QAction
    export_minutes: QAction
    find_agreement: QAction
    reload: QAction
    preferences: QAction
    presentation_mode: QAction
    show_navigator: QAction
    show_reward: QAction
    show_overview: QAction
    show_targets: QAction
    show_freedoms: QAction
    show_people: QAction
    show_audit: QAction
    show_negotiation: QAction
    show_meetings: QAction
    shortcuts_help: QAction
    about: QAction
    recent_stores: QMenu

    def all(self) -> list[QAction]:
        return [a for f in fields(self) if isinstance(a := getattr(self, f.name), QAction)]


def _action(
    window: QMainWindow, text: str, *keys: str | StandardKey, tip: str = "", checkable: bool = False
) -> QAction:
    action = QAction(text, window)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setStatusTip(tip)
    action.setToolTip(
        f"{text.replace('&', '').rstrip('…')} ({QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)})"
        if keys
        else text
    )
    action.setCheckable(checkable)
    window.addAction(action)  # shortcuts work even when the menu bar is hidden
    return action


def build_actions(window: QMainWindow, undo: QAction, redo: QAction) -> WindowActions:
    undo.setShortcuts([QKeySequence(StandardKey.Undo)])
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    return WindowActions(
        new_agreement=_action(
            window,
            "&New agreement…",
            StandardKey.New,
            tip="Start a new draft agreement: councils, generation, period",
        ),
        open_store=_action(
            window,
            "&Open store…",
            StandardKey.Open,
            tip="Open another LPSA Desk store (a .sqlite file)",
        ),
        import_return=_action(
            window,
            "&Import council return…",
            "Ctrl+I",
            tip="Read a council's Excel return and review what it would change",
        ),
        revert_import=_action(
            window,
            "Re&vert an import…",
            "Ctrl+Shift+I",
            tip="Take back everything one import wrote",
        ),
        send_agreement=_action(
            window,
            "Sen&d agreement…",
            "Ctrl+Shift+X",
            tip="Write an agreement package for the other side's laptop",
        ),
        receive_agreement=_action(
            window,
            "Recei&ve agreement…",
            "Ctrl+Shift+L",
            tip="Merge an agreement package from the other side, seeing every conflict first",
        ),
        export_pdf=_action(
            window, "&Export PDF…", "Ctrl+E", tip="Write the agreement as a PDF (draft or final)"
        ),
        sign_pdf=_action(
            window,
            "&Sign PDF…",
            "Ctrl+Shift+S",
            tip="Sign an exported PDF as one of the agreement's signatories",
        ),
        verify_pdf=_action(
            window, "&Verify PDF…", "Ctrl+Shift+V", tip="Check the signatures in a PDF"
        ),
        print_preview=_action(
            window,
            "Print pre&view…",
            "Ctrl+Shift+P",
            tip="See the printed agreement before printing",
        ),
        print_agreement=_action(window, "&Print…", StandardKey.Print, tip="Print the agreement"),
        # Not StandardKey.Quit: it has no key on Windows (nor offscreen), and Ctrl+Q is expected.
        quit=_action(window, "&Quit", "Ctrl+Q"),
        undo=undo,
        redo=redo,
        cut=_action(window, "Cu&t", StandardKey.Cut, tip="Cut the selected cells or text"),
        copy=_action(
            window,
            "&Copy",
            StandardKey.Copy,
            tip="Copy the selected cells (they paste into Excel or LibreOffice as cells)",
        ),
        paste=_action(
            window,
            "&Paste",
            StandardKey.Paste,
            tip="Paste cells copied from Excel or LibreOffice into the cells from the one chosen",
        ),
        add_target=_action(
            window, "Add &target", "Ctrl+Shift+T", tip="Add a target after the one selected"
        ),
        add_indicator=_action(
            window, "Add i&ndicator", "Ctrl+Shift+N", tip="Add an indicator to the selected target"
        ),
        add_freedom=_action(
            window, "Add &freedom", "Ctrl+Shift+F", tip="Add a freedom or flexibility request"
        ),
        add_partner=_action(window, "Add p&artner", "Ctrl+Shift+A"),
        add_signatory=_action(window, "Add si&gnatory", "Ctrl+Shift+G"),
        remove_selected=_action(
            window,
            "&Remove selected",
            "Ctrl+Del",
            tip="Remove the selected target, indicator, freedom, partner or signatory",
        ),
        copy_agreement=_action(
            window,
            "&Copy agreement…",
            "Ctrl+Alt+C",
            tip="A new draft from this agreement's targets, freedoms and people",
        ),
        delete_agreement=_action(
            window,
            "De&lete agreement…",
            "Ctrl+Shift+Del",
            tip="Delete this agreement (undo puts it back until the window closes)",
        ),
        undo_delete_agreement=_action(
            window,
            "Undo delete agreement",
            "Ctrl+Alt+Z",
            tip="Put back the agreement deleted last, whole",
        ),
        open_meeting=_action(
            window,
            "Open &meeting…",
            "Ctrl+Shift+O",
            tip="Open a meeting: date, place, attendees and agenda",
        ),
        record_decision=_action(
            window,
            "Record &decision",
            "Ctrl+Shift+D",
            tip="Record a decision of the open meeting against the agenda item chosen",
        ),
        add_action_item=_action(
            window,
            "Add action &item",
            "Ctrl+Shift+K",
            tip="Add an action item (owner, due date) to the open meeting",
        ),
        take_round=_action(
            window,
            "Take r&ound… (cannot be undone)",
            "Ctrl+Shift+R",
            tip="Record where the negotiation stands now as a read-only round",
        ),
        close_meeting=_action(
            window,
            "&Close meeting… (cannot be undone)",
            "Ctrl+Shift+C",
            tip="Close the meeting; the values agreed become a joint round",
        ),
        export_minutes=_action(
            window,
            "Export &minutes…",
            "Ctrl+Shift+E",
            tip="Write the meeting's minutes as a PDF or an editable Word document",
        ),
        find_agreement=_action(
            window, "&Find agreement", StandardKey.Find, tip="Filter the list of agreements"
        ),
        reload=_action(window, "Re&load from store", "Ctrl+R", tip="Show what the store holds now"),
        preferences=_action(window, "Pr&eferences…", "Ctrl+,"),
        presentation_mode=_action(
            window,
            "&Presentation mode",
            "F5",
            "Ctrl+Shift+M",
            tip="Larger text; internal notes and reserve targets hidden",
            checkable=True,
        ),
        show_navigator=_action(window, "&Agreements list", "Ctrl+Shift+1", checkable=True),
        show_reward=_action(window, "&Reward panel", "Ctrl+Shift+2", checkable=True),
        show_overview=_action(window, "&Overview", "Ctrl+1"),
        show_targets=_action(window, "&Targets", "Ctrl+2"),
        show_freedoms=_action(window, "&Freedoms", "Ctrl+3"),
        show_people=_action(window, "Partners and &signatories", "Ctrl+4"),
        show_audit=_action(window, "A&udit trail", "Ctrl+5"),
        show_negotiation=_action(window, "&Negotiation (rounds)", "Ctrl+6"),
        show_meetings=_action(window, "&Meetings", "Ctrl+7"),
        shortcuts_help=_action(window, "&Keyboard shortcuts", StandardKey.HelpContents),
        about=_action(window, "&About LPSA Desk", "Ctrl+Shift+F1"),
        recent_stores=QMenu("Recent &stores", window),
    )


def build_menus(bar: QMenuBar, actions: WindowActions) -> None:
    a = actions
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.new_agreement, a.open_store])
    file_menu.addMenu(a.recent_stores)
    file_menu.addSeparator()
    file_menu.addActions([a.import_return, a.revert_import])
    file_menu.addActions([a.send_agreement, a.receive_agreement])
    file_menu.addSeparator()
    file_menu.addActions([a.export_pdf, a.sign_pdf, a.verify_pdf, a.export_minutes])
    file_menu.addSeparator()
    file_menu.addActions([a.print_preview, a.print_agreement])
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([a.undo, a.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([a.cut, a.copy, a.paste])
    edit_menu.addSeparator()
    edit_menu.addActions(
        [a.add_target, a.add_indicator, a.add_freedom, a.add_partner, a.add_signatory]
    )
    edit_menu.addAction(a.remove_selected)
    edit_menu.addSeparator()
    edit_menu.addActions([a.copy_agreement, a.delete_agreement, a.undo_delete_agreement])
    edit_menu.addSeparator()
    edit_menu.addActions([a.open_meeting, a.record_decision, a.add_action_item])
    # Rounds are read-only: these two ask for confirmation and say they cannot be undone.
    edit_menu.addActions([a.take_round, a.close_meeting])
    edit_menu.addSeparator()
    edit_menu.addActions([a.find_agreement, a.reload])
    edit_menu.addSeparator()
    edit_menu.addAction(a.preferences)
    view_menu = bar.addMenu("&View")
    view_menu.addAction(a.presentation_mode)
    view_menu.addSeparator()
    view_menu.addActions([a.show_navigator, a.show_reward])
    view_menu.addSeparator()
    view_menu.addActions(
        [a.show_overview, a.show_targets, a.show_freedoms, a.show_people, a.show_audit]
    )
    view_menu.addActions([a.show_negotiation, a.show_meetings])
    help_menu = bar.addMenu("&Help")
    help_menu.addActions([a.shortcuts_help, a.about])
