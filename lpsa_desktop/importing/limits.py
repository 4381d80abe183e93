"""The sizes past which a workbook is refused before it is read.

They are far beyond any real return (a big one has a few hundred rows and 30 columns,
a few MB of XML) and low enough that reading what passes them stays within a few hundred
MB of memory. calamine turns a sheet into a dense grid of (rows x columns) cells of 32
bytes each, so the grid's extent is what must be bounded: a 40 KB file with one value in
A1 and one in XFD1048576 asks it for 512 GB and the process aborts (measured).
"""

from __future__ import annotations

MAX_FILE_BYTES = 200 * 1024 * 1024
"""A workbook file as it sits on disk."""

MAX_PART_BYTES = 400 * 1024 * 1024
"""One XML part of a workbook once decompressed (a sheet, the shared strings)."""

MAX_TOTAL_BYTES = 1024 * 1024 * 1024
"""All parts of a workbook together, decompressed."""

MAX_ZIP_MEMBERS = 10_000

MAX_ROWS = 50_000
"""Rows holding values on one sheet. 1,048,576 empty formatted rows are fine: they hold none."""

MAX_COLUMNS = 100
"""Columns holding values on one sheet (A to CV): 100 x 50,000 cells (160 MB in calamine's
grid) is the largest sheet read. Planning costs about 4 KB of Python objects per indicator
row (measured: 81 MB for 20,000 rows, 400 MB for 99,000 rows before this limit)."""

HEADER_SEARCH_ROWS = 30
"""The header row of a table is looked for in this many rows from the top."""

PROLOG_BYTES = 4096
"""How much of each XML part is searched for a document type declaration (it must come
before the first element, so it sits at the very start of a real part)."""

XLS_PROBE_BYTES = 640 * 1024 * 1024
"""The memory (address space) of the child that opens an .xls first (``xls_probe``): the
largest sheet read (160 MB in calamine's grid) and its strings three times over, and the
child's Python; a file that needs more is refused."""

XLS_PROBE_S = 60.0
"""How long that child may take (a real .xls of 20,000 rows opens in 0.1 s)."""
