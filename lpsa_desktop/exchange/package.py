"""What an agreement package holds, as plain data, and the names of its parts.

A package is a zip of JSON parts and a manifest listing each part's SHA-256; the manifest
may be signed (``signature.bin`` over the manifest's exact bytes, ``signer.pem`` the
certificate that made it). A package is data, never code: nothing in it is executed,
unpacked to disk or followed as a path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.exchange_records import AuditEntry, ImportSummary
from lpsa_desktop.domain.meetings import Meeting
from lpsa_desktop.domain.rounds import Round
from lpsa_desktop.domain.shared_state import state_hash

FORMAT = "lpsa-agreement-package"
FORMAT_VERSION = 1
SUFFIX = ".lpsa"

MANIFEST = "manifest.json"
AGREEMENT = "agreement.json"
ROUNDS = "rounds.json"
MEETINGS = "meetings.json"
AUDIT = "audit.json"
IMPORTS = "imports.json"
SIGNATURE = "signature.bin"
CERTIFICATE = "signer.pem"

DATA_PARTS = (AGREEMENT, ROUNDS, MEETINGS, AUDIT, IMPORTS)
"""The parts the manifest lists with their hashes, in the order they are written."""
ALL_ENTRIES = frozenset({MANIFEST, *DATA_PARTS, SIGNATURE, CERTIFICATE})


@dataclass(frozen=True)
class AgreementPackage:
    agreement: Agreement
    rounds: tuple[Round, ...]
    meetings: tuple[Meeting, ...]
    audit: tuple[AuditEntry, ...]
    imports: tuple[ImportSummary, ...]
    known_states: tuple[str, ...]
    """Hashes (``shared_state.state_hash``) of the states the sending store exchanged
    before, newest first. The receiver's merge base is the newest state it holds too:
    one of these, the package's own state, or one of the package's rounds."""
    exported_at: datetime
    officer: str
    include_internal: bool
    app_version: str

    @property
    def state(self) -> str:
        return state_hash(self.agreement)


@dataclass(frozen=True)
class Signer:
    name: str
    organisation: str
    fingerprint: str
    """SHA-256 of the certificate, colon-separated: what the receiver reads back by phone."""


@dataclass(frozen=True)
class ReadPackage:
    """A package read and checked: its parts matched the manifest, and a signature, if
    there is one, is valid for the manifest."""

    file_name: str
    sha256: str
    """Of the whole file: the merge records it like an import batch records its return."""
    package: AgreementPackage
    signer: Signer | None
    """None: unsigned (anyone could have written it; the parts still match the manifest)."""
