"""Which column holds which field: header aliases, the header row, and saved mappings.

Headers are compared folded: case, spaces, punctuation and line breaks are ignored, and a
trailing "(…)" is kept aside as extra information ("Baseline (2003/04)" → baseline, with
the period 2003/04). A mapping can be overridden header by header and saved by name; the
layout signature tells when the same header layout comes back.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from lpsa_desktop.importing.cell_numbers import Raw, text_of
from lpsa_desktop.importing.limits import HEADER_SEARCH_ROWS

IGNORE = "ignore"
"""The field name that tells the importer to skip a column on purpose."""

TARGET_FIELDS: dict[str, tuple[str, ...]] = {
    "target_ref": ("Target", "Target no", "Target number", "Ref", "No.", "Target ref"),
    "indicator_ref": ("Sub-target", "Indicator ref", "Sub ref", "Part", "Sub-target ref"),
    "target_title": ("Target title", "Title", "Outcome"),
    "indicator": (
        "Indicator",
        "Performance indicator",
        "Measure",
        "Performance measure",
        "Indicator description",
    ),
    "priority": ("Priority", "Shared priority", "Theme"),
    "unit": ("Unit", "Units", "Measure type"),
    "direction": ("Direction", "Polarity", "Good performance is"),
    "baseline": ("Baseline", "Baseline value", "Current performance"),
    "baseline_period": ("Baseline year", "Baseline period"),
    "without": (
        "Performance expected without the LPSA",
        "Without LPSA",
        "Without stretch",
        "Expected performance",
        "Business as usual",
    ),
    "with": (
        "Performance target with the LPSA",
        "With LPSA",
        "Stretch target",
        "Target with LPSA",
        "Stretched target",
    ),
    "enhancement": ("Enhancement", "Stretch"),
    "interim": ("Interim target", "Interim", "Milestone"),
    "interim_period": ("Interim period", "Interim date"),
    "end_period": ("Target date", "End period", "By"),
    "reward_weight": ("Reward weight", "Weighting", "Share of reward"),
    "indicator_weight": ("Indicator weight", "Share within target", "Sub-target weight"),
    "lead_partner": ("Lead", "Lead partner", "Lead organisation"),
    "partners": ("Partners", "Other partners"),
    "pump_priming": ("Pump priming", "PPG allocation", "Pump-priming"),
    "actual": ("Actual", "Outturn", "Achieved", "Final performance"),
    "interim_actual": ("Interim actual", "Interim outturn"),
    "data_source": ("Source", "Data source"),
    "notes": ("Notes", "Comments"),
    "council": ("Council", "Authority"),
    "reserve": ("Reserve", "Reserve target"),
    "decimals": ("Decimals", "Decimal places"),
}

FREEDOM_FIELDS: dict[str, tuple[str, ...]] = {
    "ref": ("Ref", "No.", "Freedom", "Freedom no", "Freedom ref", "Request no"),
    "description": ("Description", "Request", "Freedom requested", "Flexibility", "Details"),
    "targets": ("Targets", "Target", "Related targets", "Target(s)"),
    "department": ("Department", "Government department", "Dept"),
    "legal_basis": ("Legal basis", "Legislation", "Statutory basis"),
    "status": ("Status", "Response status", "Government response status"),
    "response": ("Response", "Government response"),
    "alternative": ("Alternative", "Alternative offered"),
    "delivery": ("Delivery", "Delivered", "Delivery status"),
    "council": ("Council", "Authority"),
}

_TRAILING_NOTE = re.compile(r"\(([^()]*)\)\s*$")
_NOT_WORD = re.compile(r"[^a-z0-9£%]+")


def fold_header(text: str) -> tuple[str, str | None]:
    """'Baseline\\n(2003/04)' → ('baseline', '2003/04'); 'No.' → ('no', None)."""
    stripped = text.strip()
    extra = None
    note = _TRAILING_NOTE.search(stripped)
    if note and note.start() > 0:
        extra = note[1].strip() or None
        stripped = stripped[: note.start()]
    return _NOT_WORD.sub("", stripped.casefold()), extra


def _alias_table(fields: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    return {fold_header(alias)[0]: name for name, aliases in fields.items() for alias in aliases}


TARGET_ALIASES = _alias_table(TARGET_FIELDS)
FREEDOM_ALIASES = _alias_table(FREEDOM_FIELDS)


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    field: str | None
    """None: a header LPSA Desk does not know (reported, never fatal)."""
    extra: str | None = None


@dataclass(frozen=True)
class ColumnMapping:
    header_row: int
    columns: tuple[Column, ...]
    duplicates: tuple[Column, ...] = field(default=())
    """Columns whose field an earlier column already gives (only the first is read)."""

    def index_of(self, name: str) -> int | None:
        return next((c.index for c in self.columns if c.field == name), None)

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.field == name), None)

    @property
    def fields(self) -> set[str]:
        return {c.field for c in self.columns if c.field and c.field != IGNORE}

    @property
    def unknown(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.field is None)

    @property
    def layout(self) -> str:
        return layout_signature(c.header for c in (*self.columns, *self.duplicates))

    def as_overrides(self) -> dict[str, str]:
        """header → field for every column, the form a saved mapping keeps."""
        return {c.header: c.field or IGNORE for c in (*self.columns, *self.duplicates)}


def layout_signature(headers: Iterable[str]) -> str:
    """A short fingerprint of a header layout (folded headers, in order)."""
    folded = "|".join(fold_header(h)[0] for h in headers)
    return hashlib.sha256(folded.encode()).hexdigest()[:16]


def find_header_row(
    rows: Sequence[Sequence[Raw]], aliases: Mapping[str, str], *, required: set[str]
) -> int | None:
    """The row (within the first 30) that names the most known fields, if it names at
    least two, one of them in ``required``."""
    best, best_score = None, 1
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = {aliases.get(fold_header(v)[0]) for v in row if isinstance(v, str) and v.strip()}
        found.discard(None)
        if len(found) > best_score and found & required:
            best, best_score = index, len(found)
    return best


def map_columns(
    header: Sequence[Raw],
    header_row: int,
    aliases: Mapping[str, str],
    *,
    overrides: Mapping[str, str] | None = None,
) -> ColumnMapping:
    """Columns of one header row. ``overrides`` maps a header as written (or folded) to a
    field name or 'ignore' and wins over the aliases."""
    folded_overrides = {fold_header(k)[0]: v for k, v in (overrides or {}).items()}
    columns: list[Column] = []
    duplicates: list[Column] = []
    taken: set[str] = set()
    for offset, raw in enumerate(header):
        text = text_of(raw).strip()
        if not text:
            continue
        folded, extra = fold_header(text)
        name = folded_overrides.get(folded, aliases.get(folded))
        column = Column(offset, " ".join(text.split()), name, extra)
        if name and name != IGNORE and name in taken:
            duplicates.append(column)
            continue
        if name:
            taken.add(name)
        columns.append(column)
    return ColumnMapping(header_row, tuple(columns), tuple(duplicates))
