"""Opening every menu command on the demo store, as an officer trying the window would:
each dialog it opens gets something typed into every field, then is closed.

Used by the walk-through test (in the test process) and by the bar-to-clear script (in the
real program, ``tests/ui/bar_driver.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ui.actions import WindowActions

# Quit ends the walk; Presentation mode is a toggle (tried on and off).
SKIPPED = ("quit",)
TYPED = "12"


def open_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def error_dialogs() -> list[QWidget]:
    return [w for w in open_dialogs() if w.objectName() == "errorDialog"]


def type_into_fields(dialog: QDialog) -> int:
    """Type into every enabled, editable text field of ``dialog``; returns how many."""
    typed = 0
    for field in dialog.findChildren(QWidget):
        if not field.isVisible() or not field.isEnabled():
            continue
        if isinstance(field, QAbstractSpinBox):
            field = field.findChild(QLineEdit)  # noqa: PLW2901 (its own text box)
        if isinstance(field, QLineEdit | QPlainTextEdit | QTextEdit) and not field.isReadOnly():
            QTest.keyClicks(field, TYPED)
            typed += 1
    return typed


def close(dialog: QDialog) -> None:
    if isinstance(dialog, QMessageBox):
        dialog.done(0)
    else:
        dialog.reject()
    dialog.close()


def settle(ms: int, until: Callable[[], bool] = lambda: False) -> None:
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms and not until():
        QApplication.processEvents()
        QTest.qWait(10)


def walk(actions: WindowActions, report: Callable[[str], None]) -> list[str]:
    """Trigger every command; returns the errors seen (error dialogs), by command."""
    problems: list[str] = []
    seen: set[int] = set()

    def handle_dialogs() -> None:
        for dialog in open_dialogs():
            if id(dialog) in seen and dialog.objectName() != "errorDialog":
                close(dialog)
                continue
            seen.add(id(dialog))
            if isinstance(dialog, QMessageBox) and dialog.objectName() == "errorDialog":
                problems.append(f"{current[0]}: {dialog.text()}")
                close(dialog)
                continue
            type_into_fields(dialog)
            settle(30)
            close(dialog)

    closer = QTimer()
    closer.setInterval(40)
    closer.timeout.connect(handle_dialogs)
    closer.start()
    current = [""]
    for action in actions.all():
        name = next(f for f in vars(actions) if getattr(actions, f) is action)
        if name in SKIPPED or not action.isEnabled():
            continue
        current[0] = name
        report(name)
        action.trigger()
        if action.isCheckable() and action.isChecked():
            settle(50)
            action.trigger()  # and back
        settle(1500, until=lambda: not open_dialogs())
        handle_dialogs()
        settle(50)
    closer.stop()
    return problems
