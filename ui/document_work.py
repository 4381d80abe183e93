"""Imports, exports, signatures and verification, as plain functions run on the worker.

Thin on purpose: every rule lives in ``lpsa_desktop`` (services for what touches the store,
``exporting`` for signing and verifying files, as the ``lpsa`` commands use them). Like
``ui.store_work`` this module is imported on the worker, on first use: the PDF and signing
libraries cost about a second to import and are not needed to show the window. Reading and
applying a return runs in a child process instead (``ui.import_job``).
"""

from __future__ import annotations

from pathlib import Path

from lpsa_desktop.exporting.agreement_pdf import ExportResult
from lpsa_desktop.exporting.identity import load_identity
from lpsa_desktop.exporting.signing import SigningResult, sign_pdf
from lpsa_desktop.services.documents import export_agreement
from lpsa_desktop.services.import_batches import list_import_batches, revert_import_batch
from lpsa_desktop.storage.import_batch_repository import ImportBatch
from lpsa_desktop.storage.store import Store


def revert_batches(store: Store, batch_ids: tuple[int, ...], *, officer: str) -> None:
    """Revert several batches, newest first (each one refuses if later work would be lost)."""
    for batch_id in sorted(batch_ids, reverse=True):
        revert_import_batch(store, batch_id, officer=officer)


def import_batches(store: Store, agreement_ref: str | None) -> list[ImportBatch]:
    return list_import_batches(store, agreement_ref)


def export_pdf(store: Store, ref: str, destination: Path, *, draft: bool) -> ExportResult:
    return export_agreement(store, ref, destination, force_draft=draft)[1]


def sign_document(
    source: Path,
    destination: Path,
    identity_file: Path,
    passphrase: bytes,
    signatory: str,
    *,
    certify: bool,
) -> SigningResult:
    """Open the identity with ``passphrase`` (used here, then dropped) and sign."""
    identity = load_identity(identity_file, passphrase)
    return sign_pdf(source, destination, identity, signatory, certify=certify)
