"""Opening a workbook safely and loading the sheets a return needs, with calamine.

Order matters: the file's real kind is sniffed, its container checked (sizes, entity
tricks, encryption), and each sheet's XML scanned for its extent *before* calamine loads
it, because calamine builds a dense grid and aborts the whole process when that grid
cannot be allocated. The scan for formats, error values and hidden rows then runs while
calamine loads the sheet.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from types import TracebackType
from typing import cast

from python_calamine import CalamineSheet, CalamineWorkbook, SheetVisibleEnum

from lpsa_desktop.importing import sheet_pieces
from lpsa_desktop.importing.calamine_errors import calamine_errors
from lpsa_desktop.importing.cell_numbers import Raw
from lpsa_desktop.importing.errors import DamagedWorkbookError, EncryptedWorkbookError
from lpsa_desktop.importing.file_kind import FileKind, sniff_file
from lpsa_desktop.importing.number_formats import percent_styles
from lpsa_desktop.importing.ods_scan import scan_ods
from lpsa_desktop.importing.sheet_dimension import declared_rows
from lpsa_desktop.importing.sheet_extent import Unproven, check_extent
from lpsa_desktop.importing.sheet_scan import SheetScan, scan_sheet
from lpsa_desktop.importing.side_by_side import side_by_side
from lpsa_desktop.importing.xls_probe import probe_xls, xls_path
from lpsa_desktop.importing.zip_container import check_container

Merge = tuple[tuple[int, int], tuple[int, int]]


@dataclass
class SheetGrid:
    """One loaded sheet. ``rows`` yields every row from the first (row 0 = row 1 in the
    file), each row's list from column A, however the sheet was loaded (so a rejected row
    keeps its cells' letters)."""

    name: str
    rows: Iterator[list[Raw]]
    scan: SheetScan
    merged: list[Merge] = field(default_factory=list)
    has_formats: bool = True
    """False where the file gives no number formats (.xls): percentages cannot be seen."""
    row_count: int | None = None
    """How many rows the sheet has (None: not known), for progress only."""

    def peek(self, count: int) -> list[list[Raw]]:
        """The first ``count`` rows, left in place for whoever reads the rows next."""
        head = list(islice(self.rows, count))
        self.rows = chain(head, self.rows)
        return head


