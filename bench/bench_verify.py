"""Verification benchmark (issue 11): the demo agreement signed by its three signatories,
verified as `lpsa verify` does (bounded child process: spawn, pre-checks, pyHanko, strict
difference analysis) and, for the record, in-process (the verdict alone); each compared
with poppler's `pdfsig` on the same file.
Run: .venv/bin/python -m bench.bench_verify"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from asn1crypto import x509

from bench.common import report, timed
from lpsa_desktop.exporting.agreement_pdf import export_agreement_pdf
from lpsa_desktop.exporting.identity import create_identity, load_identity
from lpsa_desktop.exporting.signing import sign_pdf
from lpsa_desktop.exporting.verdict.analysis import verify_bytes
from lpsa_desktop.exporting.verdict.certificates import read_certificate
from lpsa_desktop.exporting.verification import verify_pdf
from lpsa_desktop.services.demo import demo_agreement

PASSPHRASE = b"benchmark passphrase"


def signed_by_three(folder: Path) -> tuple[Path, list[Path]]:
    agreement = demo_agreement()
    source = folder / "agreement.pdf"
    export_agreement_pdf(agreement, source)
    certificates = []
    for number, signatory in enumerate(agreement.signatories, start=1):
        files = create_identity(
            folder / f"s{number}.p12",
            name=signatory.name,
            organisation=signatory.organisation,
            passphrase=PASSPHRASE,
        )
        certificates.append(files.certificate)
        out = folder / f"signed{number}.pdf"
        identity = load_identity(files.identity, PASSPHRASE)
        sign_pdf(source, out, identity, signatory.name, certify=number == 1)
        source = out
    return source, certificates


def main() -> None:
    if shutil.which("pdfsig") is None:
        raise SystemExit("pdfsig (poppler-utils) is needed for the comparison")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        pdf, certificates = signed_by_three(folder)
        der = [read_certificate(p).der for p in certificates]
        roots = [x509.Certificate.load(d) for d in der]
        verdict = verify_pdf(pdf, trusted=der)
        assert verdict.passed, verdict.reason()
        print(f"demo agreement signed by three: {pdf.stat().st_size:,} bytes; {verdict.reason()}")

        def pdfsig() -> None:
            subprocess.run(["pdfsig", str(pdf)], capture_output=True, check=False)

        data = pdf.read_bytes()
        verify_bytes(data, roots)  # warm: imports
        _, ours = timed(lambda: verify_pdf(pdf, trusted=der), repeat=5)
        _, inside = timed(lambda: verify_bytes(data, roots), repeat=7)
        _, theirs = timed(pdfsig, repeat=7)
        report("lpsa verify's check (bounded child), median", ours)
        report("the verdict alone, in-process (warm), median", inside)
        report("pdfsig on the same file, median", theirs)
        print(f"{'ratio bounded check / pdfsig':<55} {ours / theirs:9.1f} x")
        print(f"{'ratio in-process verdict / pdfsig':<55} {inside / theirs:9.1f} x")


if __name__ == "__main__":
    main()
