"""Three-way merge of an agreement: the shared base, my state and theirs.

The rule (the one edits between officers follow): a field changed on one side only since
the base takes that side's value; a field changed on both sides to different values is a
conflict, shown with the base and both values, and resolved only by a stated choice.
Nothing is overwritten unseen.

Structure merges by the same rule. Items are matched by identity, not position: a target
renumbered on one side (matched as ``comparison`` matches renumbered targets) is the same
item on both, its ``ref`` one more field; an indicator's parent target is its field
``target``, so moving an indicator is a field change too. An item removed on one side and
changed on the other is a conflict of the whole item.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from lpsa_desktop.domain.agreement import Agreement, FreedomRequest, Indicator, Target
from lpsa_desktop.domain.comparison import match_renumbered_targets, renumber
from lpsa_desktop.domain.diff import value_text
from lpsa_desktop.errors import LpsaError

_REMOVED = "(removed)"
_PARENT = "target"  # the indicator's field naming its target (a key while merging)


class Side(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"


class MergeClashError(LpsaError):
    """Both sides gave one ref to two different items: the merge cannot place both."""


@dataclass(frozen=True)
class MergeStep:
    """One change that one side made and the merge takes (or keeps)."""

    address: str
    entity: str
    """As the audit trail names it: 'target 3 / indicator 3a', '' for the agreement."""
    field: str | None
    old: str | None
    new: str | None


@dataclass(frozen=True)
class Conflict:
    """A field (or a whole item) changed on both sides to different values."""

    address: str
    """'indicator:3a.with', 'target:3.title', 'agreement.title', or 'target:3' (whole item)."""
    mine_entity: str
    theirs_entity: str
    field: str | None
    base: str | None
    mine: str | None
    theirs: str | None
    chosen: Side | None = None


@dataclass(frozen=True)
class MergeResult:
    merged: Agreement
    """With unresolved conflicts kept as mine (a preview; never applied while any remain)."""
    taken: tuple[MergeStep, ...]
    """Changes made on their side only: taken."""
    kept: tuple[MergeStep, ...]
    """Changes made on my side only: kept."""
    conflicts: tuple[Conflict, ...]

    @property
    def unresolved(self) -> tuple[Conflict, ...]:
        return tuple(c for c in self.conflicts if c.chosen is None)


ItemKey = tuple[str, str]  # (kind, identity): ('target', base ref or own ref), ...


@dataclass
class _View:
    """One side's items in the base's naming: fields by item, and the items' order."""

    items: dict[ItemKey, dict[str, Any]]
    refs: dict[ItemKey, str]
    order: list[ItemKey]


def merge_agreements(
    base: Agreement,
    mine: Agreement,
    theirs: Agreement,
    *,
    choices: Mapping[str, Side] | None = None,
    default: Side | None = None,
) -> MergeResult:
    """Merge ``theirs`` into ``mine`` against ``base``; ``choices`` (by conflict address)
    and ``default`` resolve conflicts. Raises MergeClashError if the result would give one
    ref to two targets or indicators."""
    return _Merge(base, mine, theirs, dict(choices or {}), default).run()


