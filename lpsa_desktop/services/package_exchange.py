"""Exchange between laptops: export an agreement package, plan its merge, apply it.

The merge base is the newest state both stores hold: a round, or a state sent or received
in an earlier package (kept in ``exchanged_states``), matched by content hash. Applying is
one transaction, recorded as an import batch (``lpsa imports revert`` puts the agreement
back whole); rounds, meetings and audit entries are added as a union by identity.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.comparison import INTERNAL_FIELDS
from lpsa_desktop.domain.diff import diff_agreements
from lpsa_desktop.domain.exchange_records import (
    AuditEntry,
    audit_identity,
    meeting_identity,
    merged_meeting,
    round_identity,
)
from lpsa_desktop.domain.rounds import Round
from lpsa_desktop.domain.shared_state import state_hash, without_internal
from lpsa_desktop.domain.three_way import Conflict, MergeResult, Side, merge_agreements
from lpsa_desktop.errors import LpsaError
from lpsa_desktop.exchange.package import AgreementPackage, ReadPackage
from lpsa_desktop.exchange.writer import package_bytes, shared_only, write_package
from lpsa_desktop.exporting.identity import Identity
from lpsa_desktop.services.agreement_snapshots import agreement_json
from lpsa_desktop.storage.store import Store
from lpsa_desktop.storage.unit_of_work import UnitOfWork
from lpsa_desktop.version import app_version


class NoSharedStateError(LpsaError):
    """The store holds an agreement of the package's ref but no state in common with it."""


class UnresolvedConflictsError(LpsaError):
    """A merge applied while conflicts remain without a choice: nothing is written."""


@dataclass(frozen=True)
class ExportedPackage:
    path: Path
    agreement_ref: str
    state: str
    size: int
    signed: bool
    rounds: int
    meetings: int
    left_out_internal: bool


@dataclass(frozen=True)
class Author:
    officer: str
    at: datetime


@dataclass(frozen=True)
class ConflictView:
    """A conflict with who last changed it on each side, and when (from the audit trails)."""

    conflict: Conflict
    mine_by: Author | None
    theirs_by: Author | None


@dataclass(frozen=True)
class MergePlan:
    read: ReadPackage
    package: AgreementPackage
    """What is merged: the package's content, under ``--as-ref`` if one was given."""
    agreement_ref: str
    """The ref the package's agreement has (or will have) in this store."""
    base_label: str | None
    """What the base is ('round 3: Government response', 'package sent 03/12/2026 10:04'),
    None when the store holds nothing in common (a first exchange: the agreement is added)."""
    base: Agreement | None
    """The shared state merged against (internal notes emptied when none travelled)."""
    mine: Agreement | None
    theirs: Agreement
    result: MergeResult | None
    conflicts: tuple[ConflictView, ...]
    new_rounds: tuple[Round, ...]
    new_meetings: int
    grown_meetings: int
    new_audit: int

    @property
    def adds_agreement(self) -> bool:
        return self.mine is None

    @property
    def merged(self) -> Agreement:
        return self.theirs if self.result is None else self.result.merged

    @property
    def unresolved(self) -> tuple[ConflictView, ...]:
        return tuple(c for c in self.conflicts if c.conflict.chosen is None)

    @property
    def changes_agreement(self) -> bool:
        return self.mine is None or self.merged != self.mine

    @property
    def changes_nothing(self) -> bool:
        records = self.new_rounds or self.new_meetings or self.grown_meetings or self.new_audit
        return not self.changes_agreement and not records


# --- export ----------------------------------------------------------------------------------


def export_package(
    store: Store,
    agreement_ref: str,
    destination: Path,
    *,
    officer: str,
    include_internal: bool = False,
    identity: Identity | None = None,
) -> ExportedPackage:
    """Write the package and keep its state as 'sent' (a later reply merges against it);
    both in one transaction: a package that cannot be written is not recorded."""
    with store.unit_of_work(write=True) as uow:
        agreement = uow.agreements.get(agreement_ref)
        draft = AgreementPackage(
            agreement=agreement,
            rounds=tuple(uow.rounds.list(agreement_ref)),
            meetings=tuple(uow.meetings.list(agreement_ref)),
            audit=tuple(uow.exchanges.audit_entries(agreement_ref)),
            imports=tuple(uow.exchanges.import_summaries(agreement_ref)),
            known_states=(),
            exported_at=datetime.now(),
            officer=officer,
            include_internal=include_internal,
            app_version=app_version(),
        )
        package = shared_only(draft)
        uow.exchanges.record_state(
            agreement_ref, package.state, package.agreement,
            direction="sent", file_name=destination.name, officer=officer,
        )  # fmt: skip
        package = dataclasses.replace(package, known_states=_known_states(uow, agreement_ref))
        data = package_bytes(
            package,
            key=identity.key if identity else None,
            certificate=identity.certificate if identity else None,
        )
        write_package(destination, data)
    return ExportedPackage(
        destination, agreement_ref, package.state, len(data), identity is not None,
        len(package.rounds), len(package.meetings), not include_internal,
    )  # fmt: skip


