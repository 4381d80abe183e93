"""`lpsa template`: a council's return workbook, pre-filled from the store."""

from __future__ import annotations

from pathlib import Path

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.importing.errors import ImportRefusedError
from lpsa_desktop.importing.return_template import write_template
from lpsa_desktop.services.outturn_recording import delivery_record
from lpsa_desktop.storage.store import Store


def write_return_template(store: Store, ref_or_council: str, out: Path) -> Agreement:
    """Write the template of agreement ``ref_or_council`` to ``out``; returns the agreement."""
    record = delivery_record(store, ref_or_council)
    agreement = record.agreement
    if out.suffix.lower() not in {".xlsx", ".xlsm"}:
        raise ImportRefusedError(out.name, "a return template is written as .xlsx")
    try:
        write_template(agreement, out, periods=record.periods, outturns=record.outturns)
    except OSError as exc:
        raise ImportRefusedError(out.name, f"cannot be written ({exc.strerror or exc})") from None
    return agreement
