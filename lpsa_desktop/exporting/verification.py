"""Checking every signature of a PDF: the entry point the CLI, the window and tests share.

The rules live in ``lpsa_desktop.exporting.verdict`` (see its package docstring); this
module names them for callers: ``verify_pdf`` (bounded, in a child process) and the JSON of
`lpsa verify --json`.

"Trusted" means the signer's certificate chains to one of the certificates on the store's
trust list or given with ``--trust`` (offline: no fetching, no revocation lists).
Identities are self-signed, so a signer is trusted exactly when their own certificate is
on the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lpsa_desktop.exporting.verdict.bounded import DEFAULT_LIMITS, Limits, verify_file
from lpsa_desktop.exporting.verdict.certificates import read_certificate
from lpsa_desktop.exporting.verdict.model import DocumentVerdict, SignatureCheck

VerificationReport = DocumentVerdict
SignatureReport = SignatureCheck


def verify_pdf(
    path: Path,
    trust: Sequence[Path] = (),
    *,
    trusted: Sequence[bytes] = (),
    limits: Limits = DEFAULT_LIMITS,
    should_stop: Any = None,
) -> DocumentVerdict:
    """The verdict on ``path``, trusting the certificate files ``trust`` and the DER
    certificates ``trusted`` (the store's trust list)."""
    roots = [*trusted, *(read_certificate(p).der for p in trust)]
    return verify_file(path, roots, limits=limits, should_stop=should_stop)


def report_to_dict(report: DocumentVerdict) -> dict[str, Any]:
    """The JSON of `lpsa verify --json` (cli.md); keys beyond the contract are additions."""
    return {
        "file": report.file,
        "verdict": report.verdict.value,
        "reason": report.reason(),
        "refused": report.refusal,
        "signatures": [
            {
                "field": s.field,
                "signer": s.signer,
                "signed_at": s.signed_at.isoformat() if s.signed_at else None,
                "intact": s.intact,
                "trusted": s.trusted,
                "later_changes": s.later_changes,
                "reason": s.reason,
                "signatory": s.signatory,
                "in_block": s.in_block,
                "block_problem": s.block_problem,
                "changes": list(s.changes),
                "later_signatures": list(s.later_signatures),
                "certified": s.certified,
                "valid": s.valid,
                "problem": s.problem,
                "sha256": s.fingerprint,
            }
            for s in report.signatures
        ],
        "all_intact": report.all_intact,
        "passed": report.passed,
    }
