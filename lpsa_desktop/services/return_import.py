"""Importing council returns: read a file into a plan against the store, then apply the
plan in one transaction with its import batch, or revert a batch whole.

The plan is made from the store as it is; applying checks that each agreement is still
what the plan started from, so a plan left open in the window cannot overwrite an edit
made meanwhile.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.diff import diff_agreements
from lpsa_desktop.domain.refs import make_agreement_ref
from lpsa_desktop.domain.rounds import Party
from lpsa_desktop.errors import NotFoundError
from lpsa_desktop.importing.council_return import read_return
from lpsa_desktop.importing.errors import ImportBlockedError, ImportRefusedError
from lpsa_desktop.importing.gc_pause import cycle_collector_paused
from lpsa_desktop.importing.import_plan import EarlierImport, ImportPlan, summarise
from lpsa_desktop.importing.return_merge import merge_return
from lpsa_desktop.importing.return_model import CouncilReturn
from lpsa_desktop.progress import Progress, ProgressCallback, ignore_progress
from lpsa_desktop.services.agreement_snapshots import agreement_json
from lpsa_desktop.services.column_mappings import mappings_for_layout
from lpsa_desktop.services.return_periods import apply_periods, plan_periods
from lpsa_desktop.services.rounds import take_round_in
from lpsa_desktop.services.store_backups import automatic_backup
from lpsa_desktop.storage.store import Store
from lpsa_desktop.storage.unit_of_work import UnitOfWork


def plan_import(
    store: Store,
    path: Path,
    *,
    agreement: str | None = None,
    overrides: Mapping[str, str] | None = None,
    clear_blanks: bool = False,
    progress: ProgressCallback = ignore_progress,
) -> ImportPlan:
    """Read ``path`` and work out what importing it would change. Writes nothing. A blank
    cell leaves the stored value as it is (listed as left as stored) unless ``clear_blanks``.
    ``progress`` hears the rows read of the Targets sheet's rows, then each agreement
    planned."""
    with cycle_collector_paused():
        return _plan(
            store,
            path,
            agreement=agreement,
            overrides=overrides,
            clear_blanks=clear_blanks,
            progress=progress,
        )


def _plan(
    store: Store,
    path: Path,
    *,
    agreement: str | None,
    overrides: Mapping[str, str] | None,
    clear_blanks: bool,
    progress: ProgressCallback,
) -> ImportPlan:
    ret = read_return(path, overrides=overrides, progress=progress)
    plans = []
    issues = ret.all_issues()
    rejected = list(ret.rejected)
    with store.unit_of_work() as uow:
        destinations = _destinations(uow, ret, agreement)
        for done, (council, ref) in enumerate(destinations):
            progress(_planning(ret.file, done, len(destinations)))
            current = uow.agreements.get(ref) if uow.agreements.exists(ref) else None
            merged = merge_return(ret, council, current, ref=ref, clear_blanks=clear_blanks)
            issues += merged.issues
            rejected += merged.rejected
            entries = [
                t
                for t in ret.targets_table.targets
                if council is None or t.council in (None, council)
            ]
            plans.append(
                summarise(
                    ref,
                    merged.agreement.lead_council.name,
                    before=current,
                    after=merged.agreement,
                    changes=diff_agreements(current, merged.agreement),
                    file_indicators={i.ref for t in entries for i in t.indicators}
                    | merged.matched_refs,
                    file_targets={t.ref for t in entries},
                    left_as_stored=tuple(merged.left_as_stored),
                )
            )
        progress(_planning(ret.file, len(destinations), len(destinations)))
        earlier = tuple(
            EarlierImport(b.id, b.agreement_ref, f"{b.imported_at:%d/%m/%Y %H:%M}")
            for b in uow.import_batches.with_sha256(ret.sha256)
            if b.reverted_at is None
        )
        outturns, outturn_changes, period_issues = (
            plan_periods(uow, ret.file, ret.periods, [(p.ref, p.after) for p in plans])
            if ret.periods
            else ((), 0, [])
        )
        issues += period_issues
    headers = {ret.targets_table.sheet: ret.targets_table.header}
    if ret.freedoms_table:
        headers[ret.freedoms_table.sheet] = ret.freedoms_table.header
    return ImportPlan(
        path=path,
        sha256=ret.sha256,
        agreements=tuple(plans),
        issues=tuple(sorted(issues, key=lambda i: not i.is_error)),
        rejected=tuple(sorted(rejected, key=lambda r: (r.sheet, r.row))),
        headers=headers,
        ignored_sheets=tuple(ret.ignored_sheets),
        hidden_sheets=tuple(ret.hidden_sheets),
        layout=ret.saved_mapping_layout,
        column_mapping=ret.targets_table.mapping.as_overrides(),
        offered_mappings=tuple(mappings_for_layout(store, ret.saved_mapping_layout)),
        earlier_imports=earlier,
        outturns=outturns,
        outturn_changes=outturn_changes,
    )


def _planning(file: str, done: int, total: int) -> Progress:
    return Progress("planning", done, total, f"Planning {file}: agreement {done:,} of {total:,}")


def _destinations(
    uow: UnitOfWork, ret: CouncilReturn, agreement: str | None
) -> list[tuple[str | None, str]]:
    """(council whose rows go there or None for all rows, agreement ref) for each agreement."""
    councils = sorted({t.council for t in ret.targets_table.targets if t.council})
    if agreement is not None:
        if len(councils) > 1:
            raise ImportRefusedError(
                ret.file,
                f"covers {len(councils)} councils ({', '.join(councils)}): import it "
                "without --agreement so that each goes to its own agreement",
            )
        return [(None, uow.agreements.resolve(agreement))]
    if ret.agreement.ref and uow.agreements.exists(ret.agreement.ref) and len(councils) <= 1:
        return [(None, ret.agreement.ref)]
    names = councils or ([ret.agreement.council] if ret.agreement.council else [])
    if not names:
        raise ImportRefusedError(
            ret.file,
            "names no council (no Council on an Agreement sheet, no Council column): "
            "say which agreement it is for with --agreement",
        )
    taken = uow.agreements.refs()
    destinations: list[tuple[str | None, str]] = []
    for name in names:
        try:
            ref = uow.agreements.resolve(name)
        except NotFoundError:
            generation = ret.agreement.generation.value if ret.agreement.generation else "LPSA1"
            ref = make_agreement_ref(name, generation, taken)
            if len(names) == 1 and ret.agreement.ref and ret.agreement.ref not in taken:
                ref = ret.agreement.ref  # a template keeps its agreement's ref in a new store
            taken.add(ref)
        destinations.append((name if len(names) > 1 or councils else None, ref))
    return destinations


@dataclass(frozen=True)
class RoundRequest:
    """Record the imported position as a negotiation round (e.g. "Council proposal 2")."""

    name: str
    party: Party = Party.COUNCIL
    internal: bool = False


def apply_plan(
    store: Store,
    plan: ImportPlan,
    *,
    officer: str,
    accept_rejects: bool = False,
    record_round: RoundRequest | None = None,
) -> list[int]:
    """Write the plan in one transaction, one import batch per agreement it changes;
    returns the batch ids (none when the store already holds everything). With
    ``record_round``, each agreement the file touches also gets a round of its new state,
    in the same transaction."""
    if plan.has_errors and not accept_rejects:
        raise ImportBlockedError(
            f"{plan.file}: {len(plan.errors)} error(s): nothing was written. Correct the "
            "file (--rejects lists the refused rows) and import it again"
        )
    batches: list[int] = []
    if any(part.has_changes for part in plan.agreements):
        # A checked copy first: an import is the largest change an officer makes at once.
        automatic_backup(store, reason="import")
    with store.unit_of_work(write=True) as uow:
        for part in plan.agreements:
            if not part.has_changes:
                continue
            current = uow.agreements.get(part.ref) if uow.agreements.exists(part.ref) else None
            if current != part.before:
                raise ImportBlockedError(
                    f"{plan.file}: agreement {part.ref} changed since this plan was made; "
                    "nothing was written: read the return again"
                )
            batch = uow.import_batches.add(
                agreement_ref=part.ref,
                file_name=plan.file,
                sha256=plan.sha256,
                officer=officer,
                counts=_counts_json(part.counts(), len(plan.rejected)),
                before_json=agreement_json(current) if current else None,
                after_json=agreement_json(part.after),
            )
            action = f"import {plan.file} (batch {batch}, SHA-256 {plan.sha256[:12]})"
            _write(uow, part.after, current, officer=officer, action=action)
            batches.append(batch)
            if record_round is not None:
                take_round_in(
                    uow,
                    part.ref,
                    name=record_round.name,
                    party=record_round.party,
                    officer=officer,
                    internal=record_round.internal,
                    source=f"import {plan.file}",
                )
        apply_periods(uow, plan, officer=officer, action=f"import {plan.file} (Periods sheet)")
    return batches


def _write(
    uow: UnitOfWork, after: Agreement, before: Agreement | None, *, officer: str, action: str
) -> None:
    if before is None:
        uow.new_agreements.insert(after)  # multi-row inserts: seconds faster on a big return
    else:
        uow.agreements.save(after)
    uow.audit.record(after.ref, officer, action, diff_agreements(before, after))


def _counts_json(counts: dict[str, int], rejected: int) -> str:
    return json.dumps({**counts, "rows_rejected": rejected})
