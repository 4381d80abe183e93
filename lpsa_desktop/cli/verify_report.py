"""`lpsa verify` in plain words: one paragraph per signature, then the verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lpsa_desktop.domain.periods import format_long_date

if TYPE_CHECKING:
    from lpsa_desktop.exporting.verification import SignatureReport, VerificationReport

_AFTER = {
    "none": "nothing has been added to the file",
    "signatures": "only later signatures were added",
    "other": "the document was CHANGED after this signature",
}


def describe_verification(report: VerificationReport) -> str:
    count = len(report.signatures)
    lines = [f"{report.file}: {count} signature{'s' if count != 1 else ''}"]
    if not count:
        lines.append("  The file carries no digital signature, so there is nothing to verify.")
    for number, signature in enumerate(report.signatures, start=1):
        lines += ["", *_signature(number, signature, trust_given=report.trust_given)]
    lines += ["", _verdict(report)]
    return "\n".join(lines)


def _signature(number: int, s: SignatureReport, *, trust_given: bool) -> list[str]:
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
    if s.problem:
        lines.append(f"   The signature cannot be read: {s.problem}.")
    elif s.intact:
        lines.append("   Intact: yes, the signed content is exactly as it was signed.")
    else:
        lines.append(
            "   Intact: NO, the signed content has been altered or the signature is broken."
        )
    if s.trusted:
        lines.append("   Trusted: yes, the certificate is one you gave with --trust.")
    elif trust_given:
        lines.append("   Trusted: NO, the certificate is none of those given with --trust.")
    else:
        lines.append("   Trusted: not checked (give the signer's certificate with --trust).")
    lines.append(f"   After it: {_AFTER[s.later_changes]}.")
    if s.certified:
        lines.append("   It certifies the document: only further signatures are allowed after it.")
    if s.reason:
        lines.append(f"   Reason given: {s.reason}.")
    return lines


def _verdict(report: VerificationReport) -> str:
    if not report.signatures:
        return "Result: NOT VERIFIED (no signatures)."
    broken = [s for s in report.signatures if not s.valid]
    if broken:
        return f"Result: NOT VALID ({len(broken)} of {len(report.signatures)} signatures do not stand)."
    untrusted = [s for s in report.signatures if not s.trusted]
    if report.trust_given and untrusted:
        return (
            f"Result: NOT TRUSTED ({len(untrusted)} signer(s) not among the --trust certificates)."
        )
    return "Result: VALID (every signature stands; the document is as it was signed)."
