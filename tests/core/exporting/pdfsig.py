"""What poppler's pdfsig (NSS), an independent implementation, says about a file."""

from __future__ import annotations

import subprocess
from pathlib import Path

ACCEPTS = "accepts"
REFUSES = "refuses"


def pdfsig_blocks(path: Path) -> list[str]:
    run = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    return run.stdout.split("Signature #")[1:]


def pdfsig_says(path: Path) -> str:
    """'accepts' when pdfsig reads every signature as valid (it may still note 'Not total
    document signed', its only word on later changes), else 'refuses'."""
    run = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    # An empty signature field (a signatory still to sign) is listed as "not signed".
    blocks = [b for b in run.stdout.split("Signature #")[1:] if "is not signed" not in b]
    if run.returncode != 0 or not blocks:
        return REFUSES
    valid = all("Signature Validation: Signature is Valid." in block for block in blocks)
    return ACCEPTS if valid else REFUSES
