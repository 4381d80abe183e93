"""Document benchmarks (issue 4): export and sign the demo agreement (target < 0.5 s); export
agreements of 125–1,000 indicators (target for 500: < 5 s, growing linearly).
Run: .venv/bin/python -m bench.bench_export"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import agreement_with_indicators, report, timed
from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.exporting.agreement_pdf import export_agreement_pdf
from lpsa_desktop.exporting.identity import Identity, create_identity, load_identity
from lpsa_desktop.exporting.signing import sign_pdf
from lpsa_desktop.exporting.verification import verify_pdf
from lpsa_desktop.services.demo import demo_agreement

PASSPHRASE = b"benchmark passphrase"

COLD = """
import time
start = time.perf_counter()
from pathlib import Path
from lpsa_desktop.exporting.agreement_pdf import export_agreement_pdf
from lpsa_desktop.exporting.identity import load_identity
from lpsa_desktop.exporting.signing import sign_pdf
from lpsa_desktop.services.demo import demo_agreement
imported = time.perf_counter()
folder = Path({folder!r})
export_agreement_pdf(demo_agreement(), folder / "cold.pdf")
sign_pdf(folder / "cold.pdf", folder / "cold-signed.pdf",
         load_identity(folder / "ec.p12", {passphrase!r}), "Cllr Margaret Hollis", certify=True)
done = time.perf_counter()
print(imported - start, done - imported)
"""


def bench_demo(folder: Path) -> None:
    demo = demo_agreement()
    ec = create_identity(
        folder / "ec.p12", name="Bench EC", organisation=None, passphrase=PASSPHRASE
    )
    rsa = create_identity(
        folder / "rsa.p12", name="Bench RSA", organisation=None, passphrase=PASSPHRASE,
        key_type="rsa",
    )  # fmt: skip
    ec_identity = load_identity(ec.identity, PASSPHRASE)
    rsa_identity = load_identity(rsa.identity, PASSPHRASE)
    out = folder / "demo.pdf"

    def export() -> None:
        export_agreement_pdf(demo, out)

    def export_and_sign(identity: Identity) -> None:
        export_agreement_pdf(demo, out)
        sign_pdf(out, folder / "signed.pdf", identity, "Cllr Margaret Hollis", certify=True)

    export_and_sign(ec_identity)  # warm: imports, font registration
    best, median = timed(export, repeat=7)
    report("export demo (12 targets, 20 indicators), best", best)
    report("export demo, median", median)
    best, median = timed(lambda: export_and_sign(ec_identity), repeat=7)
    report("export + sign demo, EC P-256 key, best", best, target=0.5)
    report("export + sign demo, EC P-256 key, median", median, target=0.5)
    _, median = timed(lambda: export_and_sign(rsa_identity), repeat=5)
    report("export + sign demo, RSA-3072 key, median", median, target=0.5)
    _, median = timed(lambda: verify_pdf(folder / "signed.pdf"), repeat=3)
    report("verify the signed demo (1 signature, bounded child), median", median)

    run = subprocess.run(
        [sys.executable, "-c", COLD.format(folder=str(folder), passphrase=PASSPHRASE)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    imports, work = (float(v) for v in run.stdout.split())
    report("fresh process: import reportlab + pyHanko", imports)
    report("fresh process: then export + sign demo", work)


def bench_scaling(folder: Path) -> None:
    per_indicator = []
    for count in (125, 250, 500, 1000):
        agreement = agreement_with_indicators(count)
        out = folder / f"grown-{count}.pdf"
        pages: list[int] = []

        def export(a: Agreement = agreement, path: Path = out, seen: list[int] = pages) -> None:
            seen.append(export_agreement_pdf(a, path).pages)

        _, median = timed(export, repeat=3)
        report(
            f"export {count:>5,} indicators ({pages[0]} pages), median",
            median,
            target=5.0 if count == 500 else None,
        )
        per_indicator.append(median / count)
    spread = max(per_indicator) / min(per_indicator)
    print(
        "time per indicator (ms): "
        + ", ".join(f"{v * 1000:.2f}" for v in per_indicator)
        + f"  (max/min {spread:.2f}: linear if close to 1)"
    )


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        bench_demo(Path(folder))
        bench_scaling(Path(folder))
