"""An import plan as text a person can check in a meeting, and as JSON for scripts."""

from __future__ import annotations

from typing import Any

from lpsa_desktop.cli.formatting import clip
from lpsa_desktop.domain.display import change_text
from lpsa_desktop.importing.import_plan import AgreementPlan, ImportPlan
from lpsa_desktop.importing.issues import ImportIssue

MAX_CHANGES = 200
MAX_ISSUES = 100


def plan_text(plan: ImportPlan) -> str:
    lines = [f"Return {plan.file}  (SHA-256 {plan.sha256[:12]}…)"]
    if plan.ignored_sheets:
        lines.append(f"Sheets not read (guidance, notes, lists): {', '.join(plan.ignored_sheets)}")
    for earlier in plan.earlier_imports:
        lines.append(
            f"This file was imported before: batch {earlier.batch_id} into "
            f"{earlier.agreement_ref} on {earlier.imported_at}"
        )
    if plan.offered_mappings:
        names = ", ".join(plan.offered_mappings)
        lines.append(f"Saved column mapping for this layout: {names} (use --mapping NAME)")
    for part in plan.agreements:
        lines += ["", *_agreement_lines(part)]
    if plan.outturns:
        lines.append(
            f"  {'Outturns (Periods sheet):':<26}{len(plan.outturns):>6}  "
            f"({plan.outturn_changes} new or changed)"
        )
    lines += ["", *_issue_lines(plan)]
    return "\n".join(lines)


def _agreement_lines(part: AgreementPlan) -> list[str]:
    state = "new agreement" if part.is_new else "in the store"
    lines = [f"Agreement {part.ref}: {part.council} ({state})"]
    rows = [
        ("Targets to add", part.targets_added),
        ("Indicators to add", part.indicators_added),
        ("Indicators that change", part.indicators_changed),
        ("Freedoms to add", part.freedoms_added),
        ("Freedoms that change", part.freedoms_changed),
    ]
    for title, refs in rows:
        if refs:
            lines.append(f"  {title + ':':<26}{len(refs):>6}  {_refs(refs)}")
    lines.append(f"  {'Indicators unchanged:':<26}{len(part.indicators_unchanged):>6}")
    if part.targets_not_in_file or part.indicators_not_in_file:
        kept = [f"target {r}" for r in part.targets_not_in_file]
        kept += [f"indicator {r}" for r in part.indicators_not_in_file]
        lines.append(f"  In the store, not read from this file (kept as stored): {_refs(kept)}")
    if part.left_as_stored:
        lines.append(
            f"  {'Blank in the file, left as stored:':<34}{len(part.left_as_stored):>6}  "
            f"{_refs(part.left_as_stored, 6)} (--clear-blanks clears them)"
        )
    if not part.has_changes:
        lines.append("  No changes: the store already holds what this file says.")
    elif not part.is_new:
        lines.append("  Changes (old → new):")
        for change in part.changes[:MAX_CHANGES]:
            lines.append(f"    {clip(change_text(change, part.after), 140)}")
        if len(part.changes) > MAX_CHANGES:
            lines.append(f"    … and {len(part.changes) - MAX_CHANGES:,} more")
    return lines


def _refs(refs: tuple[str, ...] | list[str], shown: int = 12) -> str:
    text = ", ".join(refs[:shown])
    return text + (f", … ({len(refs) - shown:,} more)" if len(refs) > shown else "")


def _issue_lines(plan: ImportPlan) -> list[str]:
    errors, warnings = plan.errors, plan.warnings
    if not errors and not warnings:
        return ["No problems found."]
    lines = [f"Problems: {len(errors)} error(s), {len(warnings)} warning(s)"]
    for issue in [*errors, *warnings][:MAX_ISSUES]:
        lines.append(f"  {issue}")
    if len(errors) + len(warnings) > MAX_ISSUES:
        lines.append(f"  … and {len(errors) + len(warnings) - MAX_ISSUES:,} more (see --json)")
    if plan.rejected:
        lines.append(f"Rows refused: {len(plan.rejected)} (--rejects FILE writes them out)")
    return lines


def plan_json(plan: ImportPlan) -> dict[str, Any]:
    return {
        "file": plan.file,
        "sha256": plan.sha256,
        "agreements": [
            {
                "ref": p.ref,
                "council": p.council,
                "new": p.is_new,
                "counts": p.counts(),
                "targets_added": list(p.targets_added),
                "indicators_added": list(p.indicators_added),
                "indicators_changed": list(p.indicators_changed),
                "targets_not_in_file": list(p.targets_not_in_file),
                "indicators_not_in_file": list(p.indicators_not_in_file),
                "left_as_stored": list(p.left_as_stored),
                "changes": [
                    {
                        "kind": c.kind,
                        "entity": c.entity,
                        "field": c.field,
                        "old": c.old,
                        "new": c.new,
                    }
                    for c in (p.changes if not p.is_new else ())
                ],
            }
            for p in plan.agreements
        ],
        "errors": [_issue_json(i) for i in plan.errors],
        "warnings": [_issue_json(i) for i in plan.warnings],
        "rejected_rows": [
            {"sheet": r.sheet, "row": r.row + 1, "reasons": r.reasons} for r in plan.rejected
        ],
        "earlier_imports": [e.batch_id for e in plan.earlier_imports],
        "ignored_sheets": list(plan.ignored_sheets),
        "hidden_sheets": list(plan.hidden_sheets),
        "offered_mappings": list(plan.offered_mappings),
    }


def _issue_json(issue: ImportIssue) -> dict[str, Any]:
    return {
        "file": issue.file,
        "cell": issue.cell,
        "column": issue.header,
        "value": issue.value,
        "message": issue.message,
        "expected": issue.expected,
        "code": issue.code,
    }