def _known_states(uow: UnitOfWork, ref: str) -> tuple[str, ...]:
    return tuple(h for h, _when, _label, _snapshot in _candidates(uow, ref))


def _candidates(uow: UnitOfWork, ref: str) -> list[tuple[str, datetime, str, Agreement]]:
    """Every state this store holds of ``ref``, newest first: (hash, when, label, snapshot)."""
    found = [
        (s.state_hash, s.recorded_at,
         f"package {s.direction} {s.recorded_at:%d/%m/%Y %H:%M} ({s.file_name})", s.snapshot)
        for s in uow.exchanges.states(ref)
    ]  # fmt: skip
    for taken in uow.rounds.list(ref):
        when = taken.taken_at or datetime.combine(taken.held_on, datetime.min.time())
        label = f"round {taken.number}: {taken.name}"
        found.append((state_hash(taken.snapshot), when, label, taken.snapshot))
    found.sort(key=lambda c: c[1], reverse=True)
    return found


# --- merge -----------------------------------------------------------------------------------


def plan_merge(
    store: Store,
    read: ReadPackage,
    *,
    choices: Mapping[str, Side] | None = None,
    default: Side | None = None,
    as_ref: str | None = None,
) -> MergePlan:
    """What merging ``read`` would do; writes nothing."""
    with store.unit_of_work() as uow:
        return _plan(uow, read, choices, default, as_ref)


def apply_merge(
    store: Store,
    read: ReadPackage,
    *,
    officer: str,
    choices: Mapping[str, Side] | None = None,
    default: Side | None = None,
    as_ref: str | None = None,
) -> MergePlan:
    """Merge ``read`` into the store in one transaction; refused (nothing written) while
    any conflict has no choice. The plan is made again inside the write transaction, so
    an edit made since the preview is merged too, never overwritten."""
    with store.unit_of_work(write=True) as uow:
        plan = _plan(uow, read, choices, default, as_ref)
        if plan.unresolved:
            shown = ", ".join(c.conflict.address for c in plan.unresolved[:5])
            more = "…" if len(plan.unresolved) > 5 else ""
            raise UnresolvedConflictsError(
                f"{read.file_name}: {len(plan.unresolved)} conflict(s) need a choice "
                f"({shown}{more}); nothing was written"
            )
        if not plan.changes_nothing:
            _write(uow, plan, officer)
        return plan


def _plan(
    uow: UnitOfWork,
    read: ReadPackage,
    choices: Mapping[str, Side] | None,
    default: Side | None,
    as_ref: str | None,
) -> MergePlan:
    package = _renamed(read.package, as_ref) if as_ref else read.package
    ref = package.agreement.ref
    theirs = package.agreement
    if not uow.agreements.exists(ref):
        return _records_plan(
            uow, read, package, base_label=None, base=None, mine=None, result=None, conflicts=()
        )
    mine = uow.agreements.get(ref)
    shared = {*package.known_states, package.state}
    base = next(
        ((label, snap) for h, _w, label, snap in _candidates(uow, ref) if h in shared), None
    )
    if base is None:
        raise NoSharedStateError(
            f"{read.file_name}: this store already has {ref!r} and shares no state with the "
            "package (no round or earlier package in common); merge it under another ref "
            "(`--as-ref NEW-REF`) to keep both"
        )
    label, base_agreement = base
    if not package.include_internal:
        base_agreement = without_internal(base_agreement)  # internal notes did not travel
    result = merge_agreements(base_agreement, mine, theirs, choices=choices, default=default)
    if not package.include_internal:  # my internal notes are not news to anyone here
        kept = tuple(s for s in result.kept if s.field not in INTERNAL_FIELDS)
        result = dataclasses.replace(result, kept=kept)
    views = _with_authors(result.conflicts, uow.exchanges.audit_entries(ref), package.audit)
    return _records_plan(
        uow,
        read,
        package,
        base_label=label,
        base=base_agreement,
        mine=mine,
        result=result,
        conflicts=views,
    )


