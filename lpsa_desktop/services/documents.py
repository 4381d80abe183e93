"""The agreement document for a stored agreement: export it as a PDF.

reportlab is imported only when a document is made (it costs ~0.12 s), so the window and
the other commands start without it.
"""

# Imports inside the functions are deliberate: reportlab and pyHanko load only when used.
# ruff: noqa: PLC0415

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.storage.store import Store

if TYPE_CHECKING:
    from lpsa_desktop.exporting.agreement_pdf import ExportResult


def export_agreement(
    store: Store, ref_or_council: str, destination: Path, *, force_draft: bool = False
) -> tuple[Agreement, ExportResult]:
    """Write the agreement's PDF; ``force_draft`` marks it DRAFT whatever its status."""
    from lpsa_desktop.exporting.agreement_pdf import export_agreement_pdf

    agreement = load_agreement(store, ref_or_council)
    return agreement, export_agreement_pdf(agreement, destination, force_draft=force_draft)