class _Merge:
    def __init__(
        self,
        base: Agreement,
        mine: Agreement,
        theirs: Agreement,
        choices: dict[str, Side],
        default: Side | None,
    ) -> None:
        self.base = _view(base, base)
        self.mine = _view(mine, base)
        self.theirs = _view(theirs, base)
        self.agreements = (base, mine, theirs)
        self.choices = choices
        self.default = default
        self.taken: list[MergeStep] = []
        self.kept: list[MergeStep] = []
        self.conflicts: list[Conflict] = []
        self.result: dict[ItemKey, dict[str, Any]] = {}
        self.gone: set[ItemKey] = set()
        """Indicators that go with a target removed by the merge (its conflict was shown)."""

    def run(self) -> MergeResult:
        self._merge_kind("agreement")
        self._merge_kind("target")
        self._fill_indicators_of_surviving_targets()
        self._merge_kind("indicator")
        self._merge_kind("freedom")
        merged = self._build()
        return MergeResult(merged, tuple(self.taken), tuple(self.kept), tuple(self.conflicts))

    # --- items ---------------------------------------------------------------------------

    def _merge_kind(self, kind: str) -> None:
        keys = _ordered(kind, self.mine.order, self.theirs.order, self.base.order)
        for key in keys:
            if key in self.gone:
                continue
            base, mine, theirs = (v.items.get(key) for v in (self.base, self.mine, self.theirs))
            outcome = self._merge_item(key, base, mine, theirs)
            if outcome is not None:
                self.result[key] = outcome

    def _merge_item(
        self,
        key: ItemKey,
        base: dict[str, Any] | None,
        mine: dict[str, Any] | None,
        theirs: dict[str, Any] | None,
    ) -> dict[str, Any] | None:
        if mine is None and theirs is None:
            return None
        if base is not None and (mine is None or theirs is None):
            return self._removed_on_one_side(key, base, mine, theirs)
        if mine is None or theirs is None:  # added on one side only
            added = mine if theirs is None else theirs
            assert added is not None
            step = MergeStep(self._address(key), self._entity(key, added), None, None, "added")
            (self.kept if theirs is None else self.taken).append(step)
            return dict(added)
        merged: dict[str, Any] = {}
        for name in mine:
            merged[name] = self._merge_field(
                key, name, base.get(name) if base else _ABSENT, mine[name], theirs[name]
            )
        return merged

    def _removed_on_one_side(
        self,
        key: ItemKey,
        base: dict[str, Any],
        mine: dict[str, Any] | None,
        theirs: dict[str, Any] | None,
    ) -> dict[str, Any] | None:
        present = mine if mine is not None else theirs
        assert present is not None
        side_kept = self.mine if mine is not None else self.theirs
        if not self._changed_since_base(key, side_kept):
            step = MergeStep(self._address(key), self._entity(key, base), None, None, _REMOVED)
            (self.kept if mine is None else self.taken).append(step)
            return None
        conflict = Conflict(
            address=self._address(key),
            mine_entity=self._entity(key, mine or base),
            theirs_entity=self._entity(key, theirs or base),
            field=None,
            base=_summary(key, base),
            mine=_REMOVED if mine is None else f"changed: {_summary(key, mine)}",
            theirs=_REMOVED if theirs is None else f"changed: {_summary(key, theirs)}",
            chosen=self._choice(self._address(key)),
        )
        self.conflicts.append(conflict)
        pick = theirs if conflict.chosen is Side.THEIRS else mine
        return None if pick is None else dict(pick)

    def _changed_since_base(self, key: ItemKey, side: _View) -> bool:
        """Whether the item (a target: with its indicators) differs from the base on ``side``."""
        if side.items.get(key) != self.base.items.get(key):
            return True
        if key[0] != "target":
            return False
        owned = {k for v in (self.base, side) for k, f in v.items.items() if _owner(k, f) == key[1]}
        return any(side.items.get(k) != self.base.items.get(k) for k in owned)

    def _merge_field(self, key: ItemKey, name: str, base: Any, mine: Any, theirs: Any) -> Any:
        if mine == theirs:
            return mine
        address = self._address(key, name)
        entity_mine = self._entity(key, self.mine.items.get(key))
        if base is not _ABSENT and mine == base:
            self.taken.append(
                MergeStep(address, entity_mine, _field_label(name),
                          self._text(name, base), self._text(name, theirs))
            )  # fmt: skip
            return theirs
        if base is not _ABSENT and theirs == base:
            self.kept.append(
                MergeStep(address, entity_mine, _field_label(name),
                          self._text(name, base), self._text(name, mine))
            )  # fmt: skip
            return mine
        conflict = Conflict(
            address=address,
            mine_entity=entity_mine,
            theirs_entity=self._entity(key, self.theirs.items.get(key)),
            field=_field_label(name),
            base=None if base is _ABSENT else self._text(name, base),
            mine=self._text(name, mine),
            theirs=self._text(name, theirs),
            chosen=self._choice(address),
        )
        self.conflicts.append(conflict)
        return theirs if conflict.chosen is Side.THEIRS else mine

    def _choice(self, address: str) -> Side | None:
        return self.choices.get(address, self.default)

    def _fill_indicators_of_surviving_targets(self) -> None:
        """A side that removed a whole target removed its indicators with it. Where the
        target survives the merge (the other side's changes were chosen), that side's
        indicators count as unchanged, so the other side's versions are taken; where it
        does not, they go with it (the conflict was shown for the target)."""
        for side, other in ((self.mine, self.theirs), (self.theirs, self.mine)):
            for key, fields_ in self.base.items.items():
                if key[0] != "indicator" or key in side.items:
                    continue
                target = ("target", fields_[_PARENT])
                if target in side.items:
                    continue  # removed on its own, not with its target
                if target in self.result:
                    side.items[key] = dict(fields_)
                    side.refs[key] = self.base.refs[key]
                elif key not in other.items or other.items[key][_PARENT] == target[1]:
                    self.gone.add(key)

    # --- the result ----------------------------------------------------------------------

    def _build(self) -> Agreement:
        mine = self.agreements[1]
        top = self.result[("agreement", "")]
        target_keys = [k for k in self.result if k[0] == "target"]
        target_refs = {k[1]: self.result[k]["ref"] for k in target_keys}
        _refuse_duplicates("target", [target_refs[k[1]] for k in target_keys])
        indicator_keys = [
            k for k in self.result if k[0] == "indicator" and self.result[k][_PARENT] in target_refs
        ]
        _refuse_duplicates("indicator", [self.result[k]["ref"] for k in indicator_keys])
        targets = []
        for key in target_keys:
            values = dict(self.result[key])
            indicators = tuple(
                Indicator(**{n: v for n, v in self.result[k].items() if n != _PARENT})
                for k in indicator_keys
                if self.result[k][_PARENT] == key[1]
            )
            targets.append(Target(**values, indicators=indicators))
        freedoms = []
        for key in (k for k in self.result if k[0] == "freedom"):
            values = dict(self.result[key])
            # a link to a target that is gone stays as written: validation reports it
            values["targets"] = tuple(
                target_refs.get(t) or self._target_ref(t) for t in values["targets"]
            )
            freedoms.append(FreedomRequest(**values))
        return dataclasses.replace(mine, **top, targets=tuple(targets), freedoms=tuple(freedoms))

    # --- naming --------------------------------------------------------------------------

    def _ref(self, key: ItemKey) -> str:
        for view in (self.mine, self.theirs, self.base):
            if key in view.refs:
                return view.refs[key]
        return key[1]

    def _address(self, key: ItemKey, name: str | None = None) -> str:
        kind = key[0]
        where = "agreement" if kind == "agreement" else f"{kind}:{self._ref(key)}"
        return where if name is None else f"{where}.{_field_label(name)}"

    def _entity(self, key: ItemKey, item: dict[str, Any] | None) -> str:
        """The item as the audit trail names it, in the naming of the side it came from."""
        kind = key[0]
        if kind == "agreement":
            return ""
        ref = item["ref"] if item else self._ref(key)
        if kind == "indicator":
            parent = item[_PARENT] if item else key[1]
            return f"target {self._target_ref(parent)} / indicator {ref}"
        return f"{kind} {ref}"

    def _target_ref(self, target_key: str) -> str:
        return self._ref(("target", target_key))

    def _text(self, name: str, value: Any) -> str | None:
        if name == _PARENT:
            return f"target {self._target_ref(value)}"
        if name == "targets":
            return value_text(tuple(self._target_ref(k) for k in value))
        return value_text(value)