class WorkbookSource:
    """``with WorkbookSource(path) as book: book.load('Targets')``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = path.name
        self.kind = sniff_file(path)
        if self.kind is FileKind.ENCRYPTED_OOXML:
            raise EncryptedWorkbookError(
                self.file, "is protected by a password: save it without one, then import it"
            )
        self._archive: zipfile.ZipFile | None = None
        self._sheet_parts: dict[str, str] = {}
        self._percent_styles: frozenset[int] = frozenset()
        self._ods_scans: dict[str, SheetScan] | None = None
        self._pieces_helper: sheet_pieces.Helper | None = None
        styles_part: str | None = None
        if self.kind is FileKind.OOXML:
            container = check_container(path)
            self.kind, styles_part = container.kind, container.styles_part
            self._archive = zipfile.ZipFile(path)
            self._sheet_parts = container.sheet_parts
        try:
            if self.kind is FileKind.OOXML:
                self._percent_styles = self._read_styles(styles_part)
            self._book = self._open()
        except Exception:
            if self._archive is not None:
                self._archive.close()
            raise
        self.sheet_names: list[str] = list(self._book.sheet_names)
        self.hidden_sheets: list[str] = [
            m.name for m in self._book.sheets_metadata if m.visible != SheetVisibleEnum.Visible
        ]

    def _read_styles(self, part: str | None) -> frozenset[int]:
        assert self._archive is not None
        try:
            return percent_styles(self._archive, part)
        except SyntaxError as exc:  # ElementTree's ParseError
            raise DamagedWorkbookError(self.file, f"has a damaged styles part ({exc})") from None

    def _open(self) -> CalamineWorkbook:
        if self.kind is FileKind.XLS:
            what = "cannot be read as an Excel 97–2003 workbook (.xls)"
            with xls_path(self.path) as path:
                probe_xls(self.file, path)  # in a capped child: an abort cannot reach us
                with calamine_errors(self.file, what):
                    return CalamineWorkbook.from_path(str(path))
        with calamine_errors(self.file, "cannot be read as a workbook"), self.path.open("rb") as f:
            return CalamineWorkbook.from_filelike(f)

    def load(self, name: str) -> SheetGrid:
        if self.kind is FileKind.OOXML:
            pieced = self._load_in_pieces(name)
            if pieced is not None:
                return pieced
            # The extent first: only a sheet that passed it may reach calamine. The rest of
            # what the XML tells is read while calamine loads the sheet (it frees the GIL).
            self._check_extent(name)
            (sheet, merged), scan = side_by_side(
                lambda: self._sheet(name), lambda: self._scan(name)
            )
        else:
            scan = self._scan(name)  # an .ods scan is also its extent check: it goes first
            sheet, merged = self._sheet(name)
        rows = cast(Iterator[list[Raw]], sheet.iter_rows())
        first_column = sheet.start[1] if sheet.start else 0
        if first_column:  # as the pieces of a big sheet: each list from column A
            pad: list[Raw] = [""] * first_column
            rows = (pad + row for row in rows)
        return SheetGrid(
            name=name,
            rows=iter(rows),
            scan=scan,
            merged=list(merged),
            has_formats=self.kind is not FileKind.XLS,
            row_count=sheet.end[0] + 1 if sheet.end else 0,
        )

    def _load_in_pieces(self, name: str) -> SheetGrid | None:
        """A big sheet read in pieces (``sheet_pieces``); None when it is small, or must be
        walked for its extent, or has no plain rows to cut: then it is read whole."""
        assert self._archive is not None
        part = self._part(name)
        size = self._archive.getinfo(part).file_size
        if size < 2 * sheet_pieces.PIECE_BYTES:
            return None
        maker = sheet_pieces.PieceMaker(
            self._archive,
            part,
            lambda data: self._helper().submit(data, name),
            sheet_pieces.piece_bytes(size),
        )
        try:
            split = maker.split(self.file, name)
            scan = self._scan(name)  # while the helper parses the first pieces
        except (Unproven, sheet_pieces.NotSplittable):
            maker.abandon()
            return None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
            maker.abandon()
            raise DamagedWorkbookError(
                self.file, f"sheet {name!r} is damaged or incomplete ({exc})"
            ) from None
        except BaseException:
            maker.abandon()
            raise
        return SheetGrid(
            name=name,
            rows=sheet_pieces.piece_rows(split.pieces, lambda f: self._piece(f, name)),
            scan=scan,
            merged=split.merged,
            row_count=declared_rows(self._archive, part),
        )

    def _helper(self) -> sheet_pieces.Helper:
        if self._pieces_helper is None:
            self._pieces_helper = sheet_pieces.Helper()
        return self._pieces_helper

    def _piece(self, future: Future[CalamineSheet], name: str) -> CalamineSheet:
        with self._calamine_errors(f"sheet {name!r} cannot be read"):
            return future.result()

    def _sheet(self, name: str) -> tuple[CalamineSheet, list[Merge]]:
        with self._calamine_errors(f"sheet {name!r} cannot be read"):
            sheet = self._book.get_sheet_by_name(name)
            return sheet, sheet.merged_cell_ranges or []

    def _calamine_errors(self, what: str) -> AbstractContextManager[None]:
        return calamine_errors(self.file, what)

    def _part(self, name: str) -> str:
        part = self._sheet_parts.get(name)
        if part is None:
            raise DamagedWorkbookError(self.file, f"sheet {name!r} has no XML part")
        return part

    def _check_extent(self, name: str) -> None:
        assert self._archive is not None
        try:
            check_extent(self.file, name, self._archive, self._part(name))
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
            raise DamagedWorkbookError(
                self.file, f"sheet {name!r} is damaged or incomplete ({exc})"
            ) from None

    def _scan(self, name: str) -> SheetScan:
        if self.kind is FileKind.OOXML:
            assert self._archive is not None
            part = self._part(name)
            try:
                return scan_sheet(self.file, name, self._archive, part, self._percent_styles)
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
                raise DamagedWorkbookError(
                    self.file, f"sheet {name!r} is damaged or incomplete ({exc})"
                ) from None
        if self.kind is FileKind.ODS:
            if self._ods_scans is None:
                try:
                    with zipfile.ZipFile(self.path) as archive:
                        self._ods_scans = scan_ods(self.file, archive)
                except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
                    raise DamagedWorkbookError(
                        self.file, f"is damaged or incomplete ({exc})"
                    ) from None
            return self._ods_scans.get(name, SheetScan())
        return SheetScan()

    def close(self) -> None:
        if self._pieces_helper is not None:
            self._pieces_helper.stop()
        self._book.close()
        if self._archive is not None:
            self._archive.close()

    def __enter__(self) -> WorkbookSource:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
