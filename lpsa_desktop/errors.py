"""Typed errors raised by the core. They carry facts; the CLI and the window word them."""

from __future__ import annotations

from dataclasses import dataclass


class LpsaError(Exception):
    """Base of every error a user can cause (bad input, unknown ref, refused file)."""


class NotFoundError(LpsaError):
    """An agreement, target or indicator that the store does not hold."""


class AmbiguousRefError(LpsaError):
    """A name that matches more than one agreement."""


@dataclass(frozen=True)
class FieldProblem:
    """One value that was refused: where it was, what was written, what was expected."""

    where: str
    value: str
    expected: str

    def __str__(self) -> str:
        return f"{self.where}: {self.value!r} is not valid ({self.expected})"


class InvalidValueError(LpsaError):
    """A value the domain refuses (e.g. a negative budget, a weight over 1)."""

    def __init__(self, problem: FieldProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class StoreError(LpsaError):
    """The store cannot be opened, migrated or written (locked, read-only, not a database)."""


# The store's faults, one class per remedy (classified in lpsa_desktop/storage/faults.py).
# Each is a StoreError, so every place that already catches StoreError still does.


class StoreBusyError(StoreError):
    """Another program held the store's write lock past the busy timeout."""


class StoreReadOnlyError(StoreError):
    """The store file, or the folder it is in, cannot be written."""


class StoreFullError(StoreError):
    """The disk (or quota) holding the store is full."""


class StoreIOError(StoreError):
    """The operating system could not read or write the store's file."""


class StoreUnreachableError(StoreIOError):
    """A server store: the server cannot be reached, or went away mid-transaction."""


class StoreDamagedError(StoreError):
    """The store's file is damaged (SQLite's integrity check fails, or a page is corrupt)."""


class StoreMissingError(StoreError):
    """A command that only reads was pointed at a store that does not exist."""


class NotAStoreError(StoreError):
    """The file is not an LPSA Desk store (not SQLite, or another program's database)."""


class NewerStoreError(StoreError):
    """The store was written by a newer LPSA Desk than this one."""


class ServerRoleError(StoreError):
    """`lpsa server …` could not be done: not a server store, not an administrator of it,
    or a login name the server would not take."""
