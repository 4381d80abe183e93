"""Hostile inputs for the verifier, built small in tmp dirs (never committed)."""

from __future__ import annotations

import random
from pathlib import Path


def tiny_pdf(objects: list[bytes], *, trailer: bytes = b"") -> bytes:
    """A PDF with a correct classic xref: ``objects`` are the bodies of objects 1..n."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        start,
    )
    return bytes(out)


def giant_xref_stream() -> bytes:
    """An xref stream claiming a billion objects (the issue's 235-byte stall)."""
    body = b"\x01\x00\x00"
    return (
        b"%PDF-1.7\n1 0 obj\n<< /Type /XRef /Size 1000000000 /W [1 1 1] /Length 3 >>\nstream\n"
        + body
        + b"\nendstream\nendobj\nstartxref\n9\n%%EOF\n"
    )


def giant_xref_appended(signed: bytes) -> bytes:
    start = len(signed)
    return signed + (
        b"1 0 obj\n<< /Type /XRef /Size 1000000000 /W [1 1 1] /Length 3 >>\nstream\n\x01\x00\x00"
        b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % start
    )


def sixty_megabyte_xref(signed: bytes) -> bytes:
    """A classic xref table of 3,000,000 entries (60 MB) appended as an update."""
    start = len(signed)
    entries = 3_000_000
    return (
        signed
        + b"xref\n0 %d\n" % entries
        + b"0000000000 65535 f \n" * entries
        + b"trailer\n<< /Size %d >>\nstartxref\n%d\n%%%%EOF\n" % (entries, start)
    )


def deep_nesting(depth: int = 1000) -> bytes:
    return tiny_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /X " + b"[" * depth + b"]" * depth + b" >>",
            b"<< /Type /Pages /Kids [] /Count 0 >>",
        ]
    )


def deep_nesting_in_disguise(depth: int = 5000) -> bytes:
    """Nested arrays with a string between each: past the byte pattern, caught by the child."""
    return tiny_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields "
            + b"[(a)" * depth
            + b"]" * depth
            + b" >> >>",
            b"<< /Type /Pages /Kids [] /Count 0 >>",
        ]
    )


def random_bytes(size: int = 4096) -> bytes:
    return random.Random(11).randbytes(size)


def not_a_pdf() -> bytes:
    """A workbook (a zip) renamed .pdf."""
    return b"PK\x03\x04" + random.Random(3).randbytes(2000)


def encrypted_pdf(folder: Path) -> bytes:
    from pypdf import PdfWriter  # noqa: PLC0415

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("secret")
    path = folder / "encrypted.pdf"
    with path.open("wb") as stream:
        writer.write(stream)
    return path.read_bytes()
