"""Work-arounds for bugs in the Qt bindings, each one detected rather than assumed.

PySide6 6.12.0 on Python 3.11: ``SignalInstance.emit()`` returns ``True`` without taking a
reference to it, so every signal emitted from Python takes one reference away from the
``True`` singleton. Python 3.11 counts references to ``True`` (3.12 made it immortal), and
after a few thousand emits the interpreter aborts with "Fatal Python error: bool_dealloc:
deallocating True or False". A window emits signals on every keystroke, so a meeting would
end in a crash. The fix gives ``True`` and ``False`` so many references that the leak can
never use them up, which is what Python 3.12 does for every build. It is applied only when
a probe shows the leak, so it switches itself off once PySide6 is fixed.

The same PySide6 loses a reference to ``None`` each time it hands Python an empty QVariant:
``QModelIndex.data()`` for a role the model leaves empty, ``QObject.property()`` of an unset
name, ``QComboBox.currentData()`` with nothing chosen. Views and delegates ask such questions
on every paint and every tooltip, so ``None``'s count runs down during a meeting until
Python frees ``None`` itself and the next use of it crashes the process (the segfault seen
once while a tooltip showed in the Freedoms table). ``None`` gets the same spare references,
behind its own probe.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

# Far more emits than a process will ever make, far below the counter's limit.
_SPARE_REFERENCES = 1 << 40
_applied = False
_none_applied = False


class _Probe(QObject):
    fired = Signal()


def emit_leaks_bool_references() -> bool:
    """True when emitting a signal from Python loses a reference to True or False."""
    probe = _Probe()
    before = (sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(10):
        probe.fired.emit()
    after = (sys.getrefcount(True), sys.getrefcount(False))
    return after < before


def protect_bool_singletons() -> bool:
    """Apply the fix if this PySide6 needs it (once per process); returns whether it did."""
    global _applied  # noqa: PLW0603 (a process-wide, idempotent fix)
    if _applied or sys.version_info >= (3, 12) or not emit_leaks_bool_references():
        return False
    import ctypes  # noqa: PLC0415 (only where the leak is found)

    for singleton in (True, False):
        # ob_refcnt is the first field of every CPython object.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        count.value += _SPARE_REFERENCES
    _applied = True
    return True


def empty_variant_leaks_none_references() -> bool:
    """True when an empty QVariant handed to Python loses a reference to None."""
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(10):
        probe.property("lpsa-probe-unset")
    return sys.getrefcount(None) < before


def protect_none_singleton() -> bool:
    """Apply the None fix if this PySide6 needs it (once per process); returns whether it did."""
    global _none_applied  # noqa: PLW0603 (a process-wide, idempotent fix)
    if _none_applied or sys.version_info >= (3, 12) or not empty_variant_leaks_none_references():
        return False
    import ctypes  # noqa: PLC0415 (only where the leak is found)

    ctypes.c_ssize_t.from_address(id(None)).value += _SPARE_REFERENCES
    _none_applied = True
    return True
