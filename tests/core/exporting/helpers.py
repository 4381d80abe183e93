"""Reading PDFs back in tests: page text (pypdf), numbers in it, signing in turn."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from lpsa_desktop.exporting.identity import load_identity
from lpsa_desktop.exporting.signing import sign_pdf

PASSPHRASE = b"correct horse battery staple"
_NUMBER = re.compile(r"[−+-]?\d[\d,]*(?:\.\d+)?")


def page_texts(path: Path) -> list[str]:
    """Each page's text, non-breaking spaces read as spaces."""
    return [(p.extract_text() or "").replace("\u00a0", " ") for p in PdfReader(path).pages]


def flat(text: str) -> str:
    """Whitespace collapsed, so that a value wrapped in its cell reads as one phrase."""
    return " ".join(text.split())


def numbers(text: str) -> list[Decimal]:
    """Every number in ``text`` as printed: '5,100' → 5100, '−0.7' → -0.7."""
    return [
        Decimal(m.group().replace(",", "").replace("−", "-").lstrip("+"))
        for m in _NUMBER.finditer(text)
    ]


def is_subsequence(wanted: list[Decimal], found: list[Decimal]) -> bool:
    remaining = iter(found)
    return all(any(value == candidate for candidate in remaining) for value in wanted)


def sign_as(
    source: Path, out: Path, identity: Path, signatory: str, *, certify: bool = False
) -> Path:
    sign_pdf(source, out, load_identity(identity, PASSPHRASE), signatory, certify=certify)
    return out
