"""The child process that reads a council return and, on Apply, writes it (no Qt here).

Why a process: turning a 20,000-row return into a plan of Python objects holds Python's
global lock for long stretches (calamine's parse itself releases it, the rest does not),
and unpickling such a plan takes about 0.2 s more; on a thread of the window's process
either would freeze the window. The child keeps the plan;
the window receives a summary made of plain strings and numbers, and sends "apply" when the
officer presses Apply. The child runs the same services as ``lpsa import``.

Messages (tuples over a multiprocessing Connection):
    window → child: ("plan", path, agreement | None, clear_blanks),
                    ("apply", officer, accept_rejects)
    child → window: ("progress", fraction | None, text) while planning, then
                    ("planned", PlanSummary), ("applied", batch ids),
                    ("refused", message), ("fault", traceback text)
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ChangeRow = tuple[str, str, str, str, str]
IssueRow = tuple[bool, str, str, str, str]
_PROGRESS_INTERVAL_S = 0.05


@dataclass(frozen=True)
class AgreementSummary:
    ref: str
    council: str
    is_new: bool
    has_changes: bool
    counts: dict[str, int]


@dataclass(frozen=True)
class PlanSummary:
    """What the dialog shows of a plan: small, quick to send between processes."""

    file: str
    sha256: str
    agreements: tuple[AgreementSummary, ...]
    changes: tuple[ChangeRow, ...]
    issues: tuple[IssueRow, ...]
    rejected: int
    earlier_imports: tuple[tuple[int, str, str], ...]
    left_as_stored: tuple[str, ...] = ()
    """Stored values the file's blank cells leave alone ('target 2 / indicator 2 / actual')."""

    @property
    def errors(self) -> int:
        return sum(1 for issue in self.issues if issue[0])

    @property
    def warnings(self) -> int:
        return len(self.issues) - self.errors

    @property
    def has_errors(self) -> bool:
        return self.errors > 0

    @property
    def has_changes(self) -> bool:
        return any(a.has_changes for a in self.agreements)


def summarise_plan(plan: Any) -> PlanSummary:
    """An ImportPlan (lpsa_desktop.importing.import_plan) as plain rows."""
    return PlanSummary(
        file=plan.file,
        sha256=plan.sha256,
        agreements=tuple(
            AgreementSummary(a.ref, a.council, a.is_new, a.has_changes, a.counts())
            for a in plan.agreements
        ),
        changes=tuple(_change_row(a.ref, c, a.after) for a in plan.agreements for c in a.changes),
        issues=tuple(_issue_row(i) for i in plan.issues),
        rejected=len(plan.rejected),
        earlier_imports=tuple(
            (e.batch_id, e.agreement_ref, e.imported_at) for e in plan.earlier_imports
        ),
        left_as_stored=tuple(k for a in plan.agreements for k in a.left_as_stored),
    )


def _change_row(ref: str, change: Any, after: Any) -> ChangeRow:
    from lpsa_desktop.domain.display import change_value_text  # noqa: PLC0415 - in the child

    if change.kind == "added":
        return (ref, change.entity or "the whole agreement", "(added)", "", change.new or "")
    if change.kind == "removed":
        return (ref, change.entity, "(removed)", change.old or "", "")
    # The field by its heading, levels with their units (the one vocabulary).
    old = change_value_text(change, after, change.old) or ""
    new = change_value_text(change, after, change.new) or ""
    return (ref, change.entity or "agreement", change.field_label, old, new)


def _issue_row(issue: Any) -> IssueRow:
    problem = issue.message + (f"; expected {issue.expected}" if issue.expected else "")
    return (
        issue.is_error,
        issue.cell or issue.file,
        issue.header or "",
        issue.value or "",
        problem,
    )


class _ProgressSender:
    """Planning's progress sent to the window, at most about 20 times a second."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._last = 0.0

    def __call__(self, progress: Any) -> None:
        now = time.monotonic()
        if now - self._last >= _PROGRESS_INTERVAL_S or progress.fraction == 1:
            self._last = now
            self._connection.send(("progress", progress.fraction, progress.text))


def serve(connection: Connection, store_url: str) -> None:
    """The child's loop: answer each message until the window closes the connection."""
    # Imported here, in the child: the window's process never needs them for this.
    from lpsa_desktop.errors import LpsaError  # noqa: PLC0415
    from lpsa_desktop.services.return_import import apply_plan, plan_import  # noqa: PLC0415
    from lpsa_desktop.storage.store import Store  # noqa: PLC0415

    store = Store.open(store_url)
    plan: Any = None
    try:
        while True:
            try:
                message = connection.recv()
            except EOFError:
                return
            try:
                if message[0] == "plan":
                    _, path, agreement, clear_blanks = message
                    plan = plan_import(
                        store,
                        Path(path),
                        agreement=agreement,
                        clear_blanks=clear_blanks,
                        progress=_ProgressSender(connection),
                    )
                    connection.send(("planned", summarise_plan(plan)))
                elif message[0] == "apply":
                    _, officer, accept_rejects = message
                    batches = apply_plan(
                        store, plan, officer=officer, accept_rejects=accept_rejects
                    )
                    connection.send(("applied", tuple(batches)))
            except LpsaError as refusal:
                connection.send(("refused", str(refusal)))
            except Exception:  # reported to the window, which logs it and says where
                connection.send(("fault", traceback.format_exc()))
    finally:
        store.close()
