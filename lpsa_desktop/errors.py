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
