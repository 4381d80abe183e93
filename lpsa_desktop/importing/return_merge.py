"""A return laid over the agreement the store holds (or a new one): what the file gives
replaces, what it leaves out stays, nothing is deleted. Indicators the domain rules refuse
(no real stretch, a percentage over 100) are left out and sent to the rejects."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from lpsa_desktop.domain.agreement import (
    Agreement,
    Council,
    FreedomRequest,
    Indicator,
    Target,
)
from lpsa_desktop.domain.enums import Direction, Generation, Severity, Unit
from lpsa_desktop.importing.blank_cells import BlankCells
from lpsa_desktop.importing.errors import ImportRefusedError
from lpsa_desktop.importing.indicator_checks import IndicatorChecker
from lpsa_desktop.importing.issues import ImportIssue
from lpsa_desktop.importing.return_model import CouncilReturn, RejectedRow, TargetEntry

_FREEDOM_FIELDS = {f.name for f in dataclasses.fields(FreedomRequest)}
_NEVER_EMPTY = ("unit", "direction", "decimals")
"""Fields an empty cell cannot clear: the stored (or default) value stays."""
_NEW_INDICATOR: dict[str, Any] = {
    f.name: None if f.name in ("ref", "description") else f.default
    for f in dataclasses.fields(Indicator)
}
"""A new indicator's state before the row is laid over it, in field order (as
``__init__`` lays it out)."""
_NEW_TARGET: dict[str, Any] = {
    f.name: None if f.name == "ref" else "" if f.name == "title" else f.default
    for f in dataclasses.fields(Target)
}
"""The same for a new target (a return may leave its title out)."""
assert not hasattr(Target, "__post_init__"), "_target_made would skip it"


@dataclasses.dataclass
class MergeResult:
    agreement: Agreement
    issues: list[ImportIssue]
    rejected: list[RejectedRow]
    matched_refs: set[str] = dataclasses.field(default_factory=set)
    """Stored refs of indicators the file's rows named only by their target's ref."""
    left_as_stored: list[str] = dataclasses.field(default_factory=list)
    """Stored values a blank cell left alone ('target 2 / indicator 2 / actual')."""


def merge_return(
    ret: CouncilReturn,
    council: str | None,
    current: Agreement | None,
    *,
    ref: str,
    clear_blanks: bool = False,
) -> MergeResult:
    """The agreement ``ref`` after laying over it the rows of ``council`` (None: all rows).
    A blank cell leaves the stored value as it is unless ``clear_blanks``."""
    blanks = BlankCells(clear=clear_blanks)
    checker = IndicatorChecker(ret.file, ret.targets_table)
    blanks.columns = {name: column for name, (column, _header) in checker.columns.items()}
    base = current or _new_agreement(ret, council, ref, checker.issues)
    base = _agreement_fields(ret, council, base, current is None)
    by_ref = {t.ref: t for t in base.targets}
    targets = list(base.targets)
    positions = {t.ref: i for i, t in enumerate(targets)}
    places = _PlacesShown()
    matched: set[str] = set()
    for entry in ret.targets_table.targets:
        if council is not None and entry.council not in (None, council):
            continue
        merged = _merge_target(
            entry, by_ref.get(entry.ref), checker, places, matched=matched, blanks=blanks
        )
        if merged is None:
            continue
        if entry.ref in positions:
            targets[positions[entry.ref]] = merged
        else:
            positions[entry.ref] = len(targets)
            targets.append(merged)
    freedoms = _merge_freedoms(ret, council, base.freedoms, blanks)
    agreement = dataclasses.replace(base, targets=tuple(targets), freedoms=freedoms)
    return MergeResult(agreement, checker.issues, checker.rejected, matched, blanks.kept)


def _new_agreement(
    ret: CouncilReturn, council: str | None, ref: str, issues: list[ImportIssue]
) -> Agreement:
    fields = ret.agreement
    name = council or fields.council
    missing = [
        label
        for label, value in (
            ("council", name),
            ("start", fields.period_start),
            ("end", fields.period_end),
        )
        if value is None
    ]
    if missing:
        raise ImportRefusedError(
            ret.file,
            f"the return is for an agreement the store does not hold, and gives no "
            f"{' or '.join(missing)} on its Agreement sheet to create it: add them, or import "
            "into an existing agreement with --agreement",
        )
    assert name is not None and fields.period_start is not None and fields.period_end is not None
    if fields.generation is None:
        issues.append(
            ImportIssue(
                Severity.WARNING,
                ret.file,
                "no generation given: taken as LPSA1",
                sheet=ret.agreement_sheet,
                code="generation_default",
            )
        )
    return Agreement(
        ref=ref,
        title=fields.title or f"{name} LPSA",
        generation=fields.generation or Generation.LPSA1,
        councils=(Council(name),),
        period_start=fields.period_start,
        period_end=fields.period_end,
    )


def _agreement_fields(
    ret: CouncilReturn, council: str | None, base: Agreement, new: bool
) -> Agreement:
    fields = ret.agreement
    if council is not None and fields.council not in (None, council):
        return base  # the Agreement sheet speaks for another council of the workbook
    changes: dict[str, Any] = {
        name: getattr(fields, name)
        for name in (
            "title",
            "generation",
            "period_start",
            "period_end",
            "net_budget_requirement",
            "reward_rate",
            "pump_priming_grant",
        )
        if getattr(fields, name) is not None
    }
    lead = base.lead_council
    lead = dataclasses.replace(
        lead,
        code=fields.council_code if fields.council_code is not None else lead.code,
        population=fields.population if fields.population is not None else lead.population,
    )
    changes["councils"] = (lead, *base.councils[1:])
    return dataclasses.replace(base, **changes)


def _merge_target(
    entry: TargetEntry,
    existing: Target | None,
    checker: IndicatorChecker,
    places: _PlacesShown,
    *,
    matched: set[str],
    blanks: BlankCells,
) -> Target | None:
    title = entry.values.get("title") or (existing.title if existing else "")
    indicators = list(existing.indicators) if existing else []
    positions = {i.ref: n for n, i in enumerate(indicators)}
    accept = checker.accept
    for row in entry.indicators:
        at = positions.get(row.ref)
        if at is None and row.ref == entry.ref and indicators:
            at = _own_indicator_of(entry, indicators, checker)
            if at is None:
                continue
            matched.add(indicators[at].ref)
        old = None if at is None else indicators[at]
        merged = _merge_indicator(row.values, row.ref, old, title, places)
        if old is not None and _has_blank(row.values):
            entity = f"target {entry.ref} / indicator {old.ref}"
            blanks.lay_row(entity, merged.__dict__, row.values, old, row.raw)
        if not accept(entry.ref, row, merged, old):
            continue
        if at is None:
            positions[row.ref] = len(indicators)
            indicators.append(merged)
        else:
            indicators[at] = merged
    if entry.indicators and not checker.accepted_any(entry.ref):
        # Every row of the target was refused: its target-level cells came from those rows.
        return existing
    return _target_made(entry, existing, tuple(indicators), blanks)


def _has_blank(values: dict[str, Any]) -> bool:
    """Whether a row has a blank cell (rare in a return: most rows are full)."""
    held = values.values()
    return None in held or "" in held


def _own_indicator_of(
    entry: TargetEntry, stored: list[Indicator], checker: IndicatorChecker
) -> int | None:
    """The stored indicator a row holding only its target's ref stands for ('2', or a blank
    sub-target, on target 2's row): the target's only indicator, whatever its stored ref
    (an older import may have called it 2a or 2.2), so that a re-import never plans a second
    copy of it. When the stored target has several, the row could be any of them: it is
    refused, naming them (None)."""
    if len(stored) == 1 and len(entry.indicators) == 1:
        return 0
    row = entry.indicators[0] if len(entry.indicators) == 1 else None
    row = next(r for r in entry.indicators if r.ref == entry.ref) if row is None else row
    refs = ", ".join(i.ref for i in stored)
    checker.refuse(
        row,
        f"target {entry.ref} holds indicators {refs} in the store and this row gives only "
        f"the target's ref: say which indicator it is in the Sub-target column",
    )
    return None


def _target_made(
    entry: TargetEntry,
    existing: Target | None,
    indicators: tuple[Indicator, ...],
    blanks: BlankCells,
) -> Target:
    """The target with the entry's values laid over ``existing`` (None: a new one), made
    as ``_merge_indicator`` makes an indicator: the frozen ``__init__`` would set its 13
    fields one ``object.__setattr__`` at a time (2 µs; a big return has 4,000 targets)."""
    values = entry.values
    made = object.__new__(Target)
    state = made.__dict__
    state.update(_NEW_TARGET if existing is None else existing.__dict__)
    state.update(values)
    if existing is None:
        state["ref"] = entry.ref
    else:
        blanks.lay_target(state, entry, existing)
    state["indicators"] = indicators
    if "reserve" in values:
        state["reserve"] = bool(state["reserve"])
    if len(state) != len(_NEW_TARGET) or "ref" in values or "indicators" in values:
        return _target_made_plainly(entry, existing, indicators)
    return made


def _target_made_plainly(
    entry: TargetEntry, existing: Target | None, indicators: tuple[Indicator, ...]
) -> Target:
    """The dataclass's own way, for values no return gives (a ref, an unknown field): it
    raises its usual TypeError, or replaces the ref as ``dataclasses.replace`` does."""
    values = {"title": "", **entry.values} if existing is None else dict(entry.values)
    if "reserve" in values:
        values["reserve"] = bool(values["reserve"])
    if existing is None:
        return Target(ref=entry.ref, indicators=indicators, **values)
    return dataclasses.replace(existing, indicators=indicators, **values)


def _merge_indicator(
    values: dict[str, Any], ref: str, old: Indicator | None, title: str, places: _PlacesShown
) -> Indicator:
    """The indicator a row makes, laid over ``old`` (None: a new one with the defaults).

    Built as ``indicator_from_fields`` builds one, but with its state filled in place: the
    row's values are copied once, straight into the new indicator (a big return has
    20,000 rows, and every copy is made and freed again)."""
    made = object.__new__(Indicator)
    state = made.__dict__
    if old is not None:
        state.update(old.__dict__)
        state.update(values)
        for name in _NEVER_EMPTY:  # rarely empty: the stored value stays when they are
            if state[name] is None:
                state[name] = getattr(old, name)
    else:
        state.update(_NEW_INDICATOR)
        state.update(values)
        state["ref"] = ref
        state["description"] = state["description"] or title
        if state["unit"] is None:
            state["unit"] = Unit.COUNT
        if values.get("direction") is None:
            state["direction"] = _inferred_direction(state)
        if values.get("decimals") is None:
            state["decimals"] = places.of(state["baseline"], state["with_"])
    if len(state) != len(_NEW_INDICATOR):  # a field Indicator does not have
        return Indicator(**state)  # raises the usual TypeError
    return made


def _inferred_direction(values: dict[str, Any]) -> Direction:
    without, with_ = values.get("without"), values.get("with_")
    if without is not None and with_ is not None and with_ < without:
        return Direction.LOWER
    return Direction.HIGHER


class _PlacesShown(dict[str, int]):
    """Decimal places a new indicator shows are as many as its baseline or target has (at
    most 3); the other values follow them in a real return. Counted once per text of a
    value (a return repeats its values), looked up by the text: 1.0 and 1.00 are equal
    Decimals with one hash, but show one and two places."""

    def of(self, baseline: Decimal | None, with_: Decimal | None) -> int:
        places = 0 if baseline is None else self[str(baseline)]
        other = 0 if with_ is None else self[str(with_)]
        places = other if other > places else places  # not max() nor min(): they cost
        return places if places < 3 else 3  # 0.1 µs each, and this runs for every row

    def __missing__(self, text: str) -> int:
        point = text.find(".")
        self[text] = places = 0 if point < 0 or "E" in text else len(text) - point - 1
        return places


def _merge_freedoms(
    ret: CouncilReturn,
    council: str | None,
    current: tuple[FreedomRequest, ...],
    blanks: BlankCells,
) -> tuple[FreedomRequest, ...]:
    if ret.freedoms_table is None:
        return current
    freedoms = list(current)
    positions = {f.ref: i for i, f in enumerate(freedoms)}
    for entry in ret.freedoms_table.freedoms:
        if council is not None and entry.council not in (None, council):
            continue
        values = {k: v for k, v in entry.values.items() if k in _FREEDOM_FIELDS}
        if entry.ref in positions:
            old = freedoms[positions[entry.ref]]
            state = {**old.__dict__, **values}
            blanks.lay_values(f"freedom {entry.ref}", state, values, old)
            freedoms[positions[entry.ref]] = dataclasses.replace(
                old, **{name: state[name] for name in values}
            )
        else:
            values.setdefault("description", "")
            positions[entry.ref] = len(freedoms)
            freedoms.append(FreedomRequest(ref=entry.ref, **values))
    return tuple(freedoms)
