"""The column reader's fast paths give what the plain ways would, and reading a table in
batches gives what reading it at once does."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from lpsa_desktop.importing.cell_numbers import Raw
from lpsa_desktop.importing.column_mapping import Column
from lpsa_desktop.importing.column_reader import ColumnPlan, ColumnReader, RowsRead, row_dict
from lpsa_desktop.importing.field_readers import TARGET_SPECS
from lpsa_desktop.importing.ref_text import parse_target_ref
from lpsa_desktop.importing.sheet_scan import SheetScan

_NAMES = st.lists(st.sampled_from(["a", "b", "c", "it's", 'say "x"']), max_size=6)


@given(_NAMES, st.dictionaries(st.sampled_from(["a", "c", "p"]), st.integers()))
def test_row_dict_is_fixed_then_the_row_zipped(names: list[str], fixed: dict[str, int]) -> None:
    values = list(range(100, 100 + len(names)))
    expected = {**fixed, **dict(zip(names, values, strict=True))}
    made = row_dict(tuple(names), fixed)(*values)
    assert made == expected
    assert list(made) == list(expected)  # the same order of keys too


FIELDS = ["target_ref", "indicator_ref", "target_title", "indicator", "unit", "baseline"]
FIELDS += ["with", "actual", "notes", "reward_weight"]


def _reader(scan: SheetScan) -> ColumnReader:
    plans = [
        ColumnPlan(Column(i, f"header {i}", name), TARGET_SPECS[name])
        for i, name in enumerate(FIELDS)
    ]
    return ColumnReader("f.xlsx", "Targets", scan, plans)


def _rows(count: int) -> list[tuple[int, list[Raw]]]:
    rows: list[tuple[int, list[Raw]]] = []
    for n in range(count):
        target, letter = divmod(n, 3)
        values: list[Raw] = [str(target + 1), "abc"[letter], f"Target {target + 1}"]
        values += [
            "tbc" if n == 9 else f"Indicator {n}",
            "%" if n % 2 else "number",
            0.25 if n % 4 else -0.0,
        ]
        values += [0.5 if n % 3 else "tbc", "", "" if n % 5 else "see below", "x" if n == 7 else ""]
        rows.append((n + 10, values))
    return rows


def _batched(rows: list[tuple[int, list[Raw]]], size: int) -> tuple[list[RowsRead], int]:
    scan = SheetScan()
    for row, _values in [*rows[1::2], rows[8]]:  # these show their values as percentages
        scan.percent_cells[row] = {5, 6, 7}  # baseline, with and actual
    scan.error_cells[(rows[4][0], 5)] = "#DIV/0!"
    reader = _reader(scan)
    reads = [reader.read(rows[at : at + size], {}) for at in range(0, len(rows), size)]
    return reads, len(reader.issues)


def _joined(reads: list[RowsRead], size: int) -> dict[str, Any]:
    errors = {n + size * b: e for b, r in enumerate(reads) for n, e in r.errors.items()}
    return {
        "keys": [k for r in reads for k in r.keys],
        "targets": [t for r in reads for t in r.targets],
        "indicators": [i for r in reads for i in r.indicators],
        "errors": errors,
    }


def test_a_table_read_in_batches_reads_as_at_once() -> None:
    rows = _rows(40)
    whole, issues = _batched(rows, 40)
    for size in (1, 7, 16):
        batches, batch_issues = _batched(rows, size)
        assert _joined(batches, size) == _joined(whole, 40)
        assert batch_issues == issues
    read = whole[0]
    assert read.indicators[1]["baseline"] == Decimal(25)  # shown as 25%
    assert read.indicators[0]["baseline"] == Decimal("-0")
    assert read.indicators[0]["baseline"].is_signed()
    assert read.indicators[8]["baseline"].is_signed()  # -0.0 as a percentage: -0
    assert read.indicators[8]["baseline"] == 0
    assert read.indicators[2]["baseline"] == Decimal("0.25")
    assert read.indicators[3]["actual"] is None
    assert set(read.errors) == {4, 7}  # the formula error, and 'x' as a weight
    assert read.indicators[9]["description"] == ""  # to be confirmed: a warning
    assert read.indicators[8]["description"] == "Indicator 8"
    # the two errors; the description and every third row's with to be confirmed
    assert issues == 2 + 1 + len(range(0, 40, 3))


@given(st.text(alphabet="0123456789", min_size=1, max_size=30))
def test_a_target_ref_of_digits_reads_as_its_number(raw: str) -> None:
    assert parse_target_ref(raw) == (str(int(raw)), None)
    assert parse_target_ref(f"Target {raw}") == parse_target_ref(raw)  # the regular way
