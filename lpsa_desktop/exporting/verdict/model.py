"""The verdict as data, and the one line of words both faces show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

LaterChanges = Literal["none", "signatures", "other"]
Tone = Literal["good", "doubt", "bad"]
REFUSAL_TOO_BIG = "too large or malformed to verify safely"


class Verdict(StrEnum):
    VALID = "VALID"
    REFUSED = "REFUSED"
    NOT_SIGNED = "NOT SIGNED"
    BROKEN = "SIGNATURE BROKEN"
    MODIFIED = "MODIFIED AFTER SIGNING"
    WRONG_BLOCK = "WRONG BLOCK"
    NOT_TRUSTED = "NOT TRUSTED"


TONES: dict[Verdict, Tone] = {
    Verdict.VALID: "good",
    Verdict.NOT_TRUSTED: "doubt",
}


@dataclass(frozen=True)
class SignatureCheck:
    field: str
    signatory: str
    """Whose block it is, as the agreement's signature page names them (else the field)."""
    signer: str
    """Who the certificate says signed."""
    signed_at: dt.datetime | None
    intact: bool
    trusted: bool
    in_block: bool
    later_changes: LaterChanges
    changes: tuple[str, ...] = ()
    """What changed after this signature that no signatory's signature explains, in words."""
    later_signatures: tuple[str, ...] = ()
    """The blocks filled after this signature (allowed)."""
    block_problem: str | None = None
    reason: str = ""
    certified: bool = False
    problem: str | None = None
    """Why the signature cannot be checked at all (then intact is False)."""
    fingerprint: str | None = None
    """SHA-256 of the signer's certificate, as `lpsa trust list` shows it."""

    @property
    def stands(self) -> bool:
        """The signed bytes are unchanged and nothing but signatures came after them."""
        return self.intact and self.later_changes != "other"

    @property
    def valid(self) -> bool:
        return self.stands and self.in_block and self.trusted


@dataclass(frozen=True)
class DocumentVerdict:
    file: str
    signatures: tuple[SignatureCheck, ...] = ()
    refusal: str | None = None
    """Why the file was not verified at all (one line), or None."""
    trusted_certificates: int = 0
    notes: tuple[str, ...] = field(default=())

    @property
    def verdict(self) -> Verdict:
        if self.refusal is not None:
            return Verdict.REFUSED
        if not self.signatures:
            return Verdict.NOT_SIGNED
        if not all(s.intact for s in self.signatures):
            return Verdict.BROKEN
        if any(s.later_changes == "other" for s in self.signatures):
            return Verdict.MODIFIED
        if not all(s.in_block for s in self.signatures):
            return Verdict.WRONG_BLOCK
        if not all(s.trusted for s in self.signatures):
            return Verdict.NOT_TRUSTED
        return Verdict.VALID

    @property
    def passed(self) -> bool:
        """Exit status 0: every signature intact, in its block, trusted; nothing else added."""
        return self.verdict is Verdict.VALID

    @property
    def all_intact(self) -> bool:
        """Every signature stands (`lpsa verify --json`'s contract key)."""
        return bool(self.signatures) and all(s.stands for s in self.signatures)

    @property
    def tone(self) -> Tone:
        return TONES.get(self.verdict, "bad")

    def reason(self) -> str:
        """The verdict and its reason on one line, the same words in the CLI and the window."""
        verdict = self.verdict
        return f"{verdict.value}: {self._why(verdict)}"

    def _why(self, verdict: Verdict) -> str:
        sigs = self.signatures
        if verdict is Verdict.REFUSED:
            return str(self.refusal)
        if verdict is Verdict.NOT_SIGNED:
            return "the file carries no digital signature, so nothing shows who approved it"
        if verdict is Verdict.BROKEN:
            s = next(s for s in sigs if not s.intact)
            return f"the signature in the block of {s.signatory} {s.problem or 'is broken'}"
        if verdict is Verdict.MODIFIED:
            s = next(s for s in sigs if s.later_changes == "other")
            what = "; ".join(s.changes) or "the document was changed"
            return f"after {s.signatory} signed, {what}"
        if verdict is Verdict.WRONG_BLOCK:
            s = next(s for s in sigs if not s.in_block)
            return str(s.block_problem)
        if verdict is Verdict.NOT_TRUSTED:
            names = [s.signer for s in sigs if not s.trusted]
            return (
                f"not on the trust list: {'; '.join(names)} "
                "(add their certificate with `lpsa trust add`)"
            )
        if len(sigs) == 1:
            return (
                "the signature is intact, in its signatory's block and from a trusted "
                "certificate; nothing was added after it"
            )
        return (
            f"the {len(sigs)} signatures are intact, each in its signatory's block and from "
            "a trusted certificate; nothing but signatures was added after them"
        )
