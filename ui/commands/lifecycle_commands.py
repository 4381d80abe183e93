"""Undo for starting, copying and deleting agreements, and for editing councils.

Each command calls one service on the worker (``ui.session.AgreementSession.run``). Values
a later step needs (what a deletion removed, the name a council was stored under) are kept
on the command by the worker itself, so an undo queued straight after its redo still sees
them: the worker runs one task at a time, in order.
"""

# Services (and SQLAlchemy under them) are imported on the worker, when a command runs.
# ruff: noqa: PLC0415

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from lpsa_desktop.domain.diff import value_text
from ui.session import AgreementSession
from ui.tasks import TaskControl

if TYPE_CHECKING:
    from lpsa_desktop.storage.agreement_removal import PartCounts, RemovedRows
    from lpsa_desktop.storage.store import Store

Report = Callable[[str], None]  # what went wrong, for the officer (the store is unchanged)


def _lifecycle() -> Any:
    from lpsa_desktop.services import agreement_lifecycle

    return agreement_lifecycle


def _councils() -> Any:
    from lpsa_desktop.services import council_edits

    return council_edits


class _StoreCommand(QUndoCommand):
    def __init__(self, text: str, session: AgreementSession, failed: Report) -> None:
        super().__init__(text)
        self._session = session
        self._failed = failed

    def _run(self, work: Callable[[Store], Any], then: Callable[[Any], None] | None = None) -> None:
        def task(store: Store, _control: TaskControl) -> Any:
            return work(store)

        self._session.run(
            task,
            writes=True,
            on_done=then or (lambda _result: None),
            on_failure=lambda error: self._failed(str(error) or type(error).__name__),
        )


class CreatedAgreementCommand(_StoreCommand):
    """A new agreement (or copy), already written by its dialog: undo deletes it whole,
    redo puts the same rows back."""

    def __init__(self, text: str, session: AgreementSession, ref: str, *, failed: Report) -> None:
        super().__init__(text, session, failed)
        self.ref = ref
        self._written = True
        self._removed: RemovedRows | None = None

    def redo(self) -> None:
        if self._written:
            return

        def work(store: Store) -> None:
            assert self._removed is not None
            _lifecycle().restore_agreement(store, self._removed, officer=self._session.officer)

        self._written = True
        self._run(work, lambda _r: self._session.select(self.ref))

    def undo(self) -> None:
        def work(store: Store) -> None:
            self._removed = _lifecycle().delete_agreement(
                store, self.ref, officer=self._session.officer
            )

        self._written = False
        self._run(work)


class DeleteAgreementCommand(_StoreCommand):
    """Delete an agreement with the counts the officer confirmed; undo puts back every row
    it removed (the same ids and refs), until the window closes."""

    def __init__(
        self, session: AgreementSession, ref: str, counts: PartCounts, *, failed: Report
    ) -> None:
        super().__init__(f"delete agreement {ref}", session, failed)
        self.ref = ref
        self.counts = counts
        self._removed: RemovedRows | None = None

    def redo(self) -> None:
        def work(store: Store) -> None:
            self._removed = _lifecycle().delete_agreement(
                store, self.ref, officer=self._session.officer, expected=self.counts
            )

        self._run(work)

    def undo(self) -> None:
        def work(store: Store) -> None:
            assert self._removed is not None
            _lifecycle().restore_agreement(store, self._removed, officer=self._session.officer)

        self._run(work, lambda _r: self._session.select(self.ref))


class AddCouncilCommand(_StoreCommand):
    def __init__(
        self,
        session: AgreementSession,
        ref: str,
        name: str,
        position: int,
        seen: Sequence[str],
        *,
        failed: Report,
    ) -> None:
        super().__init__(f"add council {name}", session, failed)
        self.ref, self.name, self.position, self.seen = ref, name, position, list(seen)
        self._stored_name = name

    def redo(self) -> None:
        def work(store: Store) -> None:
            council = _councils().add_council(
                store,
                self.ref,
                self.name,
                position=self.position,
                expected=self.seen,
                officer=self._session.officer,
            )
            self._stored_name = council.name

        self._run(work)

    def undo(self) -> None:
        def work(store: Store) -> None:
            after = list(self.seen)
            after.insert(min(self.position, len(after)), self._stored_name)
            _councils().remove_council(
                store, self.ref, self._stored_name, expected=after, officer=self._session.officer
            )

        self._run(work)


class RemoveCouncilCommand(_StoreCommand):
    """Unlink a council from one agreement (the council stays in the store and in the
    other agreements it is party to); undo links it again where it was."""

    def __init__(
        self,
        session: AgreementSession,
        ref: str,
        index: int,
        seen: Sequence[str],
        *,
        failed: Report,
    ) -> None:
        super().__init__(f"remove council {seen[index]}", session, failed)
        self.ref, self.index, self.seen = ref, index, list(seen)
        self.name = seen[index]

    def redo(self) -> None:
        def work(store: Store) -> None:
            _councils().remove_council(
                store, self.ref, self.name, expected=self.seen, officer=self._session.officer
            )

        self._run(work)

    def undo(self) -> None:
        def work(store: Store) -> None:
            rest = [n for n in self.seen if n != self.name]
            _councils().add_council(
                store,
                self.ref,
                self.name,
                position=self.index,
                expected=rest,
                officer=self._session.officer,
            )

        self._run(work)


class MoveCouncilCommand(_StoreCommand):
    def __init__(
        self,
        session: AgreementSession,
        ref: str,
        index: int,
        to: int,
        seen: Sequence[str],
        *,
        failed: Report,
    ) -> None:
        lead = " (now the lead)" if to == 0 else ""
        super().__init__(f"move council {seen[index]} to {to + 1}{lead}", session, failed)
        self.ref, self.index, self.to, self.seen = ref, index, to, list(seen)
        self.name = seen[index]

    def _moved(self) -> list[str]:
        names = list(self.seen)
        names.insert(self.to, names.pop(self.index))
        return names

    def redo(self) -> None:
        def work(store: Store) -> None:
            _councils().move_council(
                store,
                self.ref,
                self.name,
                self.to,
                expected=self.seen,
                officer=self._session.officer,
            )

        self._run(work)

    def undo(self) -> None:
        def work(store: Store) -> None:
            _councils().move_council(
                store,
                self.ref,
                self.name,
                self.index,
                expected=self._moved(),
                officer=self._session.officer,
            )

        self._run(work)


class EditCouncilCommand(_StoreCommand):
    """One detail of a council, changed for every agreement that shares it."""

    def __init__(
        self,
        session: AgreementSession,
        name: str,
        field: str,
        old: Any,
        new: Any,
        *,
        failed: Report,
    ) -> None:
        label = field.replace("_", " ")
        shown = f"{value_text(old) or '(empty)'} → {value_text(new) or '(empty)'}"
        super().__init__(f"edit council {name} / {label}: {shown}", session, failed)
        self.name, self.field, self.old, self.new = name, field, old, new

    def redo(self) -> None:
        self._edit(self.name, self.new, self.old)

    def undo(self) -> None:
        self._edit(self.new if self.field == "name" else self.name, self.old, self.new)

    def _edit(self, name: str, value: Any, expected: Any) -> None:
        def work(store: Store) -> None:
            _councils().edit_council(
                store, name, self.field, value, expected=expected, officer=self._session.officer
            )

        self._run(work)
