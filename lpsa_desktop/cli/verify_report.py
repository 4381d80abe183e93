"""`lpsa verify` in plain words: one paragraph per signature, then the verdict on one line.

The last line is ``DocumentVerdict.reason()``, the same words the window shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lpsa_desktop.domain.periods import format_long_date

if TYPE_CHECKING:
    from lpsa_desktop.exporting.verdict.model import DocumentVerdict, SignatureCheck


def describe_verification(report: DocumentVerdict) -> str:
    count = len(report.signatures)
    lines = [f"{report.file}: {count} signature{'s' if count != 1 else ''}"]
    for number, signature in enumerate(report.signatures, start=1):
        lines += ["", *_signature(number, signature)]
    lines += ["", f"Result: {report.reason()}."]
    return "\n".join(lines)


def _signature(number: int, s: SignatureCheck) -> list[str]:
    when = (
        f"{format_long_date(s.signed_at)} at {s.signed_at:%H:%M} {s.signed_at.tzname() or ''}".rstrip()
        if s.signed_at
        else "at an unknown time"
    )
    verdict = "VALID" if s.valid else "NOT VALID"
    lines = [
        f"{number}. {s.signatory} [{s.field}]: {verdict}",
        f"   Signed by {s.signer}, {when}.",
    ]
    if s.intact:
        lines.append("   Intact: yes, the signed content is exactly as it was signed.")
    else:
        lines.append(f"   Intact: NO, the signature {s.problem or 'is broken'}.")
    if s.in_block:
        lines.append("   In its block: yes, the certificate names this block's signatory.")
    elif s.block_problem:
        lines.append(f"   In its block: NO, {s.block_problem}.")
    if s.trusted:
        lines.append(
            "   Trusted: yes, the certificate is on the trust list (or given with --trust)."
        )
    elif s.intact:
        print_fp = f" (SHA-256 {s.fingerprint})" if s.fingerprint else ""
        lines.append(f"   Trusted: NO, the certificate{print_fp} is not on the trust list.")
    if s.changes:
        lines.append("   After it: the document was CHANGED: " + "; ".join(s.changes) + ".")
    elif s.later_signatures:
        lines.append("   After it: only the signatures of " + "; ".join(s.later_signatures) + ".")
    elif s.intact:
        lines.append("   After it: nothing has been added to the file.")
    if s.certified:
        lines.append("   It certifies the document: only further signatures are allowed after it.")
    if s.reason:
        lines.append(f"   Reason given: {s.reason}.")
    return lines
