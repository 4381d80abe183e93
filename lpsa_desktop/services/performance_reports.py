"""`lpsa report` and File ▸ Performance report…: the Executive's PDF for one agreement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lpsa_desktop.domain.delivery.pump_priming import pump_priming_monitor
from lpsa_desktop.errors import LpsaError
from lpsa_desktop.services.delivery_queries import assess
from lpsa_desktop.storage.store import Store


class ReportRefusedError(LpsaError):
    """A report that cannot be written where asked."""


@dataclass(frozen=True)
class ReportWritten:
    agreement_ref: str
    path: Path
    pages: int
    as_at: str | None


def write_performance_report(
    store: Store,
    ref_or_council: str,
    out: Path,
    *,
    period: str | None = None,
    prepared_on: date | None = None,
) -> ReportWritten:
    from lpsa_desktop.exporting.performance_report import (  # noqa: PLC0415 - reportlab on use
        export_performance_report,
    )

    if out.suffix.lower() != ".pdf":
        raise ReportRefusedError(f"{out.name}: a performance report is written as .pdf")
    view = assess(store, ref_or_council, period=period)
    with store.unit_of_work() as uow:
        spend = uow.delivery.spend(view.delivery.agreement.ref)
    monitor = pump_priming_monitor(view.delivery.agreement, spend)
    as_at = view.as_at.label if view.as_at else None
    try:
        pages = export_performance_report(
            view.delivery, monitor, out, prepared_on=prepared_on or date.today(), as_at=as_at
        )
    except OSError as exc:
        raise ReportRefusedError(f"{out}: cannot be written ({exc.strerror or exc})") from None
    return ReportWritten(view.delivery.agreement.ref, out, pages, as_at)
