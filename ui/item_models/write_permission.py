"""Whether the officer's login may change what a model shows.

Mixed into the models officers edit in place (targets, records, periods, meeting actions):
with ``writable`` off, their cells are neither editable nor checkable, so a reader's
window offers no edit at all instead of an edit the server would refuse
(``ui/write_access.py`` turns it off; the store's GRANTs are the guard, this the courtesy).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

WRITE_FLAGS = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable


class WritePermission:
    writable = True

    def permitted(self, flags: Qt.ItemFlag) -> Qt.ItemFlag:
        return flags if self.writable else flags & ~WRITE_FLAGS