class _Absent:
    def __repr__(self) -> str:
        return "absent"


_ABSENT: Any = _Absent()


def _field_label(name: str) -> str:
    return name.rstrip("_")


def _owner(key: ItemKey, item: dict[str, Any]) -> str | None:
    return item.get(_PARENT) if key[0] == "indicator" else None


def _summary(key: ItemKey, item: dict[str, Any]) -> str:
    return str(item.get("title") or item.get("description") or item.get("ref") or key[1])


def _ordered(kind: str, *orders: Iterable[ItemKey]) -> list[ItemKey]:
    """Keys of ``kind`` in my order, then theirs' new ones, then the base's (removed)."""
    seen: dict[ItemKey, None] = {}
    for order in orders:
        for key in order:
            if key[0] == kind:
                seen.setdefault(key, None)
    return list(seen)


def _refuse_duplicates(kind: str, refs: list[str]) -> None:
    seen: set[str] = set()
    for ref in refs:
        if ref in seen:
            raise MergeClashError(
                f"both sides use {kind} ref {ref!r} for different {kind}s: renumber one on "
                "this laptop, then merge again"
            )
        seen.add(ref)


def _scalars(item: object, skipped: frozenset[str]) -> dict[str, Any]:
    return {f.name: getattr(item, f.name) for f in fields(item) if f.name not in skipped}  # type: ignore[arg-type]


_AGREEMENT_SKIPPED = frozenset({"ref", "targets", "freedoms"})
_TARGET_SKIPPED = frozenset({"indicators"})


def _view(side: Agreement, base: Agreement) -> _View:
    """``side``'s items keyed by their identity in ``base``: a renumbered target (and the
    indicators that followed it) keeps its base ref as its key."""
    renumbering = match_renumbered_targets(base, side) if side is not base else {}
    target_key = {new: old for old, new in renumbering.items()}
    indicator_key: dict[str, str] = {}
    if renumbering:
        aligned = renumber(base, renumbering, side)
        for before, after in zip(base.targets, aligned.targets, strict=True):
            for old, new in zip(before.indicators, after.indicators, strict=True):
                if old.ref != new.ref:
                    indicator_key[new.ref] = old.ref
    view = _View({}, {}, [])
    view.items[("agreement", "")] = _scalars(side, _AGREEMENT_SKIPPED)
    view.order.append(("agreement", ""))
    for target in side.targets:
        key = ("target", target_key.get(target.ref, target.ref))
        view.items[key] = _scalars(target, _TARGET_SKIPPED)
        view.refs[key] = target.ref
        view.order.append(key)
        for indicator in target.indicators:
            ikey = ("indicator", indicator_key.get(indicator.ref, indicator.ref))
            values = _scalars(indicator, frozenset())
            values[_PARENT] = key[1]
            view.items[ikey] = values
            view.refs[ikey] = indicator.ref
            view.order.append(ikey)
    for freedom in side.freedoms:
        key = ("freedom", freedom.ref)
        values = _scalars(freedom, frozenset())
        values["targets"] = tuple(target_key.get(r, r) for r in freedom.targets)
        view.items[key] = values
        view.refs[key] = freedom.ref
        view.order.append(key)
    return view
