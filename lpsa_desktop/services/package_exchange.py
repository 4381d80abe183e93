"""Exchange between laptops: export an agreement package, plan its merge, apply it.

The merge base is the newest state both stores hold: a state sent or received in an
earlier package (kept in ``exchanged_states``, matched by content hash), or a round both
hold (matched by identity). Applying is one transaction, recorded as an import batch
(``lpsa import-revert BATCH`` puts the agreement back whole); rounds, meetings and audit
entries are added as a union by identity.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable, Mapping, Sequence
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
    round_key,
)
from lpsa_desktop.domain.meetings import Meeting
from lpsa_desktop.domain.rounds import Round
from lpsa_desktop.domain.shared_state import state_hash, without_internal
from lpsa_desktop.domain.three_way import Conflict, MergeResult, Side, merge_agreements
from lpsa_desktop.errors import LpsaError
from lpsa_desktop.exchange.package import AgreementPackage, ReadPackage
from lpsa_desktop.exchange.parts import round_fields_to_dict, without_internal_data
from lpsa_desktop.exchange.writer import package_bytes, shared_only, write_package
from lpsa_desktop.exporting.identity import Identity
from lpsa_desktop.services.agreement_snapshots import agreement_json
from lpsa_desktop.storage.exchange_repository import RoundRecord
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


class _Held:
    """What this store holds of one agreement's record, each read at most once per
    transaction, rounds with their snapshots left as text: 20 rounds of 500 indicators
    take about 0.4 s to read into objects, and an exchange needs one at most (its base)."""

    def __init__(self, uow: UnitOfWork, ref: str) -> None:
        self._uow, self._ref = uow, ref
        self._records: list[RoundRecord] | None = None
        self._audit: list[AuditEntry] | None = None

    @property
    def records(self) -> list[RoundRecord]:
        if self._records is None:
            self._records = self._uow.exchanges.round_records(self._ref)
        return self._records

    @property
    def audit(self) -> list[AuditEntry]:
        if self._audit is None:
            self._audit = self._uow.exchanges.audit_entries(self._ref)
        return self._audit

    def meetings(self) -> list[Meeting]:
        return self._uow.meetings.list(self._ref)

    @staticmethod
    def identity(record: RoundRecord) -> str:
        return round_key(record.name, record.party.value, record.held_on, record.taken_at,
                         record.officer, internal=record.internal)  # fmt: skip

    def candidates(self) -> list[tuple[datetime, str, Callable[[], Agreement], tuple[str, str]]]:
        """Every state held of the agreement, newest first: (when, label, its snapshot
        when asked for, key). A state exchanged before is known by its content hash, a
        round by its identity, so no snapshot is read or hashed to find the base."""
        found: list[tuple[datetime, str, Callable[[], Agreement], tuple[str, str]]] = []
        for state in self._uow.exchanges.states(self._ref):
            label = (
                f"package {state.direction} {state.recorded_at:%d/%m/%Y %H:%M} ({state.file_name})"
            )
            found.append((state.recorded_at, label, state.snapshot, ("state", state.state_hash)))
        for record in self.records:
            label = f"round {record.number}: {record.name}"
            load = functools.partial(_snapshot_of, record, self._ref)
            found.append((record.taken_at, label, load, ("round", self.identity(record))))
        found.sort(key=lambda c: c[0], reverse=True)
        return found


def _snapshot_of(record: RoundRecord, ref: str) -> Agreement:
    return record.to_round(ref).snapshot


def _shared_keys(package: AgreementPackage) -> set[tuple[str, str]]:
    """What the sender holds: the states it exchanged, the state it sent, its rounds."""
    keys = {("state", h) for h in (*package.known_states, package.state)}
    return keys | {("round", round_identity(r)) for r in package.rounds}


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
        held = _Held(uow, agreement_ref)
        round_parts = [
            round_fields_to_dict(
                number=r.number, name=r.name, party=r.party, held_on=r.held_on,
                internal=r.internal, taken_at=r.taken_at, officer=r.officer, source=r.source,
                snapshot=r.snapshot_data() if include_internal
                else without_internal_data(r.snapshot_data()),
            )
            for r in held.records
            if include_internal or not r.internal
        ]  # fmt: skip
        draft = AgreementPackage(
            agreement=agreement,
            rounds=(),
            meetings=tuple(uow.meetings.list(agreement_ref)),
            audit=tuple(held.audit),
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
        known = tuple(key[1] for _w, _l, _s, key in held.candidates() if key[0] == "state")
        package = dataclasses.replace(package, known_states=known)
        data = package_bytes(
            package,
            round_parts=round_parts,
            key=identity.key if identity else None,
            certificate=identity.certificate if identity else None,
        )
        write_package(destination, data)
    return ExportedPackage(
        destination, agreement_ref, package.state, len(data), identity is not None,
        len(round_parts), len(package.meetings), not include_internal,
    )  # fmt: skip


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
        return _plan(uow, read, choices, default, as_ref)[0]


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
        plan, held = _plan(uow, read, choices, default, as_ref)
        if plan.unresolved:
            shown = ", ".join(c.conflict.address for c in plan.unresolved[:5])
            more = "…" if len(plan.unresolved) > 5 else ""
            raise UnresolvedConflictsError(
                f"{read.file_name}: {len(plan.unresolved)} conflict(s) need a choice "
                f"({shown}{more}); nothing was written"
            )
        if not plan.changes_nothing:
            _write(uow, plan, held, officer)
        return plan


def _plan(
    uow: UnitOfWork,
    read: ReadPackage,
    choices: Mapping[str, Side] | None,
    default: Side | None,
    as_ref: str | None,
) -> tuple[MergePlan, _Held]:
    package = _renamed(read.package, as_ref) if as_ref else read.package
    ref = package.agreement.ref
    theirs = package.agreement
    held = _Held(uow, ref)
    if not uow.agreements.exists(ref):
        return _records_plan(
            held, read, package, base_label=None, base=None, mine=None, result=None, conflicts=()
        ), held
    mine = uow.agreements.get(ref)
    shared = _shared_keys(package)
    base = next(
        ((label, snap) for _w, label, snap, key in held.candidates() if key in shared), None
    )
    if base is None:
        raise NoSharedStateError(
            f"{read.file_name}: this store already has {ref!r} and shares no state with the "
            "package (no round or earlier package in common); merge it under another ref "
            "(`--as-ref NEW-REF`) to keep both"
        )
    label, load_base = base
    base_agreement = load_base()
    if not package.include_internal:
        base_agreement = without_internal(base_agreement)  # internal notes did not travel
    result = merge_agreements(base_agreement, mine, theirs, choices=choices, default=default)
    if not package.include_internal:  # my internal notes are not news to anyone here
        kept = tuple(s for s in result.kept if s.field not in INTERNAL_FIELDS)
        result = dataclasses.replace(result, kept=kept)
    views = _with_authors(result.conflicts, held.audit, package.audit)
    plan = _records_plan(
        held,
        read,
        package,
        base_label=label,
        base=base_agreement,
        mine=mine,
        result=result,
        conflicts=views,
    )
    return plan, held


def _records_plan(
    held: _Held,
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
    have_rounds = {held.identity(r) for r in held.records}
    mine_meetings = {meeting_identity(m): m for m in held.meetings()}
    new_meetings = grown = 0
    for meeting in package.meetings:
        mine_meeting = mine_meetings.get(meeting_identity(meeting))
        if mine_meeting is None:
            new_meetings += 1
        elif merged_meeting(mine_meeting, meeting, mine_meeting.round_number) != mine_meeting:
            grown += 1
    have_audit = {audit_identity(e) for e in held.audit}
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


def _write(uow: UnitOfWork, plan: MergePlan, held: _Held, officer: str) -> None:
    read, ref, package = plan.read, plan.agreement_ref, plan.package
    action = f"merge package {read.file_name}"
    have_audit = {audit_identity(e) for e in held.audit}
    merged = plan.merged
    if plan.changes_agreement:
        uow.agreements.save(merged)
        uow.audit.record(ref, officer, action, diff_agreements(plan.mine, merged))
    numbers = _add_rounds(uow, plan, held, read.file_name)
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


def _add_rounds(uow: UnitOfWork, plan: MergePlan, held: _Held, file_name: str) -> dict[int, int]:
    """Their round numbers → mine, for every round of theirs this store holds after."""
    ref = plan.agreement_ref
    mine = {held.identity(r): r.number for r in held.records}
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
