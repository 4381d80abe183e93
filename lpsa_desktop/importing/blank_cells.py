"""Blank cells of a return laid over stored values: by default an empty cell leaves the
stored value as it is (an older return must not clear an outturn typed since) and is
listed as "left as stored"; asked to (``--clear-blanks``), it clears it. A cell that says
there is no value ('n/a', '-', 'tbc') is not blank: it clears the value as before."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lpsa_desktop.domain.vocabulary import where_text
from lpsa_desktop.importing.cell_numbers import Raw
from lpsa_desktop.importing.return_model import TargetEntry


def is_blank(value: Any) -> bool:
    """No value, as the readers give it: None, or an empty text or list."""
    return value is None or value in ("", ())


def _empty_cell(raw: Raw) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


class BlankCells:
    """Lays a row's blank cells over the stored state of what the row updates, and lists
    the stored values a blank cell left alone (as 'target 2 / indicator 2 / actual')."""

    def __init__(self, *, clear: bool = False) -> None:
        self.clear = clear
        self.kept: list[str] = []
        self.columns: dict[str, int] = {}
        """Field → its column in the rows as written (set once the sheet is known)."""

    def lay_row(
        self, entity: str, state: dict[str, Any], values: dict[str, Any], old: Any, raw: list[Raw]
    ) -> None:
        """``state`` holds ``old``'s fields with a row's ``values`` laid over them: put back
        the stored value of each empty cell, unless blanks clear."""
        self._lay(entity, state, values, old, lambda _name: raw)

    def lay_target(self, state: dict[str, Any], entry: TargetEntry, old: Any) -> None:
        """The same for a target, whose values each come from one of its rows."""
        if self.clear or not any(is_blank(v) for v in entry.values.values()):
            return  # the usual target: nothing blank
        rows = {i.row: i.raw for i in entry.indicators}
        self._lay(
            f"target {entry.ref}",
            state,
            entry.values,
            old,
            lambda name: rows.get(entry.value_rows.get(name, -1)),
        )

    def lay_values(
        self, entity: str, state: dict[str, Any], values: dict[str, Any], old: Any
    ) -> None:
        """The same where the cells as written are not kept (freedoms): every value the
        file leaves out ('n/a' as well as an empty cell) is taken as blank."""
        self._lay(entity, state, values, old, lambda _name: None)

    def _lay(
        self,
        entity: str,
        state: dict[str, Any],
        values: dict[str, Any],
        old: Any,
        raw_of: Callable[[str], list[Raw] | None],
    ) -> None:
        if self.clear:
            return
        stored = old.__dict__
        for name, value in values.items():
            if not is_blank(value) or is_blank(was := stored.get(name)):
                continue
            raw, column = raw_of(name), self.columns.get(name)
            written: Raw = None
            if column is not None and raw is not None and column < len(raw):
                written = raw[column]
            if not _empty_cell(written):
                continue  # 'n/a', 'tbc': the file says there is no value
            state[name] = was
            self.kept.append(where_text(entity, name))
