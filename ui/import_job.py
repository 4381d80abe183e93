"""One import, run in a child process (see ``ui.import_child`` for why), driven from the
window's background worker: plan, then apply; Cancel while reading stops the child."""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from lpsa_desktop.errors import LpsaError
from ui.import_child import PlanSummary, serve
from ui.tasks import TaskCancelledError, TaskControl

_POLL_S = 0.05


@dataclass(frozen=True)
class AppliedImport:
    """An import the officer applied: enough to undo it (its batches) and redo it (its file,
    which must still be the same file)."""

    summary: PlanSummary
    path: Path
    agreement: str | None
    batch_ids: tuple[int, ...]
    clear_blanks: bool = False


class ImportChildError(RuntimeError):
    """The child failed unexpectedly; the message carries its traceback for the log."""


class ImportJob:
    """Call its methods on the background worker, never on the GUI thread (they wait)."""

    def __init__(self, store_url: str) -> None:
        self._store_url = store_url
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None

    def plan(
        self,
        path: Path,
        agreement: str | None,
        control: TaskControl,
        *,
        clear_blanks: bool = False,
    ) -> PlanSummary:
        """Read and plan in the child; its progress (rows read of the sheet's rows, then
        planning) is reported through ``control``."""
        control.report(None, f"Reading {path.name}")
        summary: PlanSummary = self._ask(("plan", str(path), agreement, clear_blanks), control)
        return summary

    def apply(self, *, officer: str, accept_rejects: bool) -> tuple[int, ...]:
        """Write the plan read last; not cancellable (one transaction, seconds at most)."""
        batches: tuple[int, ...] = self._ask(("apply", officer, accept_rejects), None)
        return batches

    def close(self) -> None:
        """End the child (it has written what it was asked to, or nothing)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self._process is not None:
            self._process.join(timeout=5)
            if self._process.is_alive():
                self._process.kill()
            self._process = None

    def _ask(self, message: tuple[Any, ...], control: TaskControl | None) -> Any:
        connection = self._start()
        connection.send(message)
        while True:
            while not connection.poll(_POLL_S):
                if control is not None and control.cancelled:
                    self._kill()  # reading only: nothing has been written
                    raise TaskCancelledError
                if self._process is None or not self._process.is_alive():
                    self._connection = None
                    raise ImportChildError("the import's reading process stopped unexpectedly")
            kind, *payloads = connection.recv()
            if kind != "progress":
                break
            if control is not None:
                fraction, text = payloads
                control.report(fraction, text)
        (payload,) = payloads
        if kind == "refused":
            raise LpsaError(payload)
        if kind == "fault":
            raise ImportChildError(f"the import failed in its reading process:\n{payload}")
        return payload

    def _start(self) -> Connection:
        if self._connection is None:
            # spawn, not fork: the window's process has Qt and worker threads running.
            context = multiprocessing.get_context("spawn")
            ours, theirs = context.Pipe()
            process = context.Process(
                target=serve, args=(theirs, self._store_url), name="lpsa-import", daemon=True
            )
            process.start()
            theirs.close()
            self._process, self._connection = process, ours
        return self._connection

    def _kill(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(timeout=5)
        self._process = None
        if self._connection is not None:
            self._connection.close()
        self._connection = None


def reapply(
    store_url: str, applied: AppliedImport, officer: str, control: TaskControl
) -> tuple[int, ...]:
    """Import the same file again (redo after undo), if it is still the same file."""
    job = ImportJob(store_url)
    try:
        summary = job.plan(
            applied.path, applied.agreement, control, clear_blanks=applied.clear_blanks
        )
        if summary.sha256 != applied.summary.sha256:
            raise LpsaError(
                f"{applied.path.name} has changed since it was imported: import it again"
            )
        return job.apply(officer=officer, accept_rejects=True)
    finally:
        job.close()
