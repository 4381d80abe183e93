"""Meetings, and one meeting's decisions and action items, as tables.

Internal decisions and actions are marked, and left out altogether in presentation mode
(``show_internal=False``). Rows keep their position in the meeting, so that ticking off an
action names the right one even when internal ones are hidden.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont

from lpsa_desktop.domain.meetings import ActionItem, Decision, Meeting, MeetingStatus
from ui.display import date_text
from ui.item_models.record_rows_model import Index, RecordRowsModel
from ui.item_models.round_models import INTERNAL_COLOUR
from ui.item_models.write_permission import WritePermission

if TYPE_CHECKING:
    from lpsa_desktop.domain.meetings import ItemRef

GENERAL = "general"  # a decision or action about no one item
INTERNAL_TIP = "Internal: never minuted or shown in presentation mode"


def meeting_shown_first(meetings: tuple[Meeting, ...]) -> Meeting | None:
    """The meeting the Meetings tab chooses when none is chosen: the open one, else the
    last (the menu's meeting commands act on it even before the tab is first shown)."""
    open_ones = [m for m in meetings if m.status is MeetingStatus.OPEN]
    candidates = open_ones or list(meetings)
    return candidates[-1] if candidates else None


def item_text(item: ItemRef | None) -> str:
    return GENERAL if item is None else str(item)


def shared(records: tuple[Any, ...], show_internal: bool) -> tuple[Any, ...]:
    return records if show_internal else tuple(r for r in records if not r.internal)


class MeetingListModel(RecordRowsModel[Meeting]):
    """Meetings, oldest first: when, status and where (two lines), open actions, round."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            ("Meeting", "Open actions", "Round"),
            parent,
            header_tips=("", "Action items not yet ticked off", "The values agreed at it"),
        )
        self._show_internal = True

    def set_meetings(self, meetings: tuple[Meeting, ...], *, show_internal: bool) -> None:
        if (tuple(self.rows), self._show_internal) != (meetings, show_internal):
            self._show_internal = show_internal
            self.replace_rows(meetings)

    def row_of(self, meeting_id: int | None) -> int:
        return next((i for i, m in enumerate(self.rows) if m.id == meeting_id), -1)

    def cell(self, meeting: Meeting, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            round_number = meeting.round_number
            values = (
                f"{date_text(meeting.held_on)} · {meeting.status.value}\n{meeting.place}".strip(),
                str(len(shared(meeting.open_actions, self._show_internal))),
                "" if round_number is None else str(round_number),
            )
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            decided = len(shared(meeting.decisions, self._show_internal))
            return f"{meeting.title}\n{decided} decision{'s' * (decided != 1)}"
        if role == Qt.ItemDataRole.FontRole and meeting.status is MeetingStatus.OPEN:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return Qt.AlignmentFlag.AlignCenter
        return None


def _internal_look(internal: bool, role: int) -> Any:
    if not internal:
        return None
    if role == Qt.ItemDataRole.ForegroundRole:
        return INTERNAL_COLOUR
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setItalic(True)
        return font
    return None


class DecisionTableModel(RecordRowsModel[tuple[int, Decision]]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(("Item", "Decision", ""), parent)

    def set_meeting(self, meeting: Meeting | None, *, show_internal: bool) -> None:
        decisions = meeting.decisions if meeting else ()
        self.replace_rows(
            tuple((i, d) for i, d in enumerate(decisions) if show_internal or not d.internal)
        )

    def cell(self, row: tuple[int, Decision], column: int, role: int) -> Any:
        _index, decision = row
        if role == Qt.ItemDataRole.DisplayRole:
            values = (item_text(decision.item), decision.text, "internal" * decision.internal)
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            by = f"Recorded by {decision.officer} on {date_text(decision.recorded_at)}"
            return f"{decision.text}\n{by}" + (f"\n{INTERNAL_TIP}" if decision.internal else "")
        return _internal_look(decision.internal, role)


class ActionTableModel(WritePermission, RecordRowsModel[tuple[int, ActionItem]]):
    """Action items; the Done column is ticked here and announced (``done_toggled``), never
    changed in the model: the undo command does that."""

    done_toggled = Signal(int, bool)  # the action's position in its meeting, done or not

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(("Done", "Item", "Action", "Owner", "Due", ""), parent)

    def set_meeting(self, meeting: Meeting | None, *, show_internal: bool) -> None:
        actions = meeting.actions if meeting else ()
        self.replace_rows(
            tuple((i, a) for i, a in enumerate(actions) if show_internal or not a.internal)
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        checkable = flags | Qt.ItemFlag.ItemIsUserCheckable
        return self.permitted(checkable) if index.column() == 0 else flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        if done != row[1].done:
            self.done_toggled.emit(row[0], done)
        return True

    def cell(self, row: tuple[int, ActionItem], column: int, role: int) -> Any:
        _index, action = row
        if role == Qt.ItemDataRole.DisplayRole and column:
            values = (
                "",
                item_text(action.item),
                action.text,
                action.owner,
                date_text(action.due),
                "internal" * action.internal,
            )
            return values[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if action.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column:
            return action.text + (f"\n{INTERNAL_TIP}" if action.internal else "")
        return _internal_look(action.internal, role)