def _records_plan(
    uow: UnitOfWork,
    read: ReadPackage,
    package: AgreementPackage,
    *,
    base_label: str | None,
    base: Agreement | None,
    mine: Agreement | None,
    result: MergeResult | None,
    conflicts: Sequence[ConflictView],
) -> MergePlan:
    ref = package.agreement.ref
    have_rounds = {round_identity(r) for r in uow.rounds.list(ref)}
    mine_meetings = {meeting_identity(m): m for m in uow.meetings.list(ref)}
    new_meetings = grown = 0
    for meeting in package.meetings:
        held = mine_meetings.get(meeting_identity(meeting))
        if held is None:
            new_meetings += 1
        elif merged_meeting(held, meeting, held.round_number) != held:
            grown += 1
    have_audit = {audit_identity(e) for e in uow.exchanges.audit_entries(ref)}
    return MergePlan(
        read=read,
        package=package,
        agreement_ref=ref,
        base_label=base_label,
        base=base,
        mine=mine,
        theirs=package.agreement,
        result=result,
        conflicts=tuple(conflicts),
        new_rounds=tuple(r for r in package.rounds if round_identity(r) not in have_rounds),
        new_meetings=new_meetings,
        grown_meetings=grown,
        new_audit=sum(audit_identity(e) not in have_audit for e in package.audit),
    )


def _write(uow: UnitOfWork, plan: MergePlan, officer: str) -> None:
    read, ref, package = plan.read, plan.agreement_ref, plan.package
    action = f"merge package {read.file_name}"
    have_audit = {audit_identity(e) for e in uow.exchanges.audit_entries(ref)}
    merged = plan.merged
    if plan.changes_agreement:
        uow.agreements.save(merged)
        uow.audit.record(ref, officer, action, diff_agreements(plan.mine, merged))
    numbers = _add_rounds(uow, plan, read.file_name)
    _add_meetings(uow, package, numbers)
    uow.exchanges.add_audit_entries(
        ref, (e for e in package.audit if audit_identity(e) not in have_audit)
    )
    uow.exchanges.record_state(
        ref, state_hash(plan.theirs), plan.theirs,
        direction="received", file_name=read.file_name, officer=officer,
    )  # fmt: skip
    counts = {
        "taken": len(plan.result.taken) if plan.result else 0,
        "kept": len(plan.result.kept) if plan.result else 0,
        "conflicts": len(plan.conflicts),
        "rounds": len(plan.new_rounds),
        "meetings": plan.new_meetings + plan.grown_meetings,
        "audit": plan.new_audit,
    }
    uow.import_batches.add(
        agreement_ref=ref,
        file_name=read.file_name,
        sha256=read.sha256,
        officer=officer,
        counts=json.dumps(counts),
        before_json=agreement_json(plan.mine) if plan.mine is not None else None,
        after_json=agreement_json(merged),
    )


def _add_rounds(uow: UnitOfWork, plan: MergePlan, file_name: str) -> dict[int, int]:
    """Their round numbers → mine, for every round of theirs this store holds after."""
    ref = plan.agreement_ref
    mine = {round_identity(r): r.number for r in uow.rounds.list(ref)}
    numbers: dict[int, int] = {}
    for taken in plan.package.rounds:
        identity = round_identity(taken)
        if identity not in mine:
            number = uow.rounds.next_number(ref)
            source = f"package {file_name} (round {taken.number} there)"
            uow.rounds.add(dataclasses.replace(taken, number=number, source=source))
            mine[identity] = number
        numbers[taken.number] = mine[identity]
    return numbers


def _add_meetings(uow: UnitOfWork, package: AgreementPackage, numbers: dict[int, int]) -> None:
    ref = package.agreement.ref
    held = {meeting_identity(m): m for m in uow.meetings.list(ref)}
    for meeting in package.meetings:
        number = numbers.get(meeting.round_number) if meeting.round_number else None
        mine = held.get(meeting_identity(meeting))
        if mine is None:
            uow.meetings.save(dataclasses.replace(meeting, id=None, round_number=number))
            continue
        grown = merged_meeting(mine, meeting, number)
        if grown != mine:
            uow.meetings.save(grown)


def _renamed(package: AgreementPackage, ref: str) -> AgreementPackage:
    """The package as if its agreement had ``ref`` (a merge under another ref)."""
    return dataclasses.replace(
        package,
        agreement=dataclasses.replace(package.agreement, ref=ref),
        rounds=tuple(
            dataclasses.replace(
                r, agreement_ref=ref, snapshot=dataclasses.replace(r.snapshot, ref=ref)
            )
            for r in package.rounds
        ),
        meetings=tuple(dataclasses.replace(m, agreement_ref=ref) for m in package.meetings),
        known_states=(),
    )


def _with_authors(
    conflicts: Sequence[Conflict], mine: Sequence[AuditEntry], theirs: Sequence[AuditEntry]
) -> tuple[ConflictView, ...]:
    return tuple(
        ConflictView(c, _author(mine, c.mine_entity, c.field), _author(theirs, c.theirs_entity, c.field))
        for c in conflicts
    )  # fmt: skip


def _author(trail: Sequence[AuditEntry], entity: str, field: str | None) -> Author | None:
    """Who made the latest change of that field (or, for a whole item, of the item)."""
    entity = entity or "agreement"
    for entry in reversed(trail):
        if entry.entity == entity and (field is None or entry.field == field):
            return Author(entry.officer, entry.at)
    return None
