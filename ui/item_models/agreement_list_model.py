"""The navigator's list of agreements, and the filter that narrows it as the officer types."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from lpsa_desktop.domain.periods import financial_year_of
from ui.display import date_text, enum_label
from ui.item_models.record_rows_model import Index, RecordRowsModel

if TYPE_CHECKING:
    from lpsa_desktop.storage.agreement_repository import AgreementSummary

REF_ROLE = Qt.ItemDataRole.UserRole + 10
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 11
_HEADERS = ("Agreement",)


class AgreementListModel(RecordRowsModel["AgreementSummary"]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_HEADERS, parent)

    def set_summaries(self, summaries: list[AgreementSummary]) -> None:
        """Replace the list; an unchanged list (the usual case after an edit) is left alone so
        the selection and scroll position stay put."""
        if summaries == list(self.rows):
            return
        if [s.ref for s in summaries] == [s.ref for s in self.rows]:
            self._rows = list(summaries)
            if summaries:
                self.dataChanged.emit(self.index(0, 0), self.index(len(summaries) - 1, 0))
            return
        self.replace_rows(list(summaries))

    def row_of(self, ref: str) -> int:
        return next((i for i, s in enumerate(self.rows) if s.ref == ref), -1)

    def cell(self, summary: AgreementSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            # Two lines, so that a long council name fits a narrow list without being cut.
            councils = " & ".join(summary.councils) or summary.title
            period = f"{summary.period_start.year}–{summary.period_end.year}"
            return (
                f"{councils}\n{summary.generation.value} · {enum_label(summary.status)} · {period}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"{summary.title}\nref {summary.ref}\n"
                f"{date_text(summary.period_start)} – {date_text(summary.period_end)} "
                f"({financial_year_of(summary.period_start)} to {financial_year_of(summary.period_end)})"
            )
        if role == REF_ROLE:
            return summary.ref
        if role == SEARCH_ROLE:
            return " ".join(
                (summary.ref, summary.title, *summary.councils, summary.generation.value)
            )
        return None


class AgreementFilterModel(QSortFilterProxyModel):
    """Keeps the agreements whose ref, title, councils or generation contain every typed word."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_filter_text(self, text: str) -> None:
        if not hasattr(self, "beginFilterChange"):  # Qt before 6.9
            self._words = text.casefold().split()
            self.invalidateFilter()
            return
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = str(
            model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE)
        ).casefold()
        return all(word in haystack for word in self._words)
