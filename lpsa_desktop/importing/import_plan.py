"""What importing a return would do, worked out before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lpsa_desktop.domain.agreement import Agreement, Indicator
from lpsa_desktop.domain.delivery.outturns import OutturnEntry
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
    left_as_stored: tuple[str, ...] = ()
    """Stored values the file's blank cells leave alone ('target 2 / indicator 2 / actual')."""

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
            "left_as_stored": len(self.left_as_stored),
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
    outturns: tuple[OutturnEntry, ...] = ()
    """The Periods sheet's outturns for the plan's one agreement, checked against it."""
    outturn_changes: int = 0
    """How many of them are new or differ from the store."""

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
        return any(a.has_changes for a in self.agreements) or self.outturn_changes > 0


def summarise(
    ref: str,
    council: str,
    *,
    before: Agreement | None,
    after: Agreement,
    changes: list[Change],
    file_indicators: set[str],
    file_targets: set[str],
    left_as_stored: tuple[str, ...] = (),
) -> AgreementPlan:
    """Count what the plan adds, changes and leaves alone, indicator by indicator."""
    old_targets = {t.ref: t for t in before.targets} if before else {}
    old_indicators = {i.ref: i for t in (before.targets if before else ()) for i in t.indicators}
    in_file = [i for t in after.targets for i in t.indicators if i.ref in file_indicators]
    added, changed, same = _compared(in_file, old_indicators)
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
        indicators_not_in_file=_not_in_file(before, old_indicators, file_indicators, file_targets),
        left_as_stored=left_as_stored,
    )


def _compared(
    indicators: list[Indicator], old_indicators: dict[str, Indicator]
) -> tuple[list[str], list[str], list[str]]:
    """The refs of the indicators added, changed and left as they were."""
    if not old_indicators:  # a new agreement (the biggest imports): every one is added
        return [i.ref for i in indicators], [], []
    added, changed, same = [], [], []
    for indicator in indicators:
        old = old_indicators.get(indicator.ref)
        if old is None:
            added.append(indicator.ref)
        elif _differ(old, indicator):
            changed.append(indicator.ref)
        else:
            same.append(indicator.ref)
    return added, changed, same


def _differ(old: Indicator, new: Indicator) -> bool:
    """``old != new``, compared as the dataclass compares them (field by field, in field
    order) but without building two 17-field tuples first: a re-import compares 20,000."""
    return type(old) is not type(new) or old.__dict__ != new.__dict__


def _not_in_file(
    before: Agreement | None,
    old_indicators: dict[str, Indicator],
    file_indicators: set[str],
    file_targets: set[str],
) -> tuple[str, ...]:
    """Stored indicators of the file's targets that the file leaves out (few, if any: which
    target holds an indicator is looked up only for them)."""
    missing = [r for r in old_indicators if r not in file_indicators]
    if not missing or before is None:
        return ()
    target_of = {i.ref: t.ref for t in before.targets for i in t.indicators}
    return tuple(r for r in missing if target_of[r] in file_targets)
