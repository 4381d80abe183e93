"""What importing a return would do, worked out before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.diff import Change
from lpsa_desktop.importing.cell_numbers import Raw
from lpsa_desktop.importing.issues import ImportIssue
from lpsa_desktop.importing.return_model import RejectedRow


@dataclass(frozen=True)
class AgreementPlan:
    """One agreement's part of a plan: its state before (None: new) and after."""

    ref: str
    council: str
    before: Agreement | None
    after: Agreement
    changes: tuple[Change, ...]
    targets_added: tuple[str, ...] = ()
    indicators_added: tuple[str, ...] = ()
    indicators_changed: tuple[str, ...] = ()
    indicators_unchanged: tuple[str, ...] = ()
    freedoms_added: tuple[str, ...] = ()
    freedoms_changed: tuple[str, ...] = ()
    targets_not_in_file: tuple[str, ...] = ()
    indicators_not_in_file: tuple[str, ...] = ()

    @property
    def is_new(self) -> bool:
        return self.before is None

    @property
    def has_changes(self) -> bool:
        return self.before is None or bool(self.changes)

    def counts(self) -> dict[str, int]:
        return {
            "targets_added": len(self.targets_added),
            "indicators_added": len(self.indicators_added),
            "indicators_changed": len(self.indicators_changed),
            "indicators_unchanged": len(self.indicators_unchanged),
            "freedoms_added": len(self.freedoms_added),
            "freedoms_changed": len(self.freedoms_changed),
            "fields_changed": sum(1 for c in self.changes if c.kind == "changed"),
            "targets_not_in_file": len(self.targets_not_in_file),
        }


@dataclass(frozen=True)
class EarlierImport:
    batch_id: int
    agreement_ref: str
    imported_at: str


@dataclass(frozen=True)
class ImportPlan:
    path: Path
    sha256: str
    agreements: tuple[AgreementPlan, ...]
    issues: tuple[ImportIssue, ...]
    rejected: tuple[RejectedRow, ...]
    headers: dict[str, list[Raw]] = field(default_factory=dict)
    """Sheet → its header row as written (for the rejects workbook)."""
    ignored_sheets: tuple[str, ...] = ()
    hidden_sheets: tuple[str, ...] = ()
    layout: str = ""
    column_mapping: dict[str, str] = field(default_factory=dict)
    offered_mappings: tuple[str, ...] = ()
    earlier_imports: tuple[EarlierImport, ...] = ()

    @property
    def file(self) -> str:
        return self.path.name

    @property
    def errors(self) -> list[ImportIssue]:
        return [i for i in self.issues if i.is_error]

    @property
    def warnings(self) -> list[ImportIssue]:
        return [i for i in self.issues if not i.is_error]

    @property
    def has_errors(self) -> bool:
        return any(i.is_error for i in self.issues)

    @property
    def has_changes(self) -> bool:
        return any(a.has_changes for a in self.agreements)


def summarise(
    ref: str,
    council: str,
    *,
    before: Agreement | None,
    after: Agreement,
    changes: list[Change],
    file_indicators: set[str],
    file_targets: set[str],
) -> AgreementPlan:
    """Count what the plan adds, changes and leaves alone, indicator by indicator."""
    old_targets = {t.ref: t for t in before.targets} if before else {}
    old_indicators = {i.ref: i for t in (before.targets if before else ()) for i in t.indicators}
    target_of = {i.ref: t.ref for t in (before.targets if before else ()) for i in t.indicators}
    added, changed, same = [], [], []
    for target in after.targets:
        for indicator in target.indicators:
            if indicator.ref not in file_indicators:
                continue
            old = old_indicators.get(indicator.ref)
            if old is None:
                added.append(indicator.ref)
            elif old != indicator:
                changed.append(indicator.ref)
            else:
                same.append(indicator.ref)
    old_freedoms = {f.ref: f for f in before.freedoms} if before else {}
    return AgreementPlan(
        ref=ref,
        council=council,
        before=before,
        after=after,
        changes=tuple(changes),
        targets_added=tuple(t.ref for t in after.targets if t.ref not in old_targets),
        indicators_added=tuple(added),
        indicators_changed=tuple(changed),
        indicators_unchanged=tuple(same),
        freedoms_added=tuple(f.ref for f in after.freedoms if f.ref not in old_freedoms),
        freedoms_changed=tuple(
            f.ref for f in after.freedoms if f.ref in old_freedoms and old_freedoms[f.ref] != f
        ),
        targets_not_in_file=tuple(r for r in old_targets if r not in file_targets),
        indicators_not_in_file=tuple(
            r for r in old_indicators if r not in file_indicators and target_of[r] in file_targets
        ),
    )
